/**
 * The site as staff edit it locally (`npm start`, scripts/cli/start.mjs):
 *   1. builds the site and /admin/ (`npm run build -- --local`, in a child
 *      process so the server keeps answering while it rebuilds; the site's
 *      address is http://127.0.0.1:PORT/ unless SITE_URL says otherwise);
 *   2. serves dist/ on 127.0.0.1 with Cloudflare's runtime (./pages-dev.mjs:
 *      wrangler pages dev, workerd; its inspector on PORT + 50), so headers,
 *      404 pages and redirects behave as on the host;
 *   3. runs decap-server (./decap-server.mjs), writing into content/ and
 *      public/uploads/ of this folder, so /admin/ edits the files here
 *      (Decap's local_backend, admin/backend.ts); it refuses requests whose
 *      Host is not its own or whose Origin is not this site (DNS rebinding);
 *   4. rebuilds when content/ or public/uploads/ change (a save in the CMS),
 *      so the page shows the change a few seconds later, unless `watch` is off.
 * The build writes the decap-server port into the admin page, so both ports
 * are passed to each step. Both servers listen on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { watch as watchFolder } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../lib/project-copy.mjs';
import { spawnDecapServer } from './decap-server.mjs';
import { startPagesDev } from './pages-dev.mjs';

/** How long to wait after the last change before rebuilding: a save writes several files. */
const SETTLE_MS = 1500;

/**
 * @param {{ sitePort: number, decapServerPort: number, distDir: string, watch: boolean }} options
 * @returns {Promise<{ stop: (code?: number) => void } | undefined>} undefined when the first build fails
 */
export async function startLocalSite({ sitePort, decapServerPort, distDir, watch }) {
  const dist = resolve(projectRoot, distDir);
  const env = { ...process.env, PORT: String(sitePort), DIST_DIR: dist, DECAP_SERVER_PORT: String(decapServerPort), ASTRO_TELEMETRY_DISABLED: '1' };
  const build = () =>
    new Promise((done) => {
      spawn(process.execPath, [join(projectRoot, 'scripts', 'cli', 'build.mjs'), '--local'], { cwd: projectRoot, env, stdio: 'inherit' }).on('exit', (code) => done(code === 0));
    });

  if (!(await build())) return undefined;
  const site = await startPagesDev({ dir: dist, port: sitePort });
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
  console.log(watch ? 'Rebuilding when content/ or public/uploads/ change. Ctrl-C stops.' : 'Not watching: run `npm run build -- --local` after saving. Ctrl-C stops.');

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
    }, SETTLE_MS);
  }
  const watchers = watch
    ? ['content', join('public', 'uploads')].map((dir) => {
        try {
          return watchFolder(join(projectRoot, dir), { recursive: true }, rebuildSoon);
        } catch {
          return undefined; // public/uploads/ does not exist until the first upload
        }
      })
    : [];

  function stop(code = 0) {
    stopping = true;
    for (const w of watchers) w?.close();
    clearTimeout(timer);
    decap.kill();
    void site.close().then(() => process.exit(code));
  }
  return { stop };
}
