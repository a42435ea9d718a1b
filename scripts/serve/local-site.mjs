/**
 * The site as staff edit it locally (`npm start`, scripts/cli/start.mjs):
 *   1. builds the site and /admin/ (`npm run build -- --local`, in a child
 *      process so the server keeps answering while it rebuilds; the site's
 *      address is http://127.0.0.1:PORT/ unless SITE_URL says otherwise) into
 *      a fresh folder under .builds/ (BUILDS_DIR);
 *   2. serves .builds/current on 127.0.0.1 with Cloudflare's runtime
 *      (./pages-dev.mjs: wrangler pages dev, workerd; its inspector on PORT + 50),
 *      so headers, 404 pages and redirects behave as on the host;
 *   3. runs decap-server (./decap-server.mjs), writing into content/ and
 *      public/uploads/ of this folder, so /admin/ edits the files here
 *      (Decap's local_backend, admin/backend.ts); it refuses requests whose
 *      Host is not its own or whose Origin is not this site (DNS rebinding);
 *   4. rebuilds when content/ or public/uploads/ change (a save in the CMS),
 *      unless `watch` is off; SIGUSR2 rebuilds at once (the CMS tests use it).
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
 * The build writes the decap-server port into the admin page, so both ports
 * are passed to each step, and all three (site, inspector, decap-server) are
 * checked free before the first build. Both servers listen on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, watch as watchFolder, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { inspectorPortFor } from '../lib/config.mjs';
import { projectRoot } from '../lib/project-copy.mjs';
import { spawnDecapServer } from './decap-server.mjs';
import { startPagesDev } from './pages-dev.mjs';

/** How long to wait after the last change before rebuilding: a save writes several files. */
const SETTLE_MS = 1500;

/** Resolves when `port` can be listened on (127.0.0.1); rejects with a clear message naming the variable that moves it. */
function portIsFree(port, what, variable) {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once('error', () => fail(new Error(`Port ${port} (${what}) is in use. Stop what uses it, or set ${variable}.`)))
      .once('listening', () => probe.close(() => done()))
      .listen(port, '127.0.0.1');
  });
}

/** Writes the served folder's build status, which the CMS polls. */
function writeStatus(folder, status) {
  if (!existsSync(join(folder, 'admin'))) return;
  writeFileSync(join(folder, 'admin', 'build-status.json'), JSON.stringify({ ...status, at: new Date().toISOString() }));
}

// eslint-disable-next-line no-control-regex -- the escape character is what an ANSI colour code starts with
const ANSI = /\x1b\[[0-9;]*m/g;

/** The useful end of a failed build's output: from the first error line, at most 60 lines. */
export function errorOf(output) {
  const lines = output.replace(ANSI, '').split('\n');
  const start = lines.findIndex((l) => /error|invalid content|✗|failed/i.test(l));
  return lines
    .slice(start === -1 ? -60 : start, (start === -1 ? lines.length : start) + 60)
    .join('\n')
    .trim();
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

/**
 * @param {{ sitePort: number, decapServerPort: number, buildsDir: string, watch: boolean }} options
 * @returns {Promise<{ stop: (code?: number) => void } | undefined>} undefined when the first build fails, or a port is taken
 */
export async function startLocalSite({ sitePort, decapServerPort, buildsDir, watch }) {
  const builds = resolve(projectRoot, buildsDir);
  const current = join(builds, 'current');
  const env = { ...process.env, PORT: String(sitePort), DECAP_SERVER_PORT: String(decapServerPort), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };

  /** Builds into a new folder; on success points .builds/current at it. Resolves true on success. */
  const build = () => {
    const id = `build-${Date.now()}`;
    const folder = join(builds, id);
    if (existsSync(current)) writeStatus(current, { state: 'building' });
    return new Promise((done) => {
      let output = '';
      const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'cli', 'build.mjs'), '--local'], {
        cwd: projectRoot,
        env: { ...env, DIST_DIR: folder },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
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
  };

  try {
    await Promise.all([
      portIsFree(sitePort, 'site', 'PORT'),
      portIsFree(inspectorPortFor(process.env, sitePort), "wrangler's inspector", 'PORT or INSPECTOR_PORT'),
      portIsFree(decapServerPort, 'decap-server', 'DECAP_SERVER_PORT'),
    ]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return undefined;
  }
  mkdirSync(builds, { recursive: true });
  const built = await build();
  if (!built && !existsSync(current)) return undefined;
  if (!built) console.error(`Serving the previous build (${readlinkSync(current)}); fix the error above and save again.`);

  const site = await startPagesDev({ dir: current, port: sitePort });
  // Behind the guard that answers only to this site's admin page (./decap-server.mjs).
  const decap = spawnDecapServer({ cwd: projectRoot, port: decapServerPort, sitePort });
  let stopping = false;
  decap.on('exit', (code) => {
    if (!stopping) {
      console.error(`decap-server stopped (exit ${code}); the CMS cannot save. Is port ${decapServerPort} in use? Set DECAP_SERVER_PORT.`);
      stop(1);
    }
  });

  console.log(`\nSite:   http://127.0.0.1:${sitePort}/`);
  console.log(`Editor: http://localhost:${sitePort}/admin/  (saves into content/ through decap-server on 127.0.0.1:${decapServerPort})`);
  console.log(watch ? 'Rebuilding when content/ or public/uploads/ change. Ctrl-C stops.' : 'Not watching: SIGUSR2 rebuilds (kill -USR2 <pid>). Ctrl-C stops.');

  let timer;
  let building = false;
  let again = false;
  function rebuildSoon(delay = SETTLE_MS) {
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
  mkdirSync(join(projectRoot, 'public', 'uploads'), { recursive: true });
  const watchers = watch ? ['content', join('public', 'uploads')].map((dir) => watchFolder(join(projectRoot, dir), { recursive: true }, () => rebuildSoon())) : [];
  process.on('SIGUSR2', () => rebuildSoon(0));

  function stop(code = 0) {
    stopping = true;
    for (const w of watchers) w.close();
    clearTimeout(timer);
    decap.kill();
    void site.close().then(() => process.exit(code));
  }
  return { stop };
}
