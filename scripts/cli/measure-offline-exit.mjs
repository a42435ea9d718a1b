/**
 * `npm run measure:offline-exit`: how long the quick exit takes to leave when "Keep for offline"
 * was used, against the 100 ms issue 16 allows (scripts/measure/offline-exit.mjs), on the built
 * site in DIST_DIR (default dist/; build it first with `npm run build -- --local`).
 *
 *   npm run measure:offline-exit [-- --runs 10 --port N --dir dist --screenshots docs/offline]
 *   (port: TEST_PORT's default, the e2e server's; --screenshots also saves the offline notice in tr and ar)
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { measureOfflineExit } from '../measure/offline-exit.mjs';

const config = configFor.e2e(process.env);
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    port: { type: 'string', default: String(config.sitePort) },
    dir: { type: 'string', default: config.distDir },
    screenshots: { type: 'string' },
  },
});
await measureOfflineExit({ distDir: values.dir, port: Number(values.port), runs: Number(values.runs), screenshots: values.screenshots });
