/**
 * `npm run measure:search`: what search costs a reader on a cheap phone.
 *
 *   1. Index size per language: the files Pagefind can fetch for that language
 *      (meta, index chunks, filters, one fragment per page, and the language's
 *      WebAssembly), as stored, and our own data (scripts/search-index.mjs:
 *      catalog and stop words, "Did you mean" word list). Pagefind gzips its
 *      own files, so for those the stored size is what travels.
 *   2. Bytes on the wire for the first query, in tr and ar, on an empty cache:
 *      every request the page made from the moment the reader focuses the
 *      search field until the results are on screen (Pixel 7 viewport, so the
 *      excerpts of the results on that screen; Playwright reports requests from
 *      Pagefind's Web Worker too), counted from the file served as stored in
 *      dist/, served by Cloudflare's runtime (scripts/pages-dev.mjs). The hosts compress: Netlify and Cloudflare both
 *      compress text types (JavaScript, JSON, CSS, HTML, SVG; Cloudflare also
 *      application/wasm) with Brotli when the browser accepts it, else gzip
 *      (developers.cloudflare.com/speed/optimization/content/compression/;
 *      Netlify compresses text assets with both since 2020). Pagefind's files
 *      (.pf_meta, .pf_index, .pf_fragment, .pagefind) are gzip already and
 *      served as application/octet-stream, which neither host compresses again.
 *      So: JS and JSON counted gzipped (level 9: what a host sends to a browser
 *      without Brotli, the larger of the two) and Brotli, the rest as stored.
 *      Response headers are not counted (about 0.3 KB a request).
 *   3. Time from the last keystroke to the results painted, in Chromium with
 *      Pixel 7 emulation and 4× CPU throttling (CDP Emulation.setCPUThrottlingRate),
 *      for the first query (index still loading while the reader types) and
 *      for a second query. Median of RUNS runs.
 *
 * Reads the built site in $DIST_DIR (default dist/); `npm run measure:search`
 * builds it first. Options: --port (default 4329), --runs (default 5), --cpu
 * (slowdown, default 4), --json.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { chromium, devices } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { startPagesDev } from './pages-dev.mjs';
import { locales } from '../src/i18n/locales.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4329' },
    runs: { type: 'string', default: '5' },
    cpu: { type: 'string', default: '4' },
    json: { type: 'boolean', default: false },
  },
});
const dist = resolve(process.env.DIST_DIR ?? 'dist');
const bundle = join(dist, 'pagefind');
if (!existsSync(join(bundle, 'pagefind-entry.json'))) {
  console.error(`No search index in ${bundle}: run \`npm run build\` first.`);
  process.exit(1);
}
const RUNS = Number(values.runs);
const CPU_SLOWDOWN = Number(values.cpu);
/** What readers search for (the issue's examples), first query then a second one. */
const QUERIES = { tr: ['pasaport', 'borç'], ar: ['جواز', 'زواج'] };

const size = (path) => statSync(path).size;
/** Text types the hosts compress (see above); Pagefind's own binary files are gzip already. */
const COMPRESSED_BY_HOST = /\.(js|mjs|json|css|html|svg|txt|xml|wasm)$/;
/** What the hosts send for a response: { gzip, br } bytes (the same, as stored, for files they do not compress). */
function onTheWire({ path, bytes }) {
  const file = path.split('?')[0];
  if (!COMPRESSED_BY_HOST.test(file)) return { gzip: bytes, br: bytes };
  const body = readFileSync(join(dist, file));
  return {
    gzip: gzipSync(body, { level: 9 }).length,
    br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. Index size per language.
const localeOfIndex = new Map(locales.map((l) => [l.tag.toLowerCase(), l.code]));
const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
const inFolder = (folder, lang) => readdirSync(join(bundle, folder)).filter((f) => f.startsWith(`${lang}_`)).map((f) => join(bundle, folder, f));
const indexSizes = Object.entries(entry.languages).map(([lang, info]) => {
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
  return { lang, pages: info.page_count, stemming: info.wasm !== null, chunks: inFolder('index', lang).length, ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0), ...ours };
});
const shared = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json'].map((name) => {
  const bytes = readFileSync(join(bundle, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
});

// 2 and 3. In the browser.
const server = await startPagesDev({ dir: dist, port: Number(values.port) });
const origin = `http://127.0.0.1:${values.port}`;
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
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
    context.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (url.origin === origin) served.push({ path: `${url.pathname}${url.search}`, bytes: fileSize(url.pathname) });
    });
    const page = await context.newPage();
    await page.addInitScript(probe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/${locale}/search/`, { waitUntil: 'networkidle' });
    const input = page.locator('#search-input');

    const timeQuery = async (words) => {
      await input.pressSequentially(words, { delay: 120 }); // an unhurried typist
      return keystrokeToPaint(page);
    };

    served = [];
    await input.focus();
    firstMs.push(await timeQuery(QUERIES[locale][0]));
    await page.waitForLoadState('networkidle');
    if (run === 0) firstBytes = served.filter((r) => r.path.startsWith('/pagefind/') || r.path.startsWith('/_astro/')).map((r) => ({ ...r, wire: onTheWire(r) }));
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

if (values.json) {
  console.log(JSON.stringify({ indexSizes, shared, results }, null, 2));
} else {
  console.log(`Search index per language (${dist}/pagefind, as stored; Pagefind gzips these itself; our catalog and word list gzipped):`);
  console.log('  lang      pages  stemming   meta  index (chunks)  filters  fragments   wasm     total  catalog  words');
  for (const s of indexSizes) {
    console.log(`  ${s.lang.padEnd(9)} ${String(s.pages).padStart(5)}  ${(s.stemming ? 'yes' : 'no').padEnd(8)} ${kb(s.meta).padStart(6)} ${kb(s.index).padStart(8)} (${String(s.chunks).padStart(2)}) ${kb(s.filters).padStart(8)} ${kb(s.fragments).padStart(10)} ${kb(s.wasm).padStart(8)} ${kb(s.total).padStart(9)} ${kb(s.catalog).padStart(8)} ${kb(s.words).padStart(7)}`);
  }
  console.log(`  shared: ${shared.map((f) => `${f.name} ${kb(f.raw)} (${kb(f.gzip)} gzipped)`).join(', ')}`);
  console.log(`\nFirst query, empty cache, Pixel 7 emulation, CPU ${CPU_SLOWDOWN}× slower, median of ${RUNS}:`);
  for (const r of results) {
    console.log(`  ${r.locale}: "${r.queries[0]}": ${kb(r.firstQueryBytesGzip)} on the wire from Netlify or Cloudflare (${kb(r.firstQueryBytesBrotli)} with Brotli; ${kb(r.firstQueryBytes)} as our test server sends it) in ${r.firstQueryRequests.length} requests; last keystroke → results painted ${r.firstQueryMs} ms`);
    console.log('       stored    gzip   brotli  request');
    for (const q of r.firstQueryRequests) console.log(`    ${kb(q.bytes).padStart(9)} ${kb(q.wire.gzip).padStart(8)} ${kb(q.wire.br).padStart(8)}  ${q.path}`);
    console.log(`  ${r.locale}: second query "${r.queries[1]}": last keystroke → results painted ${r.secondQueryMs} ms`);
    console.log(`      runs (ms): first ${r.runs.firstMs.join(', ')}; second ${r.runs.secondMs.join(', ')}`);
  }
}
