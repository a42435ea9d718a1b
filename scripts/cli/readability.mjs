/**
 * `npm run readability`: the readability report (scripts/content/readability.mjs; issue 10 point 7).
 *
 *   npm run readability                     table of every page, tr and en, with budget and pass/fail
 *   npm run readability -- --json           the same as JSON
 *   npm run readability -- --check          exit 1 if a budgeted page is over its budget
 *   npm run readability -- --content DIR    measure another copy of content/ (say, an older commit's)
 */
import { parseArgs } from 'node:util';
import { readabilityReport } from '../content/readability.mjs';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, check: { type: 'boolean' }, content: { type: 'string' } } });
const rows = readabilityReport(values.content);
if (values.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const ids = [...new Set(rows.map((r) => r.id))];
  const width = Math.max(...ids.map((id) => id.length));
  const cell = (r) => {
    if (!r) return '—'.padEnd(24);
    const mark = r.ok === undefined ? ' ' : r.ok ? '✓' : '✗';
    const budget = r.budget === undefined ? '' : ` (${r.locale === 'tr' ? '≥' : '≤'}${r.budget})`;
    return `${mark} ${r.score.toFixed(1).padStart(5)}${budget} ${r.wordsPerSentence.toFixed(1).padStart(4)} w/s`.padEnd(24);
  };
  console.log(`${'page'.padEnd(width)}  ${'tr: Ateşman (higher easier)'.padEnd(24)}  en: FK grade (lower easier)`);
  for (const id of ids)
    console.log(`${id.padEnd(width)}  ${cell(rows.find((r) => r.id === id && r.locale === 'tr'))}  ${cell(rows.find((r) => r.id === id && r.locale === 'en'))}`);
  const budgeted = rows.filter((r) => r.ok !== undefined);
  console.log(`\n${budgeted.filter((r) => r.ok).length} of ${budgeted.length} budgeted page × language pairs within budget (tr: Ateşman ≥ 70, en: Flesch–Kincaid grade ≤ 6).`);
}
if (values.check && rows.some((r) => r.ok === false)) {
  console.error(
    'Over budget:\n' +
      rows
        .filter((r) => r.ok === false)
        .map((r) => `  ${r.locale} ${r.id}: ${r.score.toFixed(1)} (budget ${r.budget})`)
        .join('\n'),
  );
  process.exit(1);
}
