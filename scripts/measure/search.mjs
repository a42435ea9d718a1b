/**
 * `npm run measure:search`: what search costs a reader on a cheap phone.
 *
 *   1. Index size per language: the files Pagefind can fetch for that language
 *      (meta, index chunks, filters, one fragment per page, and the language's
 *      WebAssembly), as stored, and our own data (scripts/build/search-index.mjs:
 *      catalog and stop words, "Did you mean" word list). Pagefind gzips its
 *      own files, so for those the stored size is what travels.
 *   2. Bytes on the wire for the first query, in tr and ar, on an empty cache:
 *      every request the page made from the moment the reader focuses the
 *      search field until the results are on screen (Pixel 7 viewport, so the
 *      excerpts of the results on that screen; Playwright reports requests from
 *      Pagefind's Web Worker too), counted from the file served as stored in
 *      dist/, served by Cloudflare's runtime (scripts/serve/pages-dev.mjs), and as the hosts send it
 *      (scripts/lib/host-compression.mjs: JS and JSON gzipped and with Brotli, Pagefind's own
 *      gzipped files as stored). tests/e2e/search.spec.ts holds the first search to 100 kB so.
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
import { locales } from '../../src/i18n/locales.ts';
import { localePath, uiPages } from '../../src/routes.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/find-browser.mjs';
import { kib } from '../lib/format-bytes.mjs';
import { onTheWire } from '../lib/host-compression.mjs';
import { startPagesDev } from '../serve/pages-dev.mjs';

/** What readers search for (the issue's examples), first query then a second one. */
const QUERIES = { tr: ['pasaport', 'borç'], ar: ['جواز', 'زواج'] };

