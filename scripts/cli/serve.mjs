/**
 * Serves a built site the way the static hosts do (scripts/serve/static-server.mjs).
 * The e2e suite starts it (tests/playwright.config.ts).
 *
 *   npx node scripts/cli/serve.mjs [--port 4321] [--dir dist]      defaults: PORT, DIST_DIR
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { startServer } from '../serve/static-server.mjs';

const config = configFor.start(process.env);
const { values } = parseArgs({ options: { port: { type: 'string', default: String(config.sitePort) }, dir: { type: 'string', default: config.distDir } } });
if (!existsSync(values.dir)) {
  console.error(`No ${values.dir}/ folder: run \`npm run build\` first.`);
  process.exit(1);
}
await startServer({ dir: values.dir, port: Number(values.port) });
console.log(`Site:  http://127.0.0.1:${values.port}/  (serving ${values.dir}/)`);
