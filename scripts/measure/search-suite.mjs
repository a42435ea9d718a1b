/**
 * The search suite's pass rate per language and per kind of query, from the
 * results tests/e2e/search-suite.spec.ts wrote to reports/search-suite/.
 * Issue 12: at least 95% of all queries must be found.
 * Command line: scripts/cli/search-suite-report.mjs (a step of `npm test`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../../src/lib/content-files.ts';
import { projectRoot } from '../lib/project-copy.mjs';

export const REQUIRED_RATE = 0.95;
const KINDS = ['folding', 'capitals', 'stems', 'sentence', 'synonyms', 'typo', 'number'];

/**
 * @param {{ markdown?: boolean, root?: string }} [options] markdown: the table as Markdown
 * @returns {{ ok: boolean, lines: string[], errors: string[] }}
 */
export function searchSuiteReport({ markdown = false, root = projectRoot } = {}) {
  const suite = readYaml(join(root, 'tests', 'e2e', 'search-queries.yaml'));
  const locales = Object.keys(suite);
  const resultFile = (locale) => join(root, 'reports', 'search-suite', `${locale}.json`);
  const missing = locales.filter((l) => !existsSync(resultFile(l)));
  if (missing.length) return { ok: false, lines: [], errors: [`No search suite results for ${missing.join(', ')}: run tests/e2e/search-suite.spec.ts first.`] };
  /** @type {Record<string, Array<{ q: string, kind: string, found: boolean, expect: string[], top: string[] }>>} */
  const results = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(resultFile(l), 'utf8'))]));

  const cell = (rows) => (rows.length ? `${Math.round((100 * rows.filter((r) => r.found).length) / rows.length)}% (${rows.filter((r) => r.found).length}/${rows.length})` : '–');
  const all = Object.values(results).flat();
  const header = ['', ...KINDS, 'all'];
  const table = [
    header,
    ...locales.map((l) => [l, ...KINDS.map((k) => cell(results[l].filter((r) => r.kind === k))), cell(results[l])]),
    ['all', ...KINDS.map((k) => cell(all.filter((r) => r.kind === k))), cell(all)],
  ];
  const lines = [];
  if (markdown) {
    lines.push(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    for (const row of table.slice(1)) lines.push(`| ${row.join(' | ')} |`);
  } else {
    const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
    for (const row of table) lines.push(row.map((c, i) => c.padEnd(widths[i])).join('  '));
  }
  const misses = Object.entries(results).flatMap(([l, rows]) =>
    rows.filter((r) => !r.found).map((r) => `  ${l} ${r.kind} "${r.q}": expected ${r.expect.join(', ')}; first results: ${r.top.slice(0, 5).join(', ') || 'none'}`),
  );
  if (misses.length) lines.push(`\nNot found:\n${misses.join('\n')}`);

  const rate = all.filter((r) => r.found).length / all.length;
  if (rate < REQUIRED_RATE) return { ok: false, lines, errors: [`${Math.round(rate * 100)}% of ${all.length} queries found; at least ${REQUIRED_RATE * 100}% required.`] };
  lines.push(`\n✓ ${Math.round(rate * 1000) / 10}% of ${all.length} queries found.`);
  return { ok: true, lines, errors: [] };
}
