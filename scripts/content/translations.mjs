/**
 * Translation report: every entry × locale with its status.
 *
 *   source    the original (default-locale) text
 *   machine   machine translation, not yet checked by a native speaker
 *   reviewed  checked by a native speaker
 *   outdated  the source changed after this translation was made
 *   missing   no file, or only Decap's empty per-locale file (decap-cms #6932)
 *
 * "Outdated" is detected automatically: each translation stores the hash of
 * the source text it was made from (`sourceHash`); the report compares it with
 * the source's current hash. The hash covers only what translators translate
 * (fields marked `i18n: true` in the schema, and the body), so changing a date
 * or a helpline list does not mark every translation outdated.
 *
 * The command line is scripts/cli/translations.mjs (`npm run translations`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionFolder, collectionNames, collections, entryFile } from '../../src/collections.ts';
import { defaultLocale, localeCodes } from '../../src/i18n/locales.ts';
import { isUntranslatedStub } from '../../src/schemas/common.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { readMarkdown } from '../lib/front-matter.mjs';
import { projectRoot } from '../lib/project-copy.mjs';

/**
 * Hash of what a translator translates: the translatable fields and the body.
 * @param {{ data: Record<string, unknown>, body: string }} entry
 * @param {string[]} fields names of the translatable fields (translatableFieldNames)
 * @returns {string} 12 hexadecimal digits
 */
export function sourceHashOf(entry, fields) {
  const picked = Object.fromEntries(fields.filter((f) => entry.data[f] !== undefined).map((f) => [f, entry.data[f]]));
  return createHash('sha256').update(JSON.stringify([picked, entry.body.trim()])).digest('hex').slice(0, 12);
}

/**
 * @typedef {{ collection: string, slug: string, locale: string, status: 'source' | 'machine' | 'reviewed' | 'outdated' | 'missing',
 *   file: string, stamped: boolean, currentHash: string | undefined }} ReportRow
 */

/**
 * One row per entry and locale, for every Markdown collection of the registry.
 * @param {string} [root] the project folder (a copy, in tests)
 * @returns {ReportRow[]}
 */
export function translationReport(root = projectRoot) {
  const rows = [];
  for (const collection of collectionNames) {
    const fields = translatableFieldNames(collections[collection].fields);
    const dir = join(root, collectionFolder(collection));
    const slugs = new Set(
      localeCodes.flatMap((l) => (existsSync(join(dir, l)) ? readdirSync(join(dir, l)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)) : [])),
    );
    for (const slug of [...slugs].sort()) {
      const sourceFile = join(root, entryFile(collection, defaultLocale, slug));
      const source = existsSync(sourceFile) ? readMarkdown(sourceFile) : undefined;
      const currentHash = source && !isUntranslatedStub(source.data) ? sourceHashOf(source, fields) : undefined;
      for (const locale of localeCodes) {
        const file = entryFile(collection, locale, slug);
        const entry = existsSync(join(root, file)) ? readMarkdown(join(root, file)) : undefined;
        let status;
        if (!entry || isUntranslatedStub(entry.data)) status = 'missing';
        else if (entry.data.translationStatus === 'source') status = 'source';
        else if (currentHash && entry.data.sourceHash && entry.data.sourceHash !== currentHash) status = 'outdated';
        else status = entry.data.translationStatus;
        rows.push({ collection, slug, locale, status, file, stamped: Boolean(entry?.data.sourceHash), currentHash });
      }
    }
  }
  return rows;
}

/**
 * Adds `sourceHash: <hash>` after the translationStatus line, touching nothing else in the file.
 * @param {ReportRow} row
 * @param {string} [root]
 * @returns {boolean} whether the file changed
 */
export function stamp(row, root = projectRoot) {
  const file = join(root, row.file);
  const text = readFileSync(file, 'utf8');
  const updated = text.replace(/^(translationStatus:.*)$/m, `$1\nsourceHash: "${row.currentHash}"`);
  if (updated !== text) writeFileSync(file, updated);
  return updated !== text;
}

/** Translations that are made or reviewed but carry no hash yet: what `--stamp` writes. */
export const needsStamp = (/** @type {ReportRow} */ row) => (row.status === 'machine' || row.status === 'reviewed') && !row.stamped && Boolean(row.currentHash);

/**
 * The report as a plain-text table: one line per entry, one column per locale.
 * @param {ReportRow[]} rows
 */
export function formatReport(rows) {
  const width = Math.max(...rows.map((r) => `${r.collection}/${r.slug}`.length));
  const lines = [`${'entry'.padEnd(width)}  ${localeCodes.map((l) => l.padEnd(8)).join(' ')}`];
  const keys = [...new Set(rows.map((r) => `${r.collection}/${r.slug}`))];
  for (const key of keys) {
    const cells = localeCodes.map((l) => rows.find((r) => `${r.collection}/${r.slug}` === key && r.locale === l)?.status ?? '?');
    lines.push(`${key.padEnd(width)}  ${cells.map((c) => c.padEnd(8)).join(' ')}`);
  }
  const totals = Object.entries(Object.groupBy(rows, (r) => r.status)).map(([s, list]) => `${s}: ${list?.length}`);
  lines.push('', `${keys.length} entries × ${localeCodes.length} locales. ${totals.join(', ')}`);
  return lines.join('\n');
}
