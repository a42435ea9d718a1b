/**
 * Servers for the CMS end-to-end tests, on a temporary copy of the project
 * (scripts/lib/project-copy.mjs) so the CMS can write content without touching
 * the real one:
 * - the copy is built with buildSite() (site + /admin/, with the admin pointing
 *   at decap-server on DECAP_SERVER_PORT) and its dist/ served on Cloudflare's
 *   runtime (scripts/serve/pages-dev.mjs, wrangler pages dev), which applies
 *   _headers, so the admin runs under its real CSP;
 * - decap-server runs with its working directory in the copy, bound to 127.0.0.1,
 *   behind the Host/Origin guard of `npm start` (scripts/serve/decap-server.mjs).
 * The copy's path is handed to the tests in CMS_COPY_DIR.
 * Ports: TEST_PORT and DECAP_SERVER_PORT (defaults in scripts/lib/config.mjs).
 */
import { join } from 'node:path';
import { buildSite } from '../../scripts/build/build-site.mjs';
import { configFor } from '../../scripts/lib/config.mjs';
import { copyProject, removeCopy } from '../../scripts/lib/project-copy.mjs';
import { spawnDecapServer, waitForDecapServer } from '../../scripts/serve/decap-server.mjs';
import { startPagesDev } from '../../scripts/serve/pages-dev.mjs';

export const { sitePort: SITE_PORT, decapServerPort: DECAP_SERVER_PORT } = configFor.cmsTests(process.env);

/** Builds the copy as `npm run build` does; returns the milliseconds it took. */
export async function buildCopy(dir: string) {
  const started = Date.now();
  const result = await buildSite({ root: dir, outDir: join(dir, 'dist'), env: { DECAP_SERVER_PORT: String(DECAP_SERVER_PORT) }, localPort: SITE_PORT, output: 'capture' });
  if (!result.ok) throw new Error(`Build of the project copy failed (${result.failedStep}):\n${result.output.slice(-4000)}`);
  return Date.now() - started;
}

export default async function globalSetup() {
  const dir = copyProject('cms-e2e-');
  process.env.CMS_COPY_DIR = dir;
  const ms = await buildCopy(dir);
  console.log(`[cms] project copy ${dir} built in ${(ms / 1000).toFixed(1)} s`);
  const site = await startPagesDev({ dir: join(dir, 'dist'), port: SITE_PORT });
  // The guarded decap-server of `npm start` (scripts/serve/decap-server.mjs), writing into the copy.
  const decap = spawnDecapServer({ cwd: dir, port: DECAP_SERVER_PORT, sitePort: SITE_PORT, logLevel: 'warn', stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    await waitForDecapServer({ port: DECAP_SERVER_PORT, sitePort: SITE_PORT, child: decap, dir });
  } catch (error) {
    decap.kill();
    await site.close();
    removeCopy(dir);
    throw error;
  }
  return async () => {
    decap.kill();
    await site.close();
    if (!process.env.KEEP_CMS_COPY) removeCopy(dir);
  };
}
