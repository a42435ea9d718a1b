/**
 * Servers for the CMS end-to-end tests, on a temporary copy of the project
 * (scripts/project-copy.mjs) so the CMS can write content without touching
 * the real one. The copy is a git repository (one commit), so tests can ask
 * `git status` what a save wrote.
 *
 * The copy runs `npm start` itself (scripts/start.mjs --no-watch): it builds
 * the site and /admin/ into .builds/, serves .builds/current on TEST_PORT with
 * Cloudflare's runtime (scripts/pages-dev.mjs: wrangler pages dev), which applies
 * _headers, so the admin runs under its real CSP, and runs decap-server on
 * DECAP_SERVER_PORT, bound to 127.0.0.1, behind the Host/Origin guard of
 * scripts/decap-server.mjs. `rebuild()` asks it to rebuild
 * (SIGUSR2) and waits for the result, as an editor's save would.
 * The copy's path is handed to the tests in CMS_COPY_DIR, start's pid in CMS_START_PID.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { copyProject, projectRoot, removeCopy } from '../../scripts/project-copy.mjs';

export const SITE_PORT = Number(process.env.TEST_PORT ?? 4420);
export const DECAP_SERVER_PORT = Number(process.env.DECAP_SERVER_PORT ?? 8091);

interface BuildStatus {
  state: 'building' | 'ok' | 'failed';
  error?: string;
  at: string;
}

export function buildStatus(dir: string): BuildStatus | undefined {
  const file = join(dir, '.builds', 'current', 'admin', 'build-status.json');
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

/** Waits for our decap-server: it names its repository after its folder, so another run's server on the same port is told apart. */
export async function waitForDecapServer(port: number, child: ChildProcess, dir: string, tries = 3000) {
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode} (port ${port} in use? set DECAP_SERVER_PORT)`);
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
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=CMS test', '-c', 'user.email=cms@test.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'project copy');
  const started = Date.now();
  // npm start's output (builds, decap-server's log) goes to a file, named when the suite starts.
  const log = join(tmpdir(), `cms-npm-start-${SITE_PORT}.log`);
  const logFd = openSync(log, 'w');
  const start = spawn(process.execPath, [join(dir, 'scripts', 'start.mjs'), '--no-watch'], {
    cwd: dir,
    env: { ...process.env, PATH: `${join(projectRoot, 'node_modules', '.bin')}:${process.env.PATH}`, PORT: String(SITE_PORT), DECAP_SERVER_PORT: String(DECAP_SERVER_PORT), LOG_LEVEL: 'debug' },
    stdio: ['ignore', logFd, logFd],
  });
  process.env.CMS_START_PID = String(start.pid);
  try {
    await waitForDecapServer(DECAP_SERVER_PORT, start, dir);
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
