/**
 * Where the first call button is, on every page (issue 10, point 1: "a call
 * within the first screen of every public page").
 *
 * In Chromium, against the built site as Cloudflare serves it (wrangler pages
 * dev, ../serve/pages-dev.mjs), at two phone viewports (320×568, an iPhone SE
 * of the first generation; 390×844, a common mid-size phone), it loads every
 * page of the sitemap in every locale plus the language chooser and the 404
 * pages, and reads:
 * - the offset of the first `tel:` link from the top of the document, in CSS
 *   pixels (its bounding box top plus the scroll position, which is 0 on load),
 *   or of the call strip's link to the helplines page where that comes first
 *   (Pashto and Kurmanji: no line is confirmed to answer in them);
 * - the offset of the bottom of the page's first <h1> (the title must stay on
 *   the first screen too).
 * It prints, per template, how many pages have a `tel:` link and the least,
 * median and largest offset at each viewport, and how many pages have the
 * first one below the fold. The full table is written to
 * reports/first-call.json (--out to change).
 *
 * This measures a layout; it does not time anything. The test that holds the
 * rule is tests/e2e/help-first.spec.ts.
 *
 * The command line is scripts/cli/measure-first-call.mjs (`npm run measure:first-call`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { collections } from '../../src/collections.ts';
import { routeAt, uiPages } from '../../src/routes.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/find-browser.mjs';
import { startPagesDev } from '../serve/pages-dev.mjs';

const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
];

/** The template a path is built from (src/routes.ts `routeAt()`): "/ar/campaigns/debt-bondage/" → "campaigns entry". */
export function templateOf(path) {
  if (path === '/') return 'language chooser';
  if (path === '/404.html') return '404 (all languages)';
  // Each locale's 404 page is moved to /<locale>/404.html (src/integrations/hosts.ts).
  const route = routeAt(path.replace(/\/404\.html$/, `/${uiPages.notFound.path}`));
  if (!route) return `other (${path})`;
  if (route.kind === 'ui') return route.page;
  return route.kind === 'list' ? `${route.collection} list` : `${route.collection} ${collections[route.collection].entryPage ? 'entry' : 'anchor'}`;
}

/**
 * Measures every page of a built site.
 * @param {{ distDir: string, port: number, out: string }} options `out`: the JSON file of every row
 */
export async function measureFirstCall({ distDir, port, out }) {
  const dist = resolve(distDir);
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const sitemap = [...new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname))];
  const locales = [...new Set(sitemap.map((p) => p.split('/')[1]).filter(Boolean))];
  const paths = ['/', '/404.html', ...sitemap.filter((p) => p !== '/'), ...locales.map((l) => `/${l}/404.html`)];

  const server = await startPagesDev({ dir: dist, port });
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const rows = [];
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${server.url.replace(/\/$/, '')}${path}`, { waitUntil: 'load' });
        const found = await page.evaluate((helplinesList) => {
          const offset = (el) => (el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null);
          const bottom = (el) => (el ? Math.round(el.getBoundingClientRect().bottom + window.scrollY) : null);
          // The first call button, or where no line answers in the language (Pashto, Kurmanji) the call strip's helplines link.
          const tel = document.querySelector('a[href^="tel:"]');
          const link = document.querySelector(`.call-strip a[href$="/${helplinesList}"]`);
          const first = [tel, link].filter(Boolean).sort((a, b) => offset(a) - offset(b))[0] ?? null;
          return { tel: offset(first), telBottom: bottom(first), isLink: first !== null && first === link, titleBottom: bottom(document.querySelector('h1')) };
        }, collections.helplines.list);
        rows.push({ path, template: templateOf(path), locale: path.split('/')[1] || null, viewport: `${viewport.width}×${viewport.height}`, fold: viewport.height, ...found });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), `${JSON.stringify(rows, null, 1)}\n`);

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
  };
  const templates = [...new Set(rows.map((r) => r.template))];
  const sizes = VIEWPORTS.map((v) => `${v.width}×${v.height}`);
  console.log(`\nFirst call button (or, in Pashto and Kurmanji, the helplines link), offset from the top of the page in CSS px, ${rows.length / VIEWPORTS.length} pages`);
  console.log(
    `| template | pages | first call at ${sizes[0]} (min / median / max) | at ${sizes[1]} | call not wholly on the first screen (${VIEWPORTS.map((v) => v.width).join(' / ')}) | title not wholly on it |`,
  );
  console.log('|---|---|---|---|---|---|');
  for (const template of templates) {
    const cells = [];
    const partly = [];
    const title = [];
    let pages = 0;
    for (const size of sizes) {
      const own = rows.filter((r) => r.template === template && r.viewport === size);
      pages = own.length;
      const offsets = own
        .filter((r) => r.tel !== null)
        .map((r) => r.tel)
        .sort((a, b) => a - b);
      const none = own.length - offsets.length;
      cells.push(offsets.length ? `${offsets[0]} / ${median(offsets)} / ${offsets.at(-1)}${none ? ` (none on ${none})` : ''}` : 'none');
      partly.push(own.filter((r) => r.tel === null || r.telBottom > r.fold).length);
      title.push(own.filter((r) => r.titleBottom !== null && r.titleBottom > r.fold).length);
    }
    console.log(`| ${template} | ${pages} | ${cells.join(' | ')} | ${partly.join(' / ')} | ${title.join(' / ')} |`);
  }
  console.log(`\nRows: ${out}`);
}
