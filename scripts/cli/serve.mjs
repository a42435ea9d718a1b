/**
 * Serves a built site with Cloudflare's own runtime (scripts/serve/pages-dev.mjs:
 * wrangler pages dev, workerd). The e2e suite starts it (tests/playwright.config.ts).
 *
 *   npx node scripts/cli/serve.mjs [--port 4321] [--dir dist]      defaults: PORT, DIST_DIR
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { startPagesDev } from '../serve/pages-dev.mjs';

const config = configFor.start(process.env);
const { values } = parseArgs({ options: { port: { type: 'string', default: String(config.sitePort) }, dir: { type: 'string', default: config.distDir } } });
const server = await startPagesDev({ dir: resolve(values.dir), port: Number(values.port) });
console.log(`Site:  ${server.url}  (serving ${values.dir}/ on workerd)`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
