/**
 * `npm run build`: the static site into dist/ (or DIST_DIR), with its search
 * index, CSP header and link check (scripts/build/build-site.mjs). One
 * command, so `npm start`, the tests and CI build the same way.
 *
 * The site's public address comes from SITE_URL, else Netlify's URL, else
 * Cloudflare's CF_PAGES_URL (src/lib/site-url.ts); without any, the build
 * fails. `--local` (what `npm start` and `npm test` use) builds for this
 * machine: without those variables, the address is http://127.0.0.1:$PORT/.
 *
 *   npm run build [-- --local] [-- --out-dir /tmp/site]
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../build/build-site.mjs';
import { configFor } from '../lib/config.mjs';

const config = configFor.start(process.env);
const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: config.distDir }, local: { type: 'boolean', default: false } } });
const result = await buildSite({ outDir: values['out-dir'], localPort: values.local ? config.sitePort : undefined });
process.exit(result.ok ? 0 : 1);
