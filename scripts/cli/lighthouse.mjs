/**
 * `npm run lighthouse`: Lighthouse on the built site as a host serves it
 * (scripts/measure/lighthouse.mjs); the last step of `npm test`.
 *
 *   npm run lighthouse                 # dist/ (or DIST_DIR), built with `npm run build -- --local`
 *   npm run lighthouse -- --dir /tmp/d --locales tr,ar,fa --pages home,search
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { BARS, CATEGORIES, runLighthouse } from '../measure/lighthouse.mjs';

const config = configFor.lighthouse(process.env);
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: config.distDir },
    locales: { type: 'string', default: 'tr,ar' },
    pages: { type: 'string' },
    out: { type: 'string', default: 'reports/lighthouse' },
  },
});
const started = performance.now();
console.log(
  `Lighthouse ${CATEGORIES.join(', ')} (mobile, simulated throttling); bars: ${Object.entries(BARS)
    .map(([c, b]) => `${c} ≥ ${b}`)
    .join(', ')}, layout shift 0; performance reported only`,
);
const rows = await runLighthouse({
  dist: values.dir,
  port: config.sitePort,
  locales: values.locales.split(','),
  pages: values.pages?.split(','),
  outDir: values.out,
  chromePath: process.env.CHROMIUM_PATH,
});
const failed = rows.filter((r) => r.failures.length > 0);
writeFileSync(join(values.out, 'summary.json'), JSON.stringify(rows, null, 2));
console.log(`${rows.length} runs in ${((performance.now() - started) / 1000).toFixed(0)} s; reports in ${values.out}/`);
if (failed.length > 0) {
  console.error(`✗ ${failed.length} page(s) below the bar.`);
  process.exit(1);
}
