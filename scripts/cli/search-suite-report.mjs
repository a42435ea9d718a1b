/**
 * The search suite's pass rate per language and kind (scripts/measure/search-suite.mjs);
 * exits non-zero below 95% or when a language has no results. A step of `npm test`.
 *
 *   npx node scripts/cli/search-suite-report.mjs [--markdown]
 */
import { parseArgs } from 'node:util';
import { searchSuiteReport } from '../measure/search-suite.mjs';

const { values } = parseArgs({ options: { markdown: { type: 'boolean', default: false } } });
const { ok, lines, errors } = searchSuiteReport({ markdown: values.markdown });
for (const line of lines) console.log(line);
for (const error of errors) console.error(`\n✗ ${error}`);
process.exit(ok ? 0 : 1);
