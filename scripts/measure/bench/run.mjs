/**
 * How the build scales with content (`npm run bench`, scripts/cli/bench.mjs).
 *
 * For each size N, a copy of the project (scripts/lib/project-copy.mjs) gets N
 * entries per locale (./generate-content.mjs: the real entries plus
 * synthetic ones), then the normal build runs there (`npm run build`'s
 * buildSite(), scripts/build/build-site.mjs: astro build, search index and the
 * build's own checks) and we report: wall and CPU time, peak memory (RSS of
 * the whole build process tree, polled from /proc: ./proc-memory.mjs), pages and pages
 * per second, dist/ size, search index size per language, median and maximum
 * page weight (scripts/measure/page-weight.mjs). With several sizes it checks
 * that the build time grows no worse than linearly (./linearity.mjs).
 *
 * Targets (2-core machine): 7 locales × 300 entries (2,100 entry pages, plus
 * the index and UI pages) build and index in at most 60 s, under 3 GB;
 * time(Nmax)/time(Nmin) ≤ (Nmax/Nmin) × 1.2.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { locales } from '../../../src/i18n/locales.ts';
import { indexLanguage } from '../../build/search-index.mjs';
import { kib, mib } from '../../lib/format-bytes.mjs';
import { copyProject, removeCopy } from '../../lib/project-copy.mjs';
import { measureSite } from '../page-weight.mjs';
import { indexSizes } from '../search.mjs';
import { generateContent } from './generate-content.mjs';
import { LINEARITY_TOLERANCE } from './linearity.mjs';
import { childrenCpuSeconds, treeRss } from './proc-memory.mjs';

export const TARGET = { seconds: 60, peakBytes: 3 * 1024 ** 3, entries: 300, linearityTolerance: LINEARITY_TOLERANCE };

/**
 * Builds the copy in `dir` the way `npm run build` does: its own
 * scripts/cli/build.mjs (buildSite()) in a child process, so the CPU time and
 * the memory counted are the build's alone, not this process's polling.
 * Resolves with wall time, CPU time, peak tree RSS and the build's own step timings.
 */
function timedBuild(dir, distDir) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(process.execPath, [join(dir, 'scripts', 'cli', 'build.mjs'), '--local'], {
      cwd: dir,
      env: { ...process.env, DIST_DIR: distDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`build failed (exit ${code}):\n${output.slice(-4000)}`));
      // buildSite() prints "✓ <step> (<summary>) in <seconds> s" for each step.
      const steps = Object.fromEntries([...output.matchAll(/✓ ([^\n]+?) in ([\d.]+) s/g)].map((m) => [m[1].replace(/\s*\(.*\)$/, ''), Number(m[2])]));
      resolvePromise({ seconds, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakBytes: peak, steps });
    });
  });
}

function folderSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, name.name);
    total += name.isDirectory() ? folderSize(full) : statSync(full).size;
  }
  return total;
}

/** Bytes of each locale's search index (meta, index chunks, fragments and filters; not the shared WebAssembly), by locale code. */
function searchIndexSizes(distDir) {
  const byLang = new Map(indexSizes(distDir).map((s) => [s.lang, s]));
  return Object.fromEntries(
    locales.map(({ code, tag }) => {
      const s = byLang.get(indexLanguage(tag));
      return [code, { bytes: s ? s.total - s.wasm : 0 }];
    }),
  );
}

/**
 * One benchmark run at size n: copy, generate, build, measure, clean up.
 * @param {number} n entries per locale
 * @param {{ collections?: string[], keep?: boolean, log?: (line: string) => void }} [options]
 */
export async function benchOnce(n, { collections, keep = false, log = console.log } = {}) {
  const dir = copyProject(`bench-${n}-`);
  try {
    const files = generateContent(dir, n, collections);
    const distDir = join(dir, 'dist');
    // Timings mean little on a busy machine: the load average is reported with them.
    const loadBefore = loadavg()[0];
    log(`▶ N=${n}: ${files} synthetic files written in ${dir}; building (load average ${loadBefore.toFixed(1)})…`);
    const build = await timedBuild(dir, distDir);
    const weight = measureSite(distDir);
    const result = {
      n,
      pages: weight.pages.length,
      seconds: build.seconds,
      cpuSeconds: build.cpuSeconds,
      loadAverage: [loadBefore, loadavg()[0]],
      pagesPerSecond: weight.pages.length / build.seconds,
      peakBytes: build.peakBytes,
      steps: build.steps,
      distBytes: folderSize(distDir),
      searchIndex: searchIndexSizes(distDir),
      weight: { median: weight.median, max: weight.max, heaviest: weight.pages.slice(0, 3).map((p) => ({ page: p.page, total: p.total })), overBudget: weight.overBudget.length },
    };
    log(
      `  ${result.pages} pages in ${result.seconds.toFixed(1)} s (${result.pagesPerSecond.toFixed(0)} pages/s; CPU ${result.cpuSeconds.toFixed(1)} s), peak ${mib(result.peakBytes)}, dist ${mib(result.distBytes)}; ` +
        `steps: ${Object.entries(result.steps)
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')}`,
    );
    log(
      `  search index per language: ${Object.entries(result.searchIndex)
        .map(([l, s]) => `${l} ${kib(s.bytes)}`)
        .join(', ')}`,
    );
    log(`  page weight: median ${kib(result.weight.median)}, max ${kib(result.weight.max)} (${result.weight.heaviest[0]?.page}); ${result.weight.overBudget} page(s) over budget`);
    return result;
  } finally {
    if (keep) log(`  kept ${dir}`);
    else removeCopy(dir);
  }
}
