/**
 * Servers for the CMS end-to-end tests, on a temporary copy of the project
 * (scripts/project-copy.mjs) so the CMS can write content without touching
 * the real one:
 * - the copy is built (site + /admin/, with the admin pointing at decap-server
 *   on DECAP_SERVER_PORT) and its dist/ served on Cloudflare's runtime
 *   (scripts/pages-dev.mjs, wrangler pages dev), which applies _headers, so
 *   the admin runs under its real CSP;
 * - decap-server runs with its working directory in the copy, bound to 127.0.0.1,
 *   behind the Host/Origin guard of `npm start` (scripts/decap-server.mjs).
 * The copy's path is handed to the tests in CMS_COPY_DIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, join } from 'node:path';
import { buildIn as untypedBuildIn, copyProject, projectRoot, removeCopy } from '../../scripts/project-copy.mjs';
import { startPagesDev } from '../../scripts/pages-dev.mjs';

export const SITE_PORT = Number(process.env.TEST_PORT ?? 4420);
export const DECAP_SERVER_PORT = Number(process.env.DECAP_SERVER_PORT ?? 8091);

// project-copy.mjs is plain JavaScript; TypeScript infers its options from the `= {}` default.
const buildIn = untypedBuildIn as (dir: string, options: { outDir?: string; env?: Record<string, string> }) => { status: number; output: string };

export function buildCopy(dir: string) {
  const started = Date.now();
  const result = buildIn(dir, { outDir: join(dir, 'dist'), env: { DECAP_SERVER_PORT: String(DECAP_SERVER_PORT) } });
  if (result.status !== 0) throw new Error(`Build of the project copy failed:\n${result.output.slice(-4000)}`);
  return Date.now() - started;
}

/** Waits for our decap-server: it names its repository after its folder, so another run's server on the same port is told apart. */
export async function waitForDecapServer(port: number, child: ChildProcess, dir: string) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with code ${child.exitCode} (port ${port} in use? set DECAP_SERVER_PORT)`);
    try {
      // As the admin page asks: scripts/decap-server.mjs refuses any other Origin.
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${SITE_PORT}` },
        body: JSON.stringify({ action: 'info' }),
      });
      const info = (await res.json()) as { repo?: string };
      if (info.repo === basename(dir)) return;
      throw new Error(`another decap-server (for "${info.repo}") answers on port ${port}: set DECAP_SERVER_PORT`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('another decap-server')) throw error;
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`decap-server did not answer on port ${port}`);
}

export default async function globalSetup() {
  const dir = copyProject('cms-e2e-');
  process.env.CMS_COPY_DIR = dir;
  const ms = buildCopy(dir);
  console.log(`[cms] project copy ${dir} built in ${(ms / 1000).toFixed(1)} s`);
  const site = await startPagesDev({ dir: join(dir, 'dist'), port: SITE_PORT });
  // The guarded decap-server of `npm start` (scripts/decap-server.mjs), writing into the copy.
  const decap = spawn(process.execPath, [join(projectRoot, 'scripts', 'decap-server.mjs')], {
    cwd: dir,
    env: { ...process.env, DECAP_SERVER_PORT: String(DECAP_SERVER_PORT), SITE_PORT: String(SITE_PORT), GIT_REPO_DIRECTORY: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForDecapServer(DECAP_SERVER_PORT, decap, dir);
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
