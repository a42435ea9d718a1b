/**
 * Translation report: every entry × locale with its status, computed by
 * src/lib/translation-status.ts, the module the CMS's translation page and
 * its save stamp use (issue 14).
 *
 *   source    the original (default-locale) text
 *   missing   no file, or only Decap's empty per-locale file (decap-cms #6932)
 *   draft     a translation saved unfinished (never published)
 *   machine   machine translation, not yet checked by a native speaker
 *   reviewed  checked by a native speaker
 *   outdated  the source text changed after this translation was made
 *
 * The CMS stamps `sourceHash` when a translation is saved. For files edited
 * outside the CMS:
 *   npm run translations                       table of every entry and locale
 *   npm run translations -- --json             the same as JSON
 *   npm run translations -- --stamp            stamp translations that have no sourceHash
 *   npm run translations -- --stamp FILE...    stamp these translation files (after translating or reviewing them)
 *   npm run translations -- --check            exit 1 if anything is missing
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLocale, localeCodes } from '../src/i18n/locales.ts';
import { collectionShapes, fieldOrderOf } from '../src/lib/content-rules/entries.ts';
import { markdownFile, parseMarkdownFile } from '../src/lib/content-format.ts';
import { sourceHashOf, translationReport } from '../src/lib/translation-status.ts';

const root = join(import.meta.dirname, '..');

/**
 * One Markdown file as the report reads it (src/lib/content-format.ts, the CMS's
 * own reader): `{ text, data, body }`, front matter without the body. The
 * content checks (tests/content/) read files with this too, so both see the same data.
 */
export function readEntry(file) {
  const text = readFileSync(file, 'utf8');
  const { body, ...data } = parseMarkdownFile(text);
  return { text, data, body: typeof body === 'string' ? body : '' };
}

/** Every language file of every Markdown collection under `contentDir`. */
export function readContentFiles(contentDir = join(root, 'content')) {
  const files = [];
  for (const collection of Object.keys(collectionShapes)) {
    for (const locale of localeCodes) {
      const dir = join(contentDir, collection, locale);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        const { body, ...data } = parseMarkdownFile(readFileSync(join(dir, file), 'utf8'));
        files.push({ collection, locale, name: file.slice(0, -3), data, body: typeof body === 'string' ? body : '' });
      }
    }
  }
  return files;
}

export async function report(contentDir) {
  return translationReport(readContentFiles(contentDir));
}

/** Writes sourceHash = the source's current hash into one translation file, in the CMS's own format. */
async function stamp(path) {
  const [collection, locale, file] = relative(join(root, 'content'), path).split('/');
  if (!collection || !locale || locale === defaultLocale || !file) return false;
  const source = parseMarkdownFile(readFileSync(join(root, 'content', collection, defaultLocale, file), 'utf8'));
  const data = parseMarkdownFile(readFileSync(path, 'utf8'));
  const hash = await sourceHashOf(collection, source, String(source.body ?? ''));
  if (data.sourceHash === hash) return false;
  writeFileSync(path, markdownFile({ ...data, sourceHash: hash }, fieldOrderOf(collection)));
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, stamp: { type: 'boolean' }, check: { type: 'boolean' } } });
  let rows = await report();
  if (values.stamp) {
    const targets = positionals.length
      ? positionals.map((p) => resolve(p))
      : rows.filter((r) => (r.status === 'machine' || r.status === 'reviewed') && !r.sourceHash).map((r) => join(root, 'content', r.collection, r.locale, `${r.slug}.md`));
    let count = 0;
    for (const path of targets) if (await stamp(path)) count++;
    console.log(`Stamped ${count} translation(s) with their source hash.`);
    rows = await report();
  }
  if (values.json) {
    console.log(JSON.stringify(rows.map(({ currentHash, sourceHash, ...r }) => r), null, 2));
  } else {
    const key = (r) => `${r.collection}/${r.slug}`;
    const keys = [...new Set(rows.map(key))];
    const width = Math.max(...keys.map((k) => k.length));
    console.log(`${'entry'.padEnd(width)}  ${localeCodes.map((l) => l.padEnd(8)).join(' ')}`);
    for (const k of keys) {
      const cells = localeCodes.map((l) => rows.find((r) => key(r) === k && r.locale === l)?.status ?? '?');
      console.log(`${k.padEnd(width)}  ${cells.map((c) => c.padEnd(8)).join(' ')}`);
    }
    const totals = Object.entries(Object.groupBy(rows, (r) => r.status)).map(([s, list]) => `${s}: ${list.length}`);
    console.log(`\n${keys.length} entries × ${localeCodes.length} locales. ${totals.join(', ')}`);
  }
  if (values.check && rows.some((r) => r.status === 'missing')) {
    console.error('Missing translations:\n' + rows.filter((r) => r.status === 'missing').map((r) => `  content/${r.collection}/${r.locale}/${r.slug}.md`).join('\n'));
    process.exit(1);
  }
}
