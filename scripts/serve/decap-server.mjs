/**
 * decap-server (the CMS's local backend, which writes files on request),
 * answering only to the site's own admin page.
 *
 * Reasoning (issue 13): decap-server listens on 127.0.0.1, but a web page the
 * editor has open can still reach it by DNS rebinding: the attacker's name
 * resolves to 127.0.0.1, the browser treats the request as same-origin, and
 * decap-server writes whatever path it is given (a request with a foreign
 * Host wrote into scripts/, which runs at the next build). Its options do not
 * help: BIND_HOST only chooses the interface, and ORIGIN only sets the CORS
 * answer (decap-server src/middlewares/common/index.ts), which stops the
 * browser from reading a response, not the server from writing the file.
 *
 * So we run decap-server's own middleware (`registerLocalFs` from
 * decap-server/dist/middlewares, the documented way to mount it in an
 * existing express app) behind a guard that refuses, before anything is
 * read or written:
 * - a Host header other than 127.0.0.1:<port> or localhost:<port> (what a
 *   rebound name cannot send);
 * - an Origin other than the site's (http://127.0.0.1:<site port> or
 *   http://localhost:<site port>), or none: Decap's requests always carry
 *   one, since the admin page and decap-server are on different ports.
 *
 * It runs in a process of its own (scripts/cli/decap-server.mjs, started by
 * `spawnDecapServer()`): decap-server reads the folder it writes into from
 * process.env.GIT_REPO_DIRECTORY, so one process serves one folder. `npm start`
 * (./local-site.mjs) and the CMS tests (tests/cms/servers.ts) start it the same way.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { defaults } from '../lib/config.mjs';
import { projectRoot } from '../lib/project-copy.mjs';

/**
 * The Host and Origin values allowed for a decap-server on `port` serving the
 * admin page of the site on `sitePort`.
 */
export function allowedOrigins({ port, sitePort }) {
  return {
    hosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`]),
    origins: new Set([`http://127.0.0.1:${sitePort}`, `http://localhost:${sitePort}`]),
  };
}

/** Why a request must be refused, or undefined if it comes from the site's admin page. */
export function refusal(headers, allowed) {
  const host = String(headers.host ?? '').toLowerCase();
  if (!allowed.hosts.has(host)) return `Host "${host}" is not this server (${[...allowed.hosts].join(' or ')})`;
  const origin = headers.origin;
  if (origin === undefined) return "no Origin header: only the site's admin page may call this server";
  if (!allowed.origins.has(String(origin).toLowerCase())) return `Origin "${origin}" is not the site (${[...allowed.origins].join(' or ')})`;
  return undefined;
}

/** Express middleware: 403 for anything but the site's admin page, before decap-server sees the request. */
export function hostOriginGuard(allowed, log = console.error) {
  return (req, res, next) => {
    const reason = refusal(req.headers, allowed);
    if (!reason) return next();
    log(`decap-server guard: refused ${req.method} ${req.url}: ${reason}`);
    res.status(403).type('text/plain').send(`Refused: ${reason}.\n`);
  };
}

/**
 * Starts decap-server's file-system backend behind the guard.
 * Resolves with the http.Server once it listens on 127.0.0.1:`port` (0 picks a free port).
 * @param {{ port?: number, sitePort?: number, repoDir?: string, logLevel?: string, log?: (message: string) => void }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export async function startDecapServer({ port = defaults.decapServerPort, sitePort = defaults.sitePort, repoDir = process.cwd(), logLevel = 'info', log } = {}) {
  // decap-server's own copy of express, so its middleware and our app are one express.
  const requireFromDecap = createRequire(createRequire(import.meta.url).resolve('decap-server/package.json'));
  const express = requireFromDecap('express');
  const { registerLocalFs } = requireFromDecap('./dist/middlewares.js');
  process.env.GIT_REPO_DIRECTORY = repoDir;

  const app = express();
  app.disable('x-powered-by');
  const guard = { hosts: new Set(), origins: new Set() };
  app.use(hostOriginGuard(guard, log));
  await registerLocalFs(app, { logLevel });
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s)).on('error', reject);
  });
  // With port 0 the real port is known only now; the guard checks against it.
  Object.assign(guard, allowedOrigins({ port: server.address().port, sitePort }));
  return server;
}

/**
 * Starts the guarded decap-server in a child process (scripts/cli/decap-server.mjs),
 * writing into `cwd`, on 127.0.0.1:`port`, answering only to the admin page of the
 * site on `sitePort`.
 * @param {{ cwd: string, port: number, sitePort: number, logLevel?: string, stdio?: import('node:child_process').StdioOptions }} options
 * @returns {import('node:child_process').ChildProcess}
 */
export function spawnDecapServer({ cwd, port, sitePort, logLevel, stdio = 'inherit' }) {
  return spawn(process.execPath, [join(projectRoot, 'scripts', 'cli', 'decap-server.mjs')], {
    cwd,
    env: { ...process.env, DECAP_SERVER_PORT: String(port), SITE_PORT: String(sitePort), GIT_REPO_DIRECTORY: cwd, ...(logLevel ? { LOG_LEVEL: logLevel } : {}) },
    stdio,
  });
}

/**
 * Resolves once our decap-server answers, asked as the admin page asks (with the
 * site's Origin: the guard refuses any other). It names its repository after its
 * folder, so another run's server on the same port is told apart (and refused).
 * @param {{ port: number, sitePort: number, child: import('node:child_process').ChildProcess, dir: string, tries?: number }} options
 * @param {string} options.dir the folder it was started in
 * @param {number} [options.tries] tries, 100 ms apart (more when `child` builds the site first, as `npm start` does)
 */
export async function waitForDecapServer({ port, sitePort, child, dir, tries = 100 }) {
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`the process serving decap-server exited with code ${child.exitCode} (port ${port} in use? set DECAP_SERVER_PORT)`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${sitePort}` },
        body: JSON.stringify({ action: 'info' }),
      });
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
