/**
 * Serves a built site with Cloudflare's own runtime: `wrangler pages dev`,
 * which runs workerd (the open-source Cloudflare Workers runtime, a binary
 * that npm installs from @cloudflare/workerd-<platform>). It applies
 * `_headers`, `_redirects` and the per-folder `404.html` lookup exactly as
 * Cloudflare Pages does, so `npm start`, the end-to-end tests, the CMS tests
 * and Lighthouse all see the site as a host serves it, not as a server of our
 * own would.
 *
 * Offline and quiet, on a fresh machine after `npm ci`:
 * - WRANGLER_SEND_METRICS=false, DO_NOT_TRACK=1: no telemetry;
 * - WRANGLER_HIDE_BANNER=true: no banner, which is where wrangler checks the
 *   npm registry for a newer version; a fixed --compatibility-date older than
 *   the installed workerd avoids the other path to that check;
 * - CLOUDFLARE_CF_FETCH_ENABLED=false: no download of the `Request.cf` object
 *   from workers.cloudflare.com (a placeholder is used);
 * - WRANGLER_SEND_ERROR_REPORTS=false.
 * Listens on 127.0.0.1 only. Its DevTools inspector needs a port too: the
 * site's port + 50 (INSPECTOR_PORT overrides it). workerd also opens a few
 * loopback sockets for its own use on ports the OS picks (ephemeral range,
 * 32768+), which wrangler does not let us choose.
 *
 * It also holds wrangler to what Cloudflare would deploy: if wrangler reports
 * an invalid `_headers` rule, or an invalid `_redirects` rule other than the
 * status-404 lines meant for Netlify (src/integrations/hosts.ts), it stops
 * with that report instead of serving a site Cloudflare would serve differently.
 *
 * Usage: npx node scripts/pages-dev.mjs [--port 4321] [--dir dist]
 * or, from code: `const server = await startPagesDev({ dir, port }); …; await server.close();`
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
/** Any date up to the installed workerd's own; Pages serving static files does not depend on it. */
export const COMPATIBILITY_DATE = '2026-11-01';
/** The inspector port is the site's port plus this, unless INSPECTOR_PORT says otherwise. */
export const INSPECTOR_OFFSET = 50;

/** Environment that keeps wrangler offline, quiet and without telemetry (see above). */
export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  DO_NOT_TRACK: '1',
  WRANGLER_HIDE_BANNER: 'true',
  WRANGLER_NO_SKILLS_UPDATE_PROMPTS: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  NO_UPDATE_NOTIFIER: '1',
};

/** The command line: `wrangler pages dev <dir> --ip 127.0.0.1 --port … --inspector-port …`. */
export function pagesDevArgs({ dir, port, inspectorPort = Number(process.env.INSPECTOR_PORT ?? port + INSPECTOR_OFFSET) }) {
  return [
    'pages', 'dev', resolve(dir),
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--inspector-port', String(inspectorPort),
    '--compatibility-date', COMPATIBILITY_DATE,
    '--log-level', 'warn',
    '--show-interactive-dev-session=false',
    // Its state folder (empty for a static site) stays out of the project and other runs.
    '--persist-to', join(stateDir(port), 'state'),
  ];
}

/** One folder per port under .wrangler/, so two servers (site and fixture site) never share one. */
function stateDir(port) {
  const dir = join(root, '.wrangler', `port-${port}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The wrangler executable from node_modules (the exact version pinned in package.json). */
export const WRANGLER_BIN = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/**
 * Starts `wrangler pages dev` on 127.0.0.1:`port` serving `dir`, and resolves
 * once the site answers. `close()` stops wrangler and its workerd processes.
 * Rejects if wrangler exits first (e.g. port in use) or nothing answers in `timeoutMs`.
 */
export async function startPagesDev({ dir, port, timeoutMs = 180_000 }) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`No built site in ${dir}: run \`npm run build -- --local\` first.`);
  const child = spawn(process.execPath, [WRANGLER_BIN, ...pagesDevArgs({ dir, port })], {
    cwd: stateDir(port),
    env: { ...process.env, ...WRANGLER_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    stream.on('data', (chunk) => {
      log += chunk;
      out.write(chunk);
    });
  }
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`wrangler pages dev exited (code ${code}) before serving ${url}; is port ${port} or ${port + INSPECTOR_OFFSET} in use?`))));
  exited.catch(() => {});
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) await exited;
    try {
      // Each attempt gets its own deadline: workerd can accept a connection before it is ready and
      // leave that request unanswered (seen under load; undici would wait 300 s for its headers),
      // while a fresh request a moment later is served.
      const response = await Promise.race([fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) }), exited]);
      if (response.status < 500) break;
    } catch (error) {
      if (child.exitCode !== null) throw error;
    }
    if (Date.now() - started > timeoutMs) {
      child.kill();
      throw new Error(`wrangler pages dev did not answer on ${url} within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // wrangler reads _headers and _redirects before it serves, so its report on them is complete by now.
  const problems = rulesCloudflareRejects(log);
  if (problems.length) {
    child.kill();
    throw new Error(`Cloudflare Pages would not apply these rules in ${dir}:\n${problems.join('\n')}`);
  }
  return {
    url,
    process: child,
    close: () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * The rules wrangler reported as invalid, from its log, except the `_redirects`
 * lines with status 404 (Netlify's, which Cloudflare is expected to skip).
 * Each as wrangler printed it: "<file>:<line> | <rule>  (<reason>)".
 */
export function rulesCloudflareRejects(log) {
  // eslint-disable-next-line no-control-regex -- wrangler colours its warnings
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const problems = [];
  let reason = '';
  for (const line of lines) {
    if (/Found \d+ invalid (header|redirect) rules?/.test(line)) reason = '';
    const because = /^\s*▶︎?\s*(.+)$/.exec(line);
    const at = /^\s*at (.+_(headers|redirects):\d+)(?: \| (.*))?$/.exec(line);
    if (at) {
      const rule = at[3] ?? '';
      const isNetlify404 = at[2] === 'redirects' && /\s404$/.test(rule.trim()) && /Got 404\./.test(reason);
      if (!isNetlify404) problems.push(`${at[1]} | ${rule}  (${reason})`);
    } else if (because && !/^at /.test(because[1])) {
      reason = because[1];
      // Reported without a line of the file: a line too long, or too many rules.
      if (/^Ignoring line|^Maximum number/.test(reason)) problems.push(reason);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, dir: { type: 'string', default: process.env.DIST_DIR ?? 'dist' } } });
  const server = await startPagesDev({ dir: resolve(values.dir), port: Number(values.port) });
  console.log(`Site:  ${server.url}  (serving ${values.dir}/ on workerd)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
