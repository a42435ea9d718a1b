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
 * Usage:
 *   npm run translations                 table of every entry and locale
 *   npm run translations -- --json       the same as JSON
 *   npm run translations -- --stamp      write sourceHash into translations that have none
 *                                        (run once when a translation is made or reviewed)
 *   npm run translations -- --check      exit 1 if anything is missing
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { defaultLocale, localeCodes } from '../../src/i18n/locales.ts';
import { translatableFieldNames } from '../../src/schemas/meta.ts';
import { campaignFields, helplineFields, materialFields, pageFields, rightsFields } from '../../src/schemas/index.ts';

const root = join(import.meta.dirname, '..', '..');
const collections = { campaigns: campaignFields, rights: rightsFields, materials: materialFields, helplines: helplineFields, pages: pageFields };

export function readEntry(file) {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { text, data: {}, body: text };
  return { text, data: yaml.load(match[1]) ?? {}, body: match[2] };
}

/** Hash of what a translator translates: the translatable fields and the body. */
export function sourceHashOf(entry, fields) {
  const picked = Object.fromEntries(fields.filter((f) => entry.data[f] !== undefined).map((f) => [f, entry.data[f]]));
  return createHash('sha256').update(JSON.stringify([picked, entry.body.trim()])).digest('hex').slice(0, 12);
}

const isStub = (data) => data.title === undefined && data.translationStatus === undefined;

export function translationReport() {
  const rows = [];
  for (const [collection, shape] of Object.entries(collections)) {
    const fields = translatableFieldNames(shape);
    const dir = join(root, 'content', collection);
    const slugs = new Set(
      localeCodes.flatMap((l) => (existsSync(join(dir, l)) ? readdirSync(join(dir, l)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)) : [])),
    );
    for (const slug of [...slugs].sort()) {
      const sourceFile = join(dir, defaultLocale, `${slug}.md`);
      const source = existsSync(sourceFile) ? readEntry(sourceFile) : undefined;
      const currentHash = source && !isStub(source.data) ? sourceHashOf(source, fields) : undefined;
      for (const locale of localeCodes) {
        const file = join(dir, locale, `${slug}.md`);
        const entry = existsSync(file) ? readEntry(file) : undefined;
        let status;
        if (!entry || isStub(entry.data)) status = 'missing';
        else if (entry.data.translationStatus === 'source') status = 'source';
        else if (currentHash && entry.data.sourceHash && entry.data.sourceHash !== currentHash) status = 'outdated';
        else status = entry.data.translationStatus;
        rows.push({ collection, slug, locale, status, file: relative(root, file), stamped: Boolean(entry?.data.sourceHash), currentHash });
      }
    }
  }
  return rows;
}

/** Adds `sourceHash: <hash>` after the translationStatus line, touching nothing else in the file. */
function stamp(row) {
  const file = join(root, row.file);
  const text = readFileSync(file, 'utf8');
  const updated = text.replace(/^(translationStatus:.*)$/m, `$1\nsourceHash: "${row.currentHash}"`);
  if (updated !== text) writeFileSync(file, updated);
  return updated !== text;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, stamp: { type: 'boolean' }, check: { type: 'boolean' } } });
  let rows = translationReport();
  if (values.stamp) {
    const stamped = rows.filter((r) => (r.status === 'machine' || r.status === 'reviewed') && !r.stamped && r.currentHash).filter(stamp);
    console.log(`Stamped ${stamped.length} translation(s) with their source hash.`);
    rows = translationReport();
  }
  if (values.json) {
    console.log(JSON.stringify(rows.map(({ currentHash, stamped, ...r }) => r), null, 2));
  } else {
    const width = Math.max(...rows.map((r) => `${r.collection}/${r.slug}`.length));
    console.log(`${'entry'.padEnd(width)}  ${localeCodes.map((l) => l.padEnd(8)).join(' ')}`);
    const keys = [...new Set(rows.map((r) => `${r.collection}/${r.slug}`))];
    for (const key of keys) {
      const cells = localeCodes.map((l) => rows.find((r) => `${r.collection}/${r.slug}` === key && r.locale === l)?.status ?? '?');
      console.log(`${key.padEnd(width)}  ${cells.map((c) => c.padEnd(8)).join(' ')}`);
    }
    const totals = Object.entries(Object.groupBy(rows, (r) => r.status)).map(([s, list]) => `${s}: ${list.length}`);
    console.log(`\n${keys.length} entries × ${localeCodes.length} locales. ${totals.join(', ')}`);
  }
  if (values.check && rows.some((r) => r.status === 'missing')) {
    console.error('Missing translations:\n' + rows.filter((r) => r.status === 'missing').map((r) => `  ${r.file}`).join('\n'));
    process.exit(1);
  }
}
