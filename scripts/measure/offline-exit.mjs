/**
 * How long the quick exit takes to leave when "Keep for offline" was used (issue 16, part 2:
 * "the quick exit removes it … without delaying the exit by more than 100 ms").
 *
 * In Chromium, against the built site as Cloudflare serves it (wrangler pages dev,
 * ../serve/pages-dev.mjs), service workers allowed. Each run opens a page, presses the quick
 * exit's button with the mouse, and measures the time from the click (a capture-phase listener's
 * `performance.timeOrigin + performance.now()`, wall-clock ms) to the request for the exit's
 * destination (Playwright's `request.timing().startTime`, wall-clock ms; the destination is
 * answered locally, nothing leaves the machine). Three cases, `runs` times each:
 * - **not kept**: nothing was kept; the exit leaves at once (the baseline);
 * - **kept, page in the worker's scope**: "Keep for offline" pressed, the page reloaded so its
 *   worker controls it (a reader's next visit);
 * - **kept, other language, slow network**: kept in one language, exit pressed on another
 *   language's page (out of the worker's scope), with 400 ms of added latency (Chromium's
 *   network emulation): anything the removal had to fetch would arrive after the 100 ms cap
 *   (the first version fetched its remover, and there removed nothing).
 * After each kept run it checks, from a new tab, what is left (caches, registrations, the flag).
 * It prints the median and largest delay per case, and the extra delay over the baseline.
 *
 * With `screenshots`, it also saves the offline notice (a kept page reloaded offline) in Turkish
 * and Arabic at 390×844 as <dir>/notice-<locale>-390.png (docs/offline/).
 *
 * This is a benchmark: it times things, so it is not a test (tests/e2e/offline.spec.ts holds the
 * behaviour). The command line is scripts/cli/measure-offline-exit.mjs (`npm run measure:offline-exit`).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { defaultLocale } from '../../src/i18n/locales.ts';
import { readYaml } from '../../src/lib/content-files.ts';
import { collections, dataCollections } from '../../src/collections.ts';
import { localePath } from '../../src/routes.ts';
import { CHROMIUM_ARGS, findChromium } from '../lib/find-browser.mjs';
import { startPagesDev } from '../serve/pages-dev.mjs';

/** The limit on what removing the kept pages may add to the exit. */
export const EXIT_DELAY_LIMIT_MS = 100;
/** The helplines page, where "Keep for offline" is (path after the locale). */
const HELPLINES = collections.helplines.list;
/** Added round-trip latency in the slow-network case (about a congested 3G link). */
const SLOW_LATENCY_MS = 400;

const root = resolve(import.meta.dirname, '../..');
const destination = () => String(readYaml(join(root, dataCollections.settings.file(defaultLocale))).quickExitUrl);

/** Records, in the page, when the quick exit's button is clicked (before the exit's own handler runs). */
function recordExitClick() {
  addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('.quick-exit__button')) console.log(`exit-click:${performance.timeOrigin + performance.now()}`);
    },
    true,
  );
}

/** What the browser holds for the site: Cache Storage names, worker registrations, the quick exit's flag. */
const stored = (page) =>
  page.evaluate(async () => ({
    caches: (await caches.keys()).length,
    registrations: (await navigator.serviceWorker.getRegistrations()).length,
    flag: localStorage.getItem('kept'),
  }));

/** Presses "Keep for offline" on the locale's helplines page and waits until its pages are stored. */
async function keep(page, base, locale) {
  await page.goto(`${base}${localePath(locale, HELPLINES)}`);
  const root = page.locator('[data-keep-offline]');
  const kept = await root.getAttribute('data-kept');
  await page.locator('[data-keep-offline-button]').click();
  await page.locator('[data-keep-offline-status]').filter({ hasText: kept }).waitFor({ timeout: 30_000 });
}

/** One press of the quick exit on `path`: ms from the click to the destination's request. */
async function timeExit(page, base, path) {
  const target = new URL(destination());
  const clicked = new Promise((done) => {
    const onConsole = (message) => {
      if (!message.text().startsWith('exit-click:')) return;
      page.off('console', onConsole);
      done(Number(message.text().slice('exit-click:'.length)));
    };
    page.on('console', onConsole);
  });
  const requested = page.waitForRequest((request) => request.url().startsWith(target.origin), { timeout: 30_000 });
  const box = await page.locator('.quick-exit__button').boundingBox();
  if (!box) throw new Error(`no quick exit button on ${path}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const request = await requested;
  await page.waitForURL((url) => url.origin === target.origin);
  return request.timing().startTime - (await clicked);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Runs the three cases and prints the table.
 * @param {{ distDir: string, port: number, runs?: number, screenshots?: string }} options
 *   `screenshots`: a folder for the notice screenshots, or undefined for none
 * @returns {Promise<{ cases: { name: string, delays: number[], left: object[] }[] }>} delays in ms
 */
export async function measureOfflineExit({ distDir, port, runs = 10, screenshots }) {
  const server = await startPagesDev({ dir: resolve(distDir), port });
  const base = server.url.replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const target = new URL(destination());
  const cases = [
    { name: 'not kept', kept: false, at: localePath('tr', HELPLINES) },
    { name: 'kept, page in the worker scope', kept: true, at: localePath('tr', HELPLINES) },
    { name: `kept, other language, +${SLOW_LATENCY_MS} ms latency`, kept: true, at: localePath('ar', HELPLINES), slow: true },
  ].map((c) => ({ ...c, delays: [], left: [] }));
  try {
    for (let run = 0; run < runs; run++) {
      for (const c of cases) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        await context.route(`${target.origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Destination</title>' }));
        await context.addInitScript(recordExitClick);
        const page = await context.newPage();
        if (c.kept) await keep(page, base, 'tr');
        await page.goto(`${base}${c.at}`);
        if (c.slow) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
        }
        c.delays.push(await timeExit(page, base, c.at));
        if (c.kept) {
          // What is left, seen from a new tab of the same browser, once the worker has had time to finish.
          const check = await context.newPage();
          await check.goto(`${base}${localePath('tr', HELPLINES)}`);
          await check.waitForTimeout(1_000);
          c.left.push(await stored(check));
        }
        await context.close();
      }
    }
    if (screenshots) await noticeScreenshots(browser, base, screenshots);
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`\nQuick exit: ms from the click to the destination's request, ${runs} runs per case (limit: ${EXIT_DELAY_LIMIT_MS} ms added)`);
  console.log('| case | median | max | median added to "not kept" | left afterwards (caches / registrations / flag) |');
  console.log('|---|---|---|---|---|');
  const baseline = median(cases[0].delays);
  for (const c of cases) {
    const left = c.kept ? c.left.map((l) => `${l.caches}/${l.registrations}/${l.flag ?? '–'}`).join(', ') : '–';
    console.log(`| ${c.name} | ${median(c.delays).toFixed(1)} | ${Math.max(...c.delays).toFixed(1)} | ${(median(c.delays) - baseline).toFixed(1)} | ${left} |`);
  }
  return { cases: cases.map(({ name, delays, left }) => ({ name, delays, left })) };
}

/** The offline notice on a kept page (the helplines) reloaded offline, in Turkish and Arabic, at 390×844. */
async function noticeScreenshots(browser, base, dir) {
  mkdirSync(resolve(dir), { recursive: true });
  for (const locale of ['tr', 'ar']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await keep(page, base, locale);
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-offline-notice]').waitFor();
    const file = join(resolve(dir), `notice-${locale}-390.png`);
    await page.screenshot({ path: file });
    console.log(`Saved ${file}`);
    await context.close();
  }
}
