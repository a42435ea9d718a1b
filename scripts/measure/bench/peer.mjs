/**
 * The side-by-side with Astro Starlight on the same words (issue 17, point 5):
 * runs the peer harness (`side-by-side.sh N`: ours, Starlight, ours,
 * Starlight, each a cold full build under /usr/bin/time -v; see its README)
 * and reads back each build's figures and the ratios ours/Starlight.
 *
 * The harness is not part of this repository (it installs Starlight from its
 * own lockfile); it is looked for in PEER_HARNESS, else in ../shared/peer and
 * ../../shared/peer next to the project. A benchmark, not a test: nothing here
 * fails on timing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the peer harness is, or undefined. `root`: the project folder. */
export function findPeerHarness(root, env = process.env) {
  const candidates = env.PEER_HARNESS ? [env.PEER_HARNESS] : [join(root, '..', 'shared', 'peer'), join(root, '..', '..', 'shared', 'peer')];
  return candidates.map((c) => resolve(c)).find((dir) => existsSync(join(dir, 'side-by-side.sh')));
}

/**
 * One build's figures from `/usr/bin/time -v` output.
 * @param {string} text the time -v report
 * @returns {{ wallSeconds: number, cpuSeconds: number, peakRssMB: number }} wall and CPU (user + system) in seconds, peak RSS of the largest process in MB (10^6 bytes)
 * @throws when a figure is missing (the build did not run under time -v)
 */
export function parseTimeV(text) {
  const field = (name) => {
    const line = text.split('\n').find((l) => l.trim().startsWith(name));
    if (!line) throw new Error(`no "${name}" in the time -v report`);
    return line.slice(line.lastIndexOf(': ') + 2).trim();
  };
  const wall = field('Elapsed (wall clock) time')
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
  return {
    wallSeconds: wall,
    cpuSeconds: Number(field('User time')) + Number(field('System time')),
    peakRssMB: (Number(field('Maximum resident set size')) * 1024) / 1e6,
  };
}

/**
 * Runs the side-by-side once (`runs` pairs are what the harness does: two) and returns its figures.
 * @param {{ root: string, harness: string, n: number, workDir: string, env?: Record<string, string> }} options the project, the harness folder,
 *   pages per locale, a writable folder for the harness's copy and its builds, and variables both builds get
 *   (`npm run bench -- --equal-terms` gives Starlight's build the allocator setting ours sets itself)
 * @returns {Promise<{ pairs: { tag: string, ours: ReturnType<typeof parseTimeV>, starlight: ReturnType<typeof parseTimeV> }[], summary: string }>}
 *   each pair's figures, and the harness's own last line (ratios of wall time, peak RSS and first-load weight)
 * @throws when a build fails (the harness's output is in the message)
 */
export function sideBySide({ root, harness, n, workDir, env = {} }) {
  const peerDir = join(workDir, 'peer');
  return new Promise((done, reject) => {
    const child = spawn('bash', [join(harness, 'side-by-side.sh'), String(n)], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        PROJECT: root,
        PEER_DIR: peerDir,
        WORK: join(workDir, 'peer-ours'),
        TMPDIR: workDir,
        // Our build refuses to run without a public address (src/lib/site-url.ts); any will do here.
        SITE_URL: process.env.SITE_URL ?? 'https://example.org/',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`side-by-side.sh exited with code ${code}:\n${output.slice(-4000)}`));
      const figures = (who, tag) => parseTimeV(readFileSync(join(peerDir, who, 'results', `${n}-${tag}`, 'time.txt'), 'utf8'));
      const pairs = ['sbs-a', 'sbs-b'].map((tag) => ({ tag, ours: figures('ours', tag), starlight: figures('starlight', tag) }));
      const summary =
        output
          .trim()
          .split('\n')
          .findLast((line) => line.startsWith('ours/starlight')) ?? '';
      done({ pairs, summary });
    });
  });
}
