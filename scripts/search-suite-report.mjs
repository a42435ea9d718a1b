/**
 * The search suite's pass rate per language and per kind of query, from the
 * results tests/e2e/search-suite.spec.ts wrote to reports/search-suite/.
 * Exits non-zero if any language of tests/e2e/search-queries.yaml has no
 * results, or fewer than 95% of all queries are found (issue 12).
 *
 * Usage: npx node scripts/search-suite-report.mjs [--markdown]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const REQUIRED_RATE = 0.95;
const KINDS = ['folding', 'capitals', 'stems', 'sentence', 'synonyms', 'typo', 'number'];

const suite = parse(readFileSync(new URL('../tests/e2e/search-queries.yaml', import.meta.url), 'utf8'));
const locales = Object.keys(suite);
const missing = locales.filter((l) => !existsSync(new URL(`../reports/search-suite/${l}.json`, import.meta.url)));
if (missing.length) {
  console.error(`No search suite results for ${missing.join(', ')}: run tests/e2e/search-suite.spec.ts first.`);
  process.exit(1);
}
/** @type {Record<string, Array<{ q: string, kind: string, found: boolean, expect: string[], top: string[] }>>} */
const results = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(new URL(`../reports/search-suite/${l}.json`, import.meta.url), 'utf8'))]));

const cell = (rows) => (rows.length ? `${Math.round((100 * rows.filter((r) => r.found).length) / rows.length)}% (${rows.filter((r) => r.found).length}/${rows.length})` : '–');
const all = Object.values(results).flat();
const header = ['', ...KINDS, 'all'];
const table = [
  header,
  ...locales.map((l) => [l, ...KINDS.map((k) => cell(results[l].filter((r) => r.kind === k))), cell(results[l])]),
  ['all', ...KINDS.map((k) => cell(all.filter((r) => r.kind === k))), cell(all)],
];
if (process.argv.includes('--markdown')) {
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of table.slice(1)) console.log(`| ${row.join(' | ')} |`);
} else {
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i])).join('  '));
}
const misses = Object.entries(results).flatMap(([l, rows]) => rows.filter((r) => !r.found).map((r) => `  ${l} ${r.kind} "${r.q}": expected ${r.expect.join(', ')}; first results: ${r.top.slice(0, 5).join(', ') || 'none'}`));
if (misses.length) console.log(`\nNot found:\n${misses.join('\n')}`);

const rate = all.filter((r) => r.found).length / all.length;
if (rate < REQUIRED_RATE) {
  console.error(`\n✗ ${Math.round(rate * 100)}% of ${all.length} queries found; at least ${REQUIRED_RATE * 100}% required.`);
  process.exit(1);
}
console.log(`\n✓ ${Math.round(rate * 1000) / 10}% of ${all.length} queries found.`);
