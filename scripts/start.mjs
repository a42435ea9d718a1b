/**
 * `npm start`: the site as staff edit it locally.
 *   1. builds the site and /admin/ (scripts/build.mjs --local: the site's
 *      address is http://127.0.0.1:PORT/ unless SITE_URL says otherwise) into
 *      a fresh folder under .builds/;
 *   2. serves .builds/current on http://127.0.0.1:4321/ with Cloudflare's
 *      runtime (scripts/pages-dev.mjs: wrangler pages dev, workerd), so
 *      headers, 404 pages and redirects behave as on the host;
 *   3. runs decap-server on 127.0.0.1:8081, writing into content/ and
 *      public/uploads/ of this folder, so http://localhost:4321/admin/ edits
 *      the files here (Decap's local_backend, admin/backend.ts);
 *   4. rebuilds when content/ or public/uploads/ change (a save in the CMS).
 *      --no-watch turns that off; SIGUSR2 rebuilds at once (the CMS tests use it).
 * Ctrl-C stops everything.
 *
 * The last good build stays online (issue 14). Each rebuild goes into a new
 * folder; only when it succeeds does .builds/current (a symlink) switch to it,
 * in one rename. While it builds, and when it fails, the site and /admin/ keep
 * answering from the previous build, and /admin/build-status.json in the
 * served folder says "building", "ok" or "failed" with the build's message,
 * which the CMS shows (admin/build-status.ts).
 * wrangler reads every file per request through the link, but `_headers` and
 * `_redirects` only at start and when the file it watches changes (it watches
 * the file the link led to at start). So after a switch, the previous build's
 * two files are replaced by copies of themselves (a rename, as an editor's
 * save does): the watcher fires, wrangler re-reads them through the link, now
 * the new build's, and watches those. The previous build is removed one
 * switch later.
 *
 * Ports: PORT (site, default 4321; wrangler's inspector on PORT + 50) and
 * DECAP_SERVER_PORT (decap-server, default 8081), all checked free before the
 * first build. The build writes DECAP_SERVER_PORT into the admin page, so
 * both are read once here and passed to each step.
 * Both servers listen on 127.0.0.1 only: decap-server writes files on request
 * and must not be reachable from the network. It also refuses requests whose
 * Host is not its own or whose Origin is not this site (DNS rebinding), see
 * scripts/decap-server.mjs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { INSPECTOR_OFFSET, startPagesDev } from './pages-dev.mjs';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 4321);
const decapPort = Number(process.env.DECAP_SERVER_PORT ?? 8081);
const inspectorPort = Number(process.env.INSPECTOR_PORT ?? port + INSPECTOR_OFFSET);
const builds = resolve(process.env.BUILDS_DIR ?? join(root, '.builds'));
const current = join(builds, 'current');
const env = { ...process.env, PORT: String(port), DECAP_SERVER_PORT: String(decapPort), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const watchContent = !process.argv.includes('--no-watch');

/** Resolves when `p` can be listened on (127.0.0.1); rejects with a clear message naming the variable that moves it. */
function portIsFree(p, what, variable) {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', () => fail(new Error(`Port ${p} (${what}) is in use. Stop what uses it, or set ${variable}.`)))
      .once('listening', () => probe.close(() => done()))
      .listen(p, '127.0.0.1');
  });
}

