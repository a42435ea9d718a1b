/**
 * `npm run build`: the static site into dist/ (or DIST_DIR), with its search
 * index, CSP header and link check (scripts/build/build-site.mjs). One
 * command, so `npm start`, the tests and CI build the same way.
 *
 *   npm run build [-- --out-dir /tmp/site]
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../build/build-site.mjs';
import { configFor } from '../lib/config.mjs';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: configFor.start(process.env).distDir } } });
const result = await buildSite({ outDir: values['out-dir'] });
process.exit(result.ok ? 0 : 1);
