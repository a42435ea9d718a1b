/**
 * `npm run measure:search`: what search costs a reader on a cheap phone.
 *
 *   1. Index size per language: the files Pagefind can fetch for that language
 *      (meta, index chunks, filters, one fragment per page, and the language's
 *      WebAssembly), as stored. Pagefind gzips its own index files, so for those
 *      the stored size is what travels; its JavaScript is counted raw and gzipped.
 *   2. Bytes transferred for the first query, in tr and ar, on an empty cache:
 *      every response our server sent from the moment the reader focuses the
 *      search field until the results are on screen. Counted at the server, so
 *      requests from Pagefind's Web Worker are included.
 *   3. Time from the last keystroke to the results painted, in Chromium with
 *      Pixel 7 emulation and 4× CPU throttling (CDP Emulation.setCPUThrottlingRate),
 *      for the first query (index still loading while the reader types) and
 *      for a second query. Median of RUNS runs.
 *
 * Command line: scripts/cli/measure-search.mjs (`npm run measure:search`,
 * which builds the site first).
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, devices } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../lib/find-browser.mjs';
import { kib } from '../lib/format-bytes.mjs';
import { startServer } from '../serve/static-server.mjs';
import { localePath, uiPages } from '../../src/routes.ts';

/** What readers search for (the issue's examples), first query then a second one. */
const QUERIES = { tr: ['pasaport', 'borç'], ar: ['جواز', 'زواج'] };

const size = (path) => statSync(path).size;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The files Pagefind can fetch for each language, as stored: meta, index
 * chunks, filters, one fragment per page, and the language's WebAssembly.
 * Also what the benchmark reports per language.
 * @param {string} distDir
 * @returns {{ lang: string, pages: number, stemming: boolean, meta: number, index: number, filters: number, fragments: number, wasm: number, total: number }[]}
 */