const size = (path) => statSync(path).size;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * The files Pagefind can fetch for each language, as stored (meta, index
 * chunks, filters, one fragment per page, the language's WebAssembly), and
 * our own data per locale as a host sends it (gzip): the catalog and stop
 * words on every first search, the word list only for "Did you mean". Also
 * what the benchmark reports per language.
 * @param {string} distDir
 */
export function indexSizes(distDir) {
  const bundle = join(resolve(distDir), 'pagefind');
  if (!existsSync(join(bundle, 'pagefind-entry.json'))) throw new Error(`No search index in ${bundle}: run \`npm run build\` first.`);
  const localeOfIndex = new Map(locales.map((l) => [l.tag.toLowerCase(), l.code]));
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
  const inFolder = (folder, lang) =>
    readdirSync(join(bundle, folder))
      .filter((f) => f.startsWith(`${lang}_`))
      .map((f) => join(bundle, folder, f));
  return Object.entries(entry.languages).map(([lang, info]) => {
    const parts = {
      meta: size(join(bundle, `pagefind.${info.hash}.pf_meta`)),
      index: inFolder('index', lang).reduce((sum, f) => sum + size(f), 0),
      filters: inFolder('filter', lang).reduce((sum, f) => sum + size(f), 0),
      fragments: inFolder('fragment', lang).reduce((sum, f) => sum + size(f), 0),
      wasm: size(join(bundle, `wasm.${info.wasm ?? 'unknown'}.pagefind`)),
    };
    // Our data, as a host sends it (gzip): the catalog and stop words on every first search, the word list only for "Did you mean".
    const code = [...localeOfIndex].find(([index]) => index === lang)?.[1];
    const extra = (name) => (existsSync(join(bundle, 'extra', name)) ? gzipSync(readFileSync(join(bundle, 'extra', name)), { level: 9 }).length : 0);
    const ours = { catalog: extra(`${code}.json`), words: extra(`${code}.words.json`) };
    return {
      lang,
      pages: info.page_count,
      stemming: info.wasm !== null,
      chunks: inFolder('index', lang).length,
      ...parts,
      total: Object.values(parts).reduce((a, b) => a + b, 0),
      ...ours,
    };
  });
}

/**
 * Index sizes, then bytes and time of a first and a second query in Chromium.
 * @param {{ distDir: string, port: number, runs: number, cpuSlowdown: number }} options
 */
export async function measureSearch({ distDir, port, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN }) {
  const dist = resolve(distDir);
  const bundle = join(dist, 'pagefind');
  const sizes = indexSizes(dist);
  const shared = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].map((name) => {
    const bytes = readFileSync(join(bundle, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
  });

  // 2 and 3. In the browser.
  const server = await startPagesDev({ dir: dist, port });
  const origin = server.url.replace(/\/$/, '');
  /**
   * Every request finished in the browser (Playwright reports the Web Worker's
   * fetches too): path and the size of the file served, as stored in dist/.
   */
  let served = [];
  const fileSize = (path) => {
    const file = join(dist, decodeURIComponent(path.split('?')[0]));
    return existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
  };

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
    await page.waitForFunction(
      () => {
        const { lastKey, paints } = window.__search;
        const last = paints.at(-1) ?? 0;
        return last > lastKey && performance.now() - last > 1000;
      },
      null,
      { timeout: 60_000, polling: 100 },
    );
    return page.evaluate(() => window.__search.paints.at(-1) - window.__search.lastKey);
  }

  async function measure(locale) {
    const firstMs = [];
    const secondMs = [];
    let firstBytes;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block' });
      context.on('requestfinished', (request) => {
        const url = new URL(request.url());
        if (url.origin === origin) served.push({ path: `${url.pathname}${url.search}`, bytes: fileSize(url.pathname) });
      });
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
      if (run === 0) firstBytes = served.filter((r) => r.path.startsWith('/pagefind/') || r.path.startsWith('/_astro/')).map((r) => ({ ...r, wire: onTheWire(dist, r.path) }));
      await input.fill('');
      secondMs.push(await timeQuery(QUERIES[locale][1]));
      await context.close();
    }
    return {
      locale,
      queries: QUERIES[locale],
      firstQueryBytes: firstBytes.reduce((sum, r) => sum + r.bytes, 0),
      firstQueryBytesGzip: firstBytes.reduce((sum, r) => sum + r.wire.gzip, 0),
      firstQueryBytesBrotli: firstBytes.reduce((sum, r) => sum + r.wire.br, 0),
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
    await server.close();
  }

  return { indexSizes: sizes, shared, results, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, dist };
}

/** The measurement as text, for the terminal. */
export function formatSearchReport({ indexSizes: sizes, shared, results, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, dist }) {
  const lines = [];
  lines.push(`Search index per language (${dist}/pagefind, as stored; Pagefind gzips these itself; our catalog and word list gzipped):`);
  lines.push('  lang      pages  stemming   meta  index (chunks)  filters  fragments   wasm     total  catalog  words');
  for (const s of sizes) {
    lines.push(
      `  ${s.lang.padEnd(9)} ${String(s.pages).padStart(5)}  ${(s.stemming ? 'yes' : 'no').padEnd(8)} ${kib(s.meta).padStart(6)} ${kib(s.index).padStart(8)} (${String(s.chunks).padStart(2)}) ${kib(s.filters).padStart(8)} ${kib(s.fragments).padStart(10)} ${kib(s.wasm).padStart(8)} ${kib(s.total).padStart(9)} ${kib(s.catalog).padStart(8)} ${kib(s.words).padStart(7)}`,
    );
  }
  lines.push(`  shared: ${shared.map((f) => `${f.name} ${kib(f.raw)} (${kib(f.gzip)} gzipped)`).join(', ')}`);
  lines.push(`\nFirst query, empty cache, Pixel 7 emulation, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}:`);
  for (const r of results) {
    lines.push(
      `  ${r.locale}: "${r.queries[0]}": ${kib(r.firstQueryBytesGzip)} on the wire from Netlify or Cloudflare (${kib(r.firstQueryBytesBrotli)} with Brotli; ${kib(r.firstQueryBytes)} as our test server sends it) in ${r.firstQueryRequests.length} requests; last keystroke → results painted ${r.firstQueryMs} ms`,
    );
    lines.push('       stored    gzip   brotli  request');
    for (const q of r.firstQueryRequests) lines.push(`    ${kib(q.bytes).padStart(9)} ${kib(q.wire.gzip).padStart(8)} ${kib(q.wire.br).padStart(8)}  ${q.path}`);
    lines.push(`  ${r.locale}: second query "${r.queries[1]}": last keystroke → results painted ${r.secondQueryMs} ms`);
    lines.push(`      runs (ms): first ${r.runs.firstMs.join(', ')}; second ${r.runs.secondMs.join(', ')}`);
  }
  return lines.join('\n');
}
