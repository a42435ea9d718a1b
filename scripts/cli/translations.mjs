/**
 * `npm run translations`: the translation report (scripts/content/translations.mjs).
 *
 *   npm run translations                 table of every entry and locale
 *   npm run translations -- --json       the same as JSON
 *   npm run translations -- --stamp      write sourceHash into translations that have none
 *                                        (run once when a translation is made or reviewed)
 *   npm run translations -- --check      exit 1 if anything is missing
 */
import { parseArgs } from 'node:util';
import { formatReport, needsStamp, stamp, translationReport } from '../content/translations.mjs';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, stamp: { type: 'boolean' }, check: { type: 'boolean' } } });
let rows = translationReport();
if (values.stamp) {
  const stamped = rows.filter(needsStamp).filter((row) => stamp(row));
  console.log(`Stamped ${stamped.length} translation(s) with their source hash.`);
  rows = translationReport();
}
if (values.json)
  console.log(
    JSON.stringify(
      rows.map(({ currentHash: _hash, stamped: _stamped, ...row }) => row),
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
