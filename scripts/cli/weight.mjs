/**
 * `npm run weight`: what each public page downloads before it can be used
 * (scripts/measure/page-weight.mjs). Exit 1 when a page is over budget, ships
 * a framework runtime, loads from another host or references a missing file.
 *
 *   npm run weight                        # dist/ (or DIST_DIR), top 10
 *   npm run weight -- --dir /tmp/d --top 20 --json
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { formatReport, measureSite, PAGE_BUDGET_BYTES } from '../measure/page-weight.mjs';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: configFor.start(process.env).distDir },
    budget: { type: 'string', default: String(PAGE_BUDGET_BYTES) },
    top: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const result = measureSite(values.dir, { budget: Number(values.budget) });
console.log(values.json ? JSON.stringify(result, null, 2) : formatReport(result, { top: Number(values.top) }));
const failed = result.overBudget.length + result.withFramework.length + result.withExternal.length + result.withMissing.length;
process.exit(failed > 0 ? 1 : 0);
