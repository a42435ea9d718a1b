/**
 * `npm start`: the site as staff edit it locally.
 *   1. builds the site and /admin/ (scripts/build.mjs --local: the site's
 *      address is http://127.0.0.1:PORT/ unless SITE_URL says otherwise);
 *   2. serves dist/ on http://127.0.0.1:4321/ with Cloudflare's runtime
 *      (scripts/pages-dev.mjs: wrangler pages dev, workerd), so headers, 404
 *      pages and redirects behave as on the host;
 *   3. runs decap-server on 127.0.0.1:8081, writing into content/ and
 *      public/uploads/ of this folder, so http://localhost:4321/admin/ edits
 *      the files here (Decap's local_backend, admin/backend.ts);
 *   4. rebuilds when content/ or public/uploads/ change (a save in the CMS),
 *      so the page shows the change a few seconds later. --no-watch turns it off.
 * Ctrl-C stops everything.
 *
 * Ports: PORT (site, default 4321; wrangler's inspector on PORT + 50) and
 * DECAP_SERVER_PORT (decap-server, default 8081). The build writes DECAP_SERVER_PORT into the admin page, so
 * both are read once here and passed to each step.
 * Both servers listen on 127.0.0.1 only: decap-server writes files on request
 * and must not be reachable from the network. It also refuses requests whose
 * Host is not its own or whose Origin is not this site (DNS rebinding), see
 * scripts/decap-server.mjs.
 */
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { startPagesDev } from './pages-dev.mjs';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 4321);
const decapPort = Number(process.env.DECAP_SERVER_PORT ?? 8081);
const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
const env = { ...process.env, PORT: String(port), DIST_DIR: dist, DECAP_SERVER_PORT: String(decapPort), ASTRO_TELEMETRY_DISABLED: '1' };
const watchContent = !process.argv.includes('--no-watch');

/** Runs scripts/build.mjs without blocking the server, which keeps answering during a rebuild. */
function build() {
  return new Promise((done) => {
    spawn(process.execPath, [join(root, 'scripts', 'build.mjs'), '--local'], { cwd: root, env, stdio: 'inherit' }).on('exit', (code) => done(code === 0));
  });
}

if (!(await build())) process.exit(1);
const site = await startPagesDev({ dir: dist, port });
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
console.log(watchContent ? 'Rebuilding when content/ or public/uploads/ change. Ctrl-C stops.' : 'Not watching: run `npm run build -- --local` after saving. Ctrl-C stops.');

let timer;
let building = false;
let again = false;
function rebuildSoon() {
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
  }, 1500);
}
const watchers = watchContent ? ['content', join('public', 'uploads')].map((dir) => {
  try {
    return watch(join(root, dir), { recursive: true }, rebuildSoon);
  } catch {
    return undefined; // public/uploads/ does not exist until the first upload
  }
}) : [];

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const w of watchers) w?.close();
  clearTimeout(timer);
  decap.kill();
  site.close().then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