export function indexSizes(distDir) {
  const bundle = join(resolve(distDir), 'pagefind');
  if (!existsSync(join(bundle, 'pagefind-entry.json'))) throw new Error(`No search index in ${bundle}: run \`npm run build\` first.`);
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
  const inFolder = (folder, lang) => (existsSync(join(bundle, folder)) ? readdirSync(join(bundle, folder)).filter((f) => f.startsWith(`${lang}_`)).map((f) => join(bundle, folder, f)) : []);
  return Object.entries(entry.languages).map(([lang, info]) => {
    const parts = {
      meta: size(join(bundle, `pagefind.${info.hash}.pf_meta`)),
      index: inFolder('index', lang).reduce((sum, f) => sum + size(f), 0),
      filters: inFolder('filter', lang).reduce((sum, f) => sum + size(f), 0),
      fragments: inFolder('fragment', lang).reduce((sum, f) => sum + size(f), 0),
      // Languages without a stemmer load Pagefind's generic WebAssembly, wasm.unknown.pagefind.
      wasm: size(join(bundle, `wasm.${info.wasm ?? 'unknown'}.pagefind`)),
    };
    return { lang, pages: info.page_count, stemming: info.wasm !== null, ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
  });
}

/**
 * Index sizes, then bytes and time of a first and a second query in Chromium.
 * @param {{ distDir: string, port: number, runs: number, cpuSlowdown: number }} options
 */
export async function measureSearch({ distDir, port, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN }) {
const dist = resolve(distDir);
const bundle = join(dist, 'pagefind');
/** What a host that gzips text would send: our test server does not, Pagefind's index files are gzipped already. */
const gzippedSize = ({ path, bytes }) => (/\.(js|json)$/.test(path.split('?')[0]) ? gzipSync(readFileSync(join(dist, path.split('?')[0]))).length : bytes);

// 1. Index size per language.
const sizes = indexSizes(dist);
const shared = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].map((name) => {
  const bytes = readFileSync(join(bundle, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
});

// 2 and 3. In the browser.
const server = await startServer({ dir: dist, port });
const origin = `http://127.0.0.1:${server.address().port}`;
/** Every response the server finishes: path and body bytes, so the worker's fetches count too. */
let served = [];
server.on('request', (req, res) => {
  res.on('finish', () => served.push({ path: req.url, bytes: Number(res.getHeader('content-length') ?? 0) }));
});

const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });

/** Records, in the page, the last keystroke and each time a result list is painted. */
const probe = () => {
  window.__search = { lastKey: 0, paints: [] };
  // `input`, not `keydown`: letters off the US layout (ç, every Arabic letter) reach the page without a keydown.
  addEventListener('input', () => (window.__search.lastKey = performance.now()), true);
  addEventListener('DOMContentLoaded', () => {
    const status = document.querySelector('[data-search-status]');
    if (!status) return;
    // search-ui.ts writes the live region once the list is in the DOM; the
    // frame after that is when the reader sees it.
    new MutationObserver(() => {
      requestAnimationFrame(() => setTimeout(() => window.__search.paints.push(performance.now()), 0));
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
};

/**
 * Time from the last keystroke to the last list painted after it. A search
 * for a prefix ("pasapor") can still finish after the last key; the last paint
 * once everything is quiet is the one for the whole word.
 */
async function keystrokeToPaint(page) {
  await page.waitForFunction(() => {
    const { lastKey, paints } = window.__search;
    const last = paints.at(-1) ?? 0;
    return last > lastKey && performance.now() - last > 1000;
  }, null, { timeout: 60_000, polling: 100 });
  return page.evaluate(() => window.__search.paints.at(-1) - window.__search.lastKey);
}

async function measure(locale) {
  const firstMs = [];
  const secondMs = [];
  let firstBytes;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}${localePath(locale, uiPages.search.path)}`, { waitUntil: 'networkidle' });
    const input = page.locator('#search-input');

    const timeQuery = async (words) => {
      await input.pressSequentially(words, { delay: 120 }); // an unhurried typist
      return keystrokeToPaint(page);
    };

    served = [];
    await input.focus();
    firstMs.push(await timeQuery(QUERIES[locale][0]));
    await page.waitForLoadState('networkidle');
    if (run === 0) firstBytes = served.filter((r) => r.path.startsWith('/pagefind/') || r.path.startsWith('/_astro/'));
    await input.fill('');
    secondMs.push(await timeQuery(QUERIES[locale][1]));
    await context.close();
  }
  return {
    locale,
    queries: QUERIES[locale],
    firstQueryBytes: firstBytes.reduce((sum, r) => sum + r.bytes, 0),
    firstQueryBytesGzip: firstBytes.reduce((sum, r) => sum + gzippedSize(r), 0),
    firstQueryRequests: firstBytes,
    firstQueryMs: Math.round(median(firstMs)),
    secondQueryMs: Math.round(median(secondMs)),
    runs: { firstMs: firstMs.map(Math.round), secondMs: secondMs.map(Math.round) },
  };
}

const results = [];
try {
  for (const locale of Object.keys(QUERIES)) results.push(await measure(locale));
} finally {
  await browser.close();
  server.close();
}

return { indexSizes: sizes, shared, results, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, dist };
}

/** The measurement as text, for the terminal. */
export function formatSearchReport({ indexSizes: sizes, shared, results, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, dist }) {
  const lines = [];
  lines.push(`Search index per language (${dist}/pagefind, as stored; Pagefind gzips these itself):`);
  lines.push('  lang      pages  stemming   meta    index  filters  fragments   wasm     total');
  for (const s of sizes) {
    lines.push(`  ${s.lang.padEnd(9)} ${String(s.pages).padStart(5)}  ${(s.stemming ? 'yes' : 'no').padEnd(8)} ${kib(s.meta).padStart(7)} ${kib(s.index).padStart(8)} ${kib(s.filters).padStart(8)} ${kib(s.fragments).padStart(10)} ${kib(s.wasm).padStart(8)} ${kib(s.total).padStart(9)}`);
  }
  lines.push(`  shared: ${shared.map((f) => `${f.name} ${kib(f.raw)} (${kib(f.gzip)} gzipped)`).join(', ')}`);
  lines.push(`\nFirst query, empty cache, Pixel 7 emulation, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}:`);
  for (const r of results) {
    lines.push(`  ${r.locale}: "${r.queries[0]}": ${kib(r.firstQueryBytes)} in ${r.firstQueryRequests.length} requests as served here (${kib(r.firstQueryBytesGzip)} from a host that gzips JS); last keystroke → results painted ${r.firstQueryMs} ms`);
    for (const q of r.firstQueryRequests) lines.push(`      ${kib(q.bytes).padStart(9)}  ${q.path}`);
    lines.push(`  ${r.locale}: second query "${r.queries[1]}": last keystroke → results painted ${r.secondQueryMs} ms`);
    lines.push(`      runs (ms): first ${r.runs.firstMs.join(', ')}; second ${r.runs.secondMs.join(', ')}`);
  }
  return lines.join('\n');
}
