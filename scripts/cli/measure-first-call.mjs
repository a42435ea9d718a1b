/**
 * `npm run measure:first-call`: where the first call button is on every page,
 * at two phone sizes (scripts/measure/first-call.mjs). Run after `npm run build -- --local`.
 *
 *   npm run measure:first-call [-- --port N --dir dist --out reports/first-call.json]
 *   (port: TEST_PORT's default, the e2e server's; dir: DIST_DIR)
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { measureFirstCall } from '../measure/first-call.mjs';

const config = configFor.e2e(process.env);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: String(config.sitePort) },
    dir: { type: 'string', default: config.distDir },
    out: { type: 'string', default: 'reports/first-call.json' },
  },
});
await measureFirstCall({ distDir: values.dir, port: Number(values.port), out: values.out });
