/**
 * decap-server, Decap CMS's local backend: it reads and writes content/ and
 * public/uploads/ of a project folder on request, so it must never be
 * reachable from the network. Started by `npm start` (./local-site.mjs) and
 * the CMS tests (tests/cms/servers.ts) the same way.
 */
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { projectRoot } from '../lib/project-copy.mjs';

/**
 * Starts decap-server for the project in `cwd`, on 127.0.0.1 only (BIND_HOST), in "fs" mode.
 * @param {{ cwd: string, port: number, logLevel?: string, stdio?: import('node:child_process').StdioOptions }} options
 * @returns {import('node:child_process').ChildProcess}
 */
export function startDecapServer({ cwd, port, logLevel, stdio = 'inherit' }) {
  return spawn(process.execPath, [join(projectRoot, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    cwd,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', ...(logLevel ? { LOG_LEVEL: logLevel } : {}) },
    stdio,
  });
}

/**
 * Resolves once our decap-server answers. It names its repository after its
 * folder, so another run's server on the same port is told apart (and refused).
 * @param {number} port
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} dir the folder it was started in
 */
export async function waitForDecapServer(port, child, dir) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`decap-server exited with code ${child.exitCode} (port ${port} in use? set DECAP_SERVER_PORT)`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      const info = /** @type {{ repo?: string }} */ (await res.json());
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
