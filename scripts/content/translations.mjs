/**
 * Translation report of the repository's files: every entry × locale with its
 * status, computed by src/lib/translation-status.ts, the module the CMS's
 * translation page and its save stamp use (issue 14). Statuses: source,
 * missing, draft, machine, reviewed, outdated (see that module).
 *
 * The CMS stamps `sourceHash` when a translation is saved; `stamp()` does the
 * same for files edited outside the CMS, written in the CMS's own format
 * (src/lib/content-format.ts), so a stamped file is what a save would write.
 *
 * The command line is scripts/cli/translations.mjs (`npm run translations`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { collectionFolder, collectionNames, entryFile } from '../../src/collections.ts';
import { defaultLocale, isLocaleCode, localeCodes } from '../../src/i18n/locales.ts';
import { fieldOrderOf } from '../../src/lib/content-rules/entries.ts';
import { markdownFile, parseMarkdownFile } from '../../src/lib/content-format.ts';
import { sourceHashOf, translationReport } from '../../src/lib/translation-status.ts';
import { projectRoot } from '../lib/project-copy.mjs';

/**
 * One Markdown file as the report reads it (src/lib/content-format.ts, the CMS's
 * own reader): `{ text, data, body }`, front matter without the body. The
 * content checks (tests/content/) read files with this too, so both see the same data.
 * @param {string} file
 * @returns {{ text: string, data: Record<string, unknown>, body: string }}
 */
export function readEntry(file) {
  const text = readFileSync(file, 'utf8');
  const { body, ...data } = parseMarkdownFile(text);
  return { text, data, body: typeof body === 'string' ? body : '' };
}

/**
 * Every language file of every Markdown collection of a project.
 * @param {string} [root] the project folder (a copy, in tests)
 * @returns {import('../../src/lib/content-rules/entries.ts').ContentFile[]}
 */
export function readContentFiles(root = projectRoot) {
  const files = [];
  for (const collection of collectionNames) {
    for (const locale of localeCodes) {
      const dir = join(root, collectionFolder(collection), locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const { data, body } = readEntry(join(dir, file));
        files.push({ collection, locale, name: file.slice(0, -3), data, body });
      }
    }
  }
  return files;
}

/**
 * The report's rows (src/lib/translation-status.ts `ReportRow`), each with its file.
 * @param {string} [root]
 */
export async function report(root = projectRoot) {
  return (await translationReport(readContentFiles(root))).map((row) => ({ ...row, file: entryFile(row.collection, row.locale, row.slug) }));
}

/** Translations that are made or reviewed but carry no hash yet: what `--stamp` without files writes. */
export const needsStamp = (/** @type {{ status: string, sourceHash?: string }} */ row) => (row.status === 'machine' || row.status === 'reviewed') && !row.sourceHash;

/**
 * Writes sourceHash = the source's current hash into one translation file, in the CMS's own format.
 * @param {string} path the translation's file (absolute, or relative to the working directory's project)
 * @param {string} [root]
 * @returns {Promise<boolean>} whether the file changed (false for a source file or a path outside a collection)
 */
export async function stamp(path, root = projectRoot) {
  const rel = relative(root, path).split(sep).join('/');
  const name = collectionNames.find((n) => rel.startsWith(`${collectionFolder(n)}/`));
  if (!name) return false;
  const [locale, file] = rel.slice(collectionFolder(name).length + 1).split('/');
  if (!locale || !isLocaleCode(locale) || locale === defaultLocale || !file?.endsWith('.md')) return false;
  const source = parseMarkdownFile(readFileSync(join(root, entryFile(name, defaultLocale, file.slice(0, -3))), 'utf8'));
  const data = parseMarkdownFile(readFileSync(path, 'utf8'));
  const hash = await sourceHashOf(name, source, String(source.body ?? ''));
  if (data.sourceHash === hash) return false;
  writeFileSync(path, markdownFile({ ...data, sourceHash: hash }, fieldOrderOf(name)));
  return true;
}

/**
 * The report as a plain-text table: one line per entry, one column per locale.
 * @param {{ collection: string, slug: string, locale: string, status: string }[]} rows
 */
export function formatReport(rows) {
  const key = (/** @type {{ collection: string, slug: string }} */ r) => `${r.collection}/${r.slug}`;
  const keys = [...new Set(rows.map(key))];
  const width = Math.max(...keys.map((k) => k.length));
  const lines = [`${'entry'.padEnd(width)}  ${localeCodes.map((l) => l.padEnd(8)).join(' ')}`];
  for (const k of keys) {
    const cells = localeCodes.map((l) => rows.find((r) => key(r) === k && r.locale === l)?.status ?? '?');
    lines.push(`${k.padEnd(width)}  ${cells.map((c) => c.padEnd(8)).join(' ')}`);
  }
  const totals = Object.entries(Object.groupBy(rows, (r) => r.status)).map(([s, list]) => `${s}: ${list?.length}`);
  lines.push('', `${keys.length} entries × ${localeCodes.length} locales. ${totals.join(', ')}`);
  return lines.join('\n');
}
