/**
 * Shared by the quick-exit specs (src/components/QuickExit/): the destination
 * and strings as editors set them, a destination that answers (or is held
 * back) without internet, and what every activation must have done.
 *
 * Why some helpers read the page from inside (reportWhenOverlayShows): while a
 * navigation is pending, Playwright's locators and page.evaluate() wait for it
 * to finish, so the page reports its own state through console.log instead.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readYaml } from '../../../src/lib/content-files.ts';
import { CHROMIUM_ARGS } from '../../../scripts/lib/find-browser.mjs';
import { dataCollections } from '../../../src/collections.ts';
import { defaultLocale } from '../../../src/i18n/locales.ts';

const file = (path: string) => new URL(`../../../${path}`, import.meta.url);
/** The destination editors set in the CMS (content/settings/tr/site.yml). */
export const DESTINATION = String(readYaml(file(dataCollections.settings.file(defaultLocale))).quickExitUrl);
const DESTINATION_PAGES = `${new URL(DESTINATION).origin}/**`;

interface Strings {
  label: string;
  loading: string;
  pressOne: string;
  pressTwo: string;
  timeout: string;
  neutralTitle: string;
  browseSafelyLink: string;
}
export const strings = (code: string): Strings => JSON.parse(readFileSync(file(dataCollections.i18n.file(code as 'tr')), 'utf8')).quickExit;

/**
 * Playwright starts Chromium with --disable-back-forward-cache; the pageshow test needs the
 * cache, and readers' browsers have it, so the quick-exit specs run with it (a worker option:
 * call this at the top of a spec file).
 */
export function withBackForwardCache() {
  test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });
}

/** The locales every quick-exit behaviour is tested in: LTR, RTL, and Cyrillic. */
export const locales = [
  { code: 'tr', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
  { code: 'ru', dir: 'ltr' },
] as const;

/**
 * A fake clock that only moves when the test says so: with time flowing
 * naturally, test overhead would add to a 4.9 s gap and make it a 5 s one.
 */
export async function stopTheClock(page: Page, path: string) {
  const start = new Date('2026-01-05T10:00:00Z');
  await page.clock.install({ time: start });
  await page.goto(path);
  await page.clock.pauseAt(new Date(start.getTime() + 60_000));
}

/**
 * Answers for the destination. With `hold`, the answer waits until the test
 * calls release(), so the test can look at our page while the navigation is pending.
 */
export async function routeDestination(page: Page, { hold = false } = {}) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const requests: { url: string; headers: Record<string, string> }[] = [];
  let arrived = () => {};
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(DESTINATION_PAGES, async (route) => {
    requests.push({ url: route.request().url(), headers: await route.request().allHeaders() });
    arrived();
    if (hold) await released;
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Destination</title><p>Somewhere else</p>' }).catch(() => {
      // The navigation was cancelled while held (the bfcache test navigates away on purpose).
    });
  });
  return { requests, firstRequest, release };
}

interface OverlayReport {
  url: string;
  role: string | null;
  text: string | null;
  title: string;
  coversViewport: boolean;
  onTop: boolean;
  stillShown: string[];
  storedItems: number;
}
/** Resolves with what the page shows, measured inside the page, once the overlay has its text. */
export async function reportWhenOverlayShows(page: Page): Promise<() => Promise<OverlayReport>> {
  const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('quick-exit-report:'), timeout: 10_000 });
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const overlay = document.querySelector('.quick-exit__overlay');
      if (!overlay?.textContent) return;
      observer.disconnect();
      const rect = overlay.getBoundingClientRect();
      console.log(
        'quick-exit-report:' +
          JSON.stringify({
            url: location.href,
            role: overlay.getAttribute('role'),
            text: overlay.textContent,
            title: document.title,
            coversViewport: rect.left <= 0 && rect.top <= 0 && rect.right >= innerWidth && rect.bottom >= innerHeight,
            onTop: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === overlay,
            stillShown: [...document.body.children]
              .filter((el) => el !== overlay && getComputedStyle(el).display !== 'none')
              .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
            storedItems: localStorage.length + sessionStorage.length,
          }),
      );
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return async () => JSON.parse((await report).text().slice('quick-exit-report:'.length));
}

/** What every activation must have done by the time the destination is asked for. */
export async function expectExitedProperly(page: Page, code: string, activate: () => Promise<void>) {
  const t = strings(code);
  const destination = await routeDestination(page, { hold: true });
  await page.evaluate(() => {
    localStorage.setItem('seen', '1');
    sessionStorage.setItem('draft', 'x');
  });
  const report = await reportWhenOverlayShows(page);
  // Chromium asks for the favicon on its own some time after the load event; let that (and any other
  // request of the page's own loading) finish, so what is counted below is only what the exit sends.
  // (CI run of stop 20: /favicon.svg was requested after the click on the root page.)
  await page.waitForLoadState('networkidle');
  const ourUrl = page.url();
  const requestsAfterActivation: string[] = [];
  page.on('request', (request) => requestsAfterActivation.push(request.url()));

  await activate();
  await destination.firstRequest;
  const shown = await report();
  // Measured while the destination's answer is held back: our page is still loaded, already hidden.
  expect(shown.url).toBe(ourUrl);
  expect(shown.role).toBe('alert');
  expect(shown.text).toBe(t.loading);
  expect(shown.coversViewport, 'the overlay covers the whole screen').toBe(true);
  expect(shown.onTop, 'nothing is drawn above the overlay').toBe(true);
  expect(shown.stillShown, 'everything else on the page is hidden').toEqual([]);
  expect(shown.title).toBe(t.neutralTitle);
  expect(shown.storedItems, 'localStorage and sessionStorage are empty').toBe(0);
  // No request but the navigation itself, and it does not say where it came from.
  expect(requestsAfterActivation).toEqual([DESTINATION]);
  expect(destination.requests[0]!.headers).not.toHaveProperty('referer');

  destination.release();
  await page.waitForURL(DESTINATION);
  await expect(page).toHaveTitle('Destination');
}

/** 'ok' when the focused element is what is drawn at its centre (or 10 px below its top, for tall ones). */
export function focusedElementIsOnTop(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'ok';
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return el.contains(top) ? 'ok' : `${el.tagName} "${el.textContent?.trim().slice(0, 30)}" under ${top?.className}`;
  });
}
