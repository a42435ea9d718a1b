/**
 * Servers for the CMS end-to-end tests, on a temporary copy of the project
 * (scripts/lib/project-copy.mjs) so the CMS can write content without touching
 * the real one. The copy is a git repository (one commit), so tests can ask
 * `git status` what a save wrote.
 *
 * The copy runs `npm start` itself (scripts/cli/start.mjs --no-watch,
 * scripts/serve/local-site.mjs): it builds the site and /admin/ with buildSite()
 * into .builds/, serves .builds/current on TEST_PORT with Cloudflare's runtime
 * (scripts/serve/pages-dev.mjs: wrangler pages dev), which applies _headers, so
 * the admin runs under its real CSP, and runs decap-server on DECAP_SERVER_PORT,
 * bound to 127.0.0.1, behind the Host/Origin guard of scripts/serve/decap-server.mjs.
 * `rebuild()` asks it to rebuild (SIGUSR2) and waits for the result, as an editor's save would.
 * The copy's path is handed to the tests in CMS_COPY_DIR, start's pid in CMS_START_PID.
 * Ports: TEST_PORT and DECAP_SERVER_PORT (defaults in scripts/lib/config.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor, defaults } from '../../scripts/lib/config.mjs';
import { copyProject, projectRoot, removeCopy } from '../../scripts/lib/project-copy.mjs';
import { waitForDecapServer } from '../../scripts/serve/decap-server.mjs';

export const { sitePort: SITE_PORT, decapServerPort: DECAP_SERVER_PORT } = configFor.cmsTests(process.env);

interface BuildStatus {
  state: 'building' | 'ok' | 'failed';
  error?: string;
  at: string;
}

/** The status `npm start` wrote into the build it serves (scripts/serve/local-site.mjs). */
export function buildStatus(dir: string): BuildStatus | undefined {
  const file = join(dir, defaults.buildsDir, 'current', 'admin', 'build-status.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildStatus) : undefined;
}

/** Asks the copy's `npm start` to rebuild now, and waits until it has finished (ok or failed). */
export async function rebuild(dir: string, pid = Number(process.env.CMS_START_PID), timeoutMs = 240_000): Promise<BuildStatus> {
  const before = buildStatus(dir)?.at;
  process.kill(pid, 'SIGUSR2');
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = buildStatus(dir);
    if (status && status.at !== before && status.state !== 'building') return status;
  }
  throw new Error('the rebuild did not finish');
}

export default async function globalSetup() {
  const dir = copyProject('cms-e2e-');
  process.env.CMS_COPY_DIR = dir;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=CMS test', '-c', 'user.email=cms@test.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'project copy');
  const started = Date.now();
  // npm start's output (builds, decap-server's log) goes to a file, named when the suite starts.
  const log = join(tmpdir(), `cms-npm-start-${SITE_PORT}.log`);
  const logFd = openSync(log, 'w');
  const start = spawn(process.execPath, [join(dir, 'scripts', 'cli', 'start.mjs'), '--no-watch'], {
    cwd: dir,
    env: {
      ...process.env,
      PATH: `${join(projectRoot, 'node_modules', '.bin')}:${process.env.PATH}`,
      PORT: String(SITE_PORT),
      DECAP_SERVER_PORT: String(DECAP_SERVER_PORT),
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', logFd, logFd],
  });
  process.env.CMS_START_PID = String(start.pid);
  try {
    // npm start builds first: up to 5 minutes on a loaded machine.
    await waitForDecapServer({ port: DECAP_SERVER_PORT, sitePort: SITE_PORT, child: start, dir, tries: 3000 });
  } catch (error) {
    start.kill();
    removeCopy(dir);
    console.error(`[cms] npm start's output (${log}):\n${readFileSync(log, 'utf8').slice(-4000)}`);
    throw error;
  }
  console.log(`[cms] project copy ${dir} built and served by npm start in ${((Date.now() - started) / 1000).toFixed(1)} s (its log: ${log})`);
  return async () => {
    await new Promise<void>((resolve) => {
      start.once('exit', () => resolve());
      start.kill('SIGTERM');
      setTimeout(resolve, 5000);
    });
    if (!process.env.KEEP_CMS_COPY) removeCopy(dir);
  };
}
