/**
 * How the build scales with content (`npm run bench`, scripts/cli/bench.mjs).
 *
 * For each size N, a copy of the project (scripts/lib/project-copy.mjs) gets N
 * entries per locale (./generate-content.mjs: the real entries plus
 * synthetic ones), then the normal build runs there (buildSite(),
 * scripts/build/build-site.mjs: astro build, search index and the build's own
 * checks) and we report: wall and CPU time, peak memory (RSS of this process
 * and its children, polled from /proc: ./proc-memory.mjs), pages and pages
 * per second, dist/ size, search index size per language, median and maximum
 * page weight (scripts/measure/page-weight.mjs). With several sizes it checks
 * that the build time grows no worse than linearly (./linearity.mjs).
 *
 * Targets (2-core machine): 7 locales × 300 entries (2,100 entry pages, plus
 * the index and UI pages) build and index in at most 60 s, under 3 GB;
 * time(Nmax)/time(Nmin) ≤ (Nmax/Nmin) × 1.2.
 */
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { locales } from '../../../src/i18n/locales.ts';
import { buildSite } from '../../build/build-site.mjs';
import { indexLanguage } from '../../build/search-index.mjs';
import { kib, mib } from '../../lib/format-bytes.mjs';
import { copyProject, removeCopy } from '../../lib/project-copy.mjs';
import { measureSite } from '../page-weight.mjs';
import { indexSizes } from '../search.mjs';
import { generateContent } from './generate-content.mjs';
import { LINEARITY_TOLERANCE } from './linearity.mjs';
import { childrenCpuSeconds, treeRss } from './proc-memory.mjs';

export const TARGET = { seconds: 60, peakBytes: 3 * 1024 ** 3, entries: 300, linearityTolerance: LINEARITY_TOLERANCE };

/** Builds the project in `dir`; resolves with wall time, CPU time, peak tree RSS and the build's own step timings. */
async function timedBuild(dir, distDir) {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const ownBefore = process.cpuUsage();
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, treeRss(process.pid))), 100);
  try {
    const result = await buildSite({ root: dir, outDir: distDir, output: 'capture' });
    if (!result.ok) throw new Error(`build failed (${result.failedStep}):\n${result.output.slice(-4000)}`);
    const own = process.cpuUsage(ownBefore);
    return {
      seconds: (performance.now() - started) / 1000,
      // astro build runs in a child; the search index, CSP and link steps run here.
      cpuSeconds: childrenCpuSeconds() - cpuBefore + (own.user + own.system) / 1e6,
      peakBytes: peak,
      steps: Object.fromEntries(result.steps.map((s) => [s.name, Number(s.seconds.toFixed(1))])),
    };
  } finally {
    clearInterval(poll);
  }
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
  return Object.fromEntries(locales.map(({ code, tag }) => {
    const s = byLang.get(indexLanguage(tag));
    return [code, { bytes: s ? s.total - s.wasm : 0 }];
  }));
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
        `steps: ${Object.entries(result.steps).map(([k, v]) => `${k} ${v} s`).join(', ')}`,
    );
    log(`  search index per language: ${Object.entries(result.searchIndex).map(([l, s]) => `${l} ${kib(s.bytes)}`).join(', ')}`);
    log(`  page weight: median ${kib(result.weight.median)}, max ${kib(result.weight.max)} (${result.weight.heaviest[0]?.page}); ${result.weight.overBudget} page(s) over budget`);
    return result;
  } finally {
    if (keep) log(`  kept ${dir}`);
    else removeCopy(dir);
  }
}
