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
 * Usage: node scripts/decap-server.mjs   (scripts/start.mjs and the CMS tests run it)
 *   DECAP_SERVER_PORT  port to listen on (default 8081), on 127.0.0.1 only
 *   SITE_PORT          port of the site whose admin page may call it (default: PORT, else 4321)
 *   GIT_REPO_DIRECTORY folder it writes into (decap-server's own variable; default: the working directory)
 */
import { createRequire } from 'node:module';

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
  if (origin === undefined) return 'no Origin header: only the site\'s admin page may call this server';
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
export async function startDecapServer({ port = 8081, sitePort = 4321, repoDir = process.cwd(), logLevel = 'info', log } = {}) {
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.DECAP_SERVER_PORT ?? 8081);
  const sitePort = Number(process.env.SITE_PORT ?? process.env.PORT ?? 4321);
  const server = await startDecapServer({ port, sitePort, repoDir: process.env.GIT_REPO_DIRECTORY ?? process.cwd(), logLevel: process.env.LOG_LEVEL ?? 'info' });
  console.log(`decap-server on http://127.0.0.1:${server.address().port}/api/v1, answering only to http://localhost:${sitePort} and http://127.0.0.1:${sitePort}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
