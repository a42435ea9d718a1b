/**
 * `npm run measure:search`: what search costs a reader on a cheap phone
 * (scripts/measure/search.mjs), on the built site in DIST_DIR (default dist/).
 *
 *   npm run measure:search [-- --port 4329 --runs 5 --cpu 4 --json]      port default: PORT or 4329
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { formatSearchReport, measureSearch } from '../measure/search.mjs';

const config = configFor.measureSearch(process.env);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(config.sitePort) },
    runs: { type: 'string', default: '5' },
    cpu: { type: 'string', default: '4' },
    json: { type: 'boolean', default: false },
  },
});
try {
  const report = await measureSearch({ distDir: config.distDir, port: Number(values.port), runs: Number(values.runs), cpuSlowdown: Number(values.cpu) });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatSearchReport(report));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
