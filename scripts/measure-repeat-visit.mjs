/**
 * What `Cache-Control: no-store` on HTML costs a reader who comes back
 * (issue 13; public/_headers). Prints:
 *
 * 1. In Chromium, against the built site as Cloudflare serves it (wrangler
 *    pages dev, scripts/pages-dev.mjs): a first visit to a page, a second page, then the first page
 *    again. On the repeat visit, which files came over the network and which
 *    from the cache: the HTML must come again, the hashed CSS and JS must not.
 * 2. For every public page: the HTML's compressed size (gzip -9, what the
 *    static hosts send at least; Brotli is a little smaller), which is what a
 *    repeat visit now costs, against the bytes of a "304 Not Modified" answer
 *    with the same headers, which is what Netlify and Cloudflare Pages send
 *    when a cached page is asked for again without no-store (their default
 *    for HTML is `max-age=0, must-revalidate` with an ETag).
 *
 * Usage: npm run measure:repeat-visit   (after npm run build -- --local; --port N, default TEST_PORT or 4322)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-browser.mjs';
import { htmlFiles, urlPathOf } from './dist-html.mjs';
import { netlifyHeadersFor } from './netlify.mjs';
import { startPagesDev } from './pages-dev.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.TEST_PORT ?? '4322' }, dir: { type: 'string', default: process.env.DIST_DIR ?? 'dist' } } });
const dist = resolve(values.dir);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// 1. In the browser.
const server = await startPagesDev({ dir: dist, port: Number(values.port) });
const origin = `http://127.0.0.1:${values.port}`;
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  for (const [first, second] of [['/tr/', '/tr/campaigns/fake-job-offers/'], ['/ar/helplines/', '/ar/rights/']]) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const log = new Map();
    const servedFromCache = new Set();
    // Chromium reports a memory-cache hit before (or instead of) the response itself.
    cdp.on('Network.requestServedFromCache', ({ requestId }) => servedFromCache.add(requestId));
    cdp.on('Network.responseReceived', ({ requestId, response }) => log.set(requestId, { url: response.url.slice(origin.length), cached: response.fromDiskCache || servedFromCache.has(requestId), status: response.status, bytes: 0 }));
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => { if (log.has(requestId)) log.get(requestId).bytes = encodedDataLength; });
    await page.goto(origin + first, { waitUntil: 'load' });
    await page.goto(origin + second, { waitUntil: 'load' });
    log.clear();
    // Back to the first page by its link, as a reader would (not Back: that may use the back/forward cache).
    await page.goto(origin + first, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    for (const r of log.values()) if (r.bytes === 0) r.cached = true; // nothing came over the wire
    console.log(`\nRepeat visit to ${first} (after ${second}), as served:`);
    for (const { url, cached, status, bytes } of log.values()) {
      console.log(`  ${cached ? 'from cache  ' : 'network     '} ${String(status).padEnd(4)} ${kb(bytes).padStart(8)}  ${url}`);
    }
    const fetched = [...log.values()].filter((r) => !r.cached);
    console.log(`  → over the network: ${fetched.map((r) => r.url).join(', ') || 'nothing'} (${kb(fetched.reduce((s, r) => s + r.bytes, 0))} as workerd sent it)`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// 2. Every page: compressed HTML (now paid on every visit) against a 304 with the same headers.
const rows = [];
for (const file of htmlFiles(dist).filter((f) => !f.startsWith(join(dist, 'admin')))) {
  const path = urlPathOf(dist, file);
  // The headers Netlify's own rules give the path (the same on both hosts: tests/e2e/hosts.spec.ts).
  const headers = Object.entries(await netlifyHeadersFor(dist, path)).filter(([name]) => name.toLowerCase() !== 'cache-control');
    // A 304: status line, the rule headers, ETag, Date, Cache-Control as the hosts send it.
  const notModified = ['HTTP/1.1 304 Not Modified', ...headers.map(([n, v]) => `${n}: ${v}`), 'ETag: "0123456789abcdef0123456789abcdef"', 'Date: Mon, 30 Nov 2026 00:00:00 GMT', 'Cache-Control: public, max-age=0, must-revalidate'].join('\r\n').length + 4;
  rows.push({ path, gzip: gzipSync(readFileSync(file), { level: 9 }).length, notModified });
}
rows.sort((a, b) => a.gzip - b.gzip);
const at = (q) => rows[Math.min(rows.length - 1, Math.floor(q * rows.length))];
const median = at(0.5);
const max = rows.at(-1);
console.log(`\nEvery public page (${rows.length}): HTML fetched again on each visit, gzip -9:`);
console.log(`  median ${kb(median.gzip)} (${median.path}), max ${kb(max.gzip)} (${max.path}), total for all pages ${kb(rows.reduce((s, r) => s + r.gzip, 0))}`);
console.log(`  instead of a 304 answer of about ${kb(median.notModified)} (its headers, the CSP being most of it) when the host revalidates a cached page`);
console.log(`  → each repeat page view costs about ${kb(median.gzip - median.notModified)} more (median), ${kb(max.gzip - max.notModified)} at most; CSS and JS stay cached.`);
