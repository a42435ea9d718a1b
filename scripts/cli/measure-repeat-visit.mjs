/**
 * `npm run measure:repeat-visit`: what `Cache-Control: no-store` on HTML costs
 * a reader who comes back (scripts/measure/repeat-visit.mjs), on the built
 * site in DIST_DIR (default dist/; build it first with `npm run build -- --local`).
 *
 *   npm run measure:repeat-visit [-- --port 4322 --dir dist]      port default: TEST_PORT or 4322
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { measureRepeatVisit } from '../measure/repeat-visit.mjs';

const config = configFor.e2e(process.env);
const { values } = parseArgs({ options: { port: { type: 'string', default: String(config.sitePort) }, dir: { type: 'string', default: config.distDir } } });
await measureRepeatVisit({ distDir: values.dir, port: Number(values.port) });