/** Writes the served folder's build status, which the CMS polls. */
function writeStatus(folder, status) {
  if (!existsSync(join(folder, 'admin'))) return;
  writeFileSync(join(folder, 'admin', 'build-status.json'), JSON.stringify({ ...status, at: new Date().toISOString() }));
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** The useful end of a failed build's output: from the first error line, at most 60 lines. */
function errorOf(output) {
  const lines = output.replace(ANSI, '').split('\n');
  const start = lines.findIndex((l) => /error|invalid content|✗|failed/i.test(l));
  return lines.slice(start === -1 ? -60 : start, (start === -1 ? lines.length : start) + 60).join('\n').trim();
}

/** Makes wrangler re-read `_headers` and `_redirects` through the link (see above): each file of `folder` replaced by a copy of itself. */
function pokeHostFiles(folder) {
  for (const name of ['_headers', '_redirects']) {
    const file = join(folder, name);
    if (!existsSync(file)) continue;
    copyFileSync(file, `${file}.poke`);
    renameSync(`${file}.poke`, file);
  }
}

/** Builds into a new folder; on success points .builds/current at it. Resolves true on success. */
function build() {
  const id = `build-${Date.now()}`;
  const folder = join(builds, id);
  if (existsSync(current)) writeStatus(current, { state: 'building' });
  return new Promise((done) => {
    let output = '';
    const child = spawn(process.execPath, [join(root, 'scripts', 'build.mjs'), '--local'], { cwd: root, env: { ...env, DIST_DIR: folder }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output = (output + chunk).slice(-64_000);
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => {
      if (code !== 0) {
        rmSync(folder, { recursive: true, force: true });
        if (existsSync(current)) writeStatus(current, { state: 'failed', error: errorOf(output) });
        console.error(existsSync(current) ? '\n✗ Build failed: still serving the last good build.' : '\n✗ Build failed.');
        return done(false);
      }
      writeStatus(folder, { state: 'ok', build: id });
      const previous = existsSync(current) ? readlinkSync(current) : undefined;
      const link = join(builds, `.current-${id}`);
      symlinkSync(id, link);
      renameSync(link, current); // atomic: a request sees the old build or the new one, never none
      if (previous) pokeHostFiles(join(builds, previous));
      for (const name of readdirSync(builds)) if (name.startsWith('build-') && name !== id && name !== previous) rmSync(join(builds, name), { recursive: true, force: true });
      done(true);
    });
  });
}

try {
  await Promise.all([portIsFree(port, 'site', 'PORT'), portIsFree(inspectorPort, "wrangler's inspector", 'PORT or INSPECTOR_PORT'), portIsFree(decapPort, 'decap-server', 'DECAP_SERVER_PORT')]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
mkdirSync(builds, { recursive: true });
const built = await build();
if (!built && !existsSync(current)) process.exit(1);
if (!built) console.error(`Serving the previous build (${readlinkSync(current)}); fix the error above and save again.`);

const site = await startPagesDev({ dir: current, port });
// decap-server behind a guard that answers only to this site's admin page (scripts/decap-server.mjs).
const decap = spawn(process.execPath, [join(root, 'scripts', 'decap-server.mjs')], {
  cwd: root,
  env: { ...env, DECAP_SERVER_PORT: String(decapPort), SITE_PORT: String(port), GIT_REPO_DIRECTORY: root },
  stdio: 'inherit',
});
decap.on('exit', (code) => {
  if (!stopping) {
    console.error(`decap-server stopped (exit ${code}); the CMS cannot save. Is port ${decapPort} in use? Set DECAP_SERVER_PORT.`);
    stop(1);
  }
});

console.log(`\nSite:   http://127.0.0.1:${port}/`);
console.log(`Editor: http://localhost:${port}/admin/  (saves into content/ through decap-server on 127.0.0.1:${decapPort})`);
console.log(watchContent ? 'Rebuilding when content/ or public/uploads/ change. Ctrl-C stops.' : 'Not watching: SIGUSR2 rebuilds (kill -USR2 <pid>). Ctrl-C stops.');

let timer;
let building = false;
let again = false;
function rebuildSoon(delay = 1500) {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    console.log('\nContent changed: rebuilding…');
    await build();
    building = false;
    if (again) {
      again = false;
      rebuildSoon();
    }
  }, delay);
}
// Created if missing, so the first upload (or an upload deleted from the Media page) is seen too.
mkdirSync(join(root, 'public', 'uploads'), { recursive: true });
const watchers = watchContent ? ['content', join('public', 'uploads')].map((dir) => watch(join(root, dir), { recursive: true }, () => rebuildSoon())) : [];
process.on('SIGUSR2', () => rebuildSoon(0));

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const w of watchers) w.close();
  clearTimeout(timer);
  decap.kill();
  site.close().then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
