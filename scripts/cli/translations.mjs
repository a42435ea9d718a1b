/**
 * `npm run translations`: the translation report (scripts/content/translations.mjs).
 * The CMS stamps `sourceHash` when a translation is saved. For files edited outside the CMS:
 *
 *   npm run translations                       table of every entry and locale
 *   npm run translations -- --json             the same as JSON
 *   npm run translations -- --stamp            stamp translations that have no sourceHash
 *   npm run translations -- --stamp FILE...    stamp these translation files (after translating or reviewing them)
 *   npm run translations -- --check            exit 1 if anything is missing
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../lib/project-copy.mjs';
import { formatReport, needsStamp, report, stamp } from '../content/translations.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, stamp: { type: 'boolean' }, check: { type: 'boolean' } } });
let rows = await report();
if (values.stamp) {
  const targets = positionals.length ? positionals.map((p) => resolve(p)) : rows.filter(needsStamp).map((r) => join(projectRoot, r.file));
  let count = 0;
  for (const path of targets) if (await stamp(path)) count++;
  console.log(`Stamped ${count} translation(s) with their source hash.`);
  rows = await report();
}
if (values.json)
  console.log(
    JSON.stringify(
      rows.map(({ currentHash: _current, sourceHash: _stamped, ...row }) => row),
      null,
      2,
    ),
  );
else console.log(formatReport(rows));
const missing = rows.filter((r) => r.status === 'missing');
if (values.check && missing.length > 0) {
  console.error(`Missing translations:\n${missing.map((r) => `  ${r.file}`).join('\n')}`);
  process.exit(1);
}
