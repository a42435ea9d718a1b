/**
 * Quick exit (src/components/QuickExit/), in tr, ar (RTL) and ru, against the
 * built site. The destination has no internet behind it here: page.route()
 * answers for it, so a test can also hold the answer back and look at our page
 * while the navigation is still pending.
 *
 * Why some tests read the page from inside (reportWhenOverlayShows): while a
 * navigation is pending, Playwright's locators and page.evaluate() wait for it
 * to finish, so the page reports its own state through console.log instead.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../../scripts/find-browser.mjs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles, urlPathOf } from '../../scripts/dist-html.mjs';
import { sitemapPaths } from './site-map.ts';
import { locales as allLocales } from '../../src/i18n/locales.ts';

const dist = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.DIST_DIR ?? '../dist');
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
/** The destination editors set in the CMS (content/settings/tr/site.yml). */
const DESTINATION = /^quickExitUrl:\s*(\S+)/m.exec(read('content/settings/tr/site.yml'))![1]!;
const DESTINATION_PAGES = `${new URL(DESTINATION).origin}/**`;

interface Strings { label: string; loading: string; pressOne: string; pressTwo: string; timeout: string; neutralTitle: string; browseSafelyLink: string }
const strings = (code: string): Strings => JSON.parse(read(`content/i18n/${code}.json`)).quickExit;

// Playwright starts Chromium with --disable-back-forward-cache; the pageshow test needs the
// cache, and readers' browsers have it, so this file runs with it (a worker option: file-wide).
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

/**
 * A fake clock that only moves when the test says so: with time flowing
 * naturally, test overhead would add to a 4.9 s gap and make it a 5 s one.
 */
async function stopTheClock(page: Page, path: string) {
  const start = new Date('2026-01-05T10:00:00Z');
  await page.clock.install({ time: start });
  await page.goto(path);
  await page.clock.pauseAt(new Date(start.getTime() + 60_000));
}

const locales = [
  { code: 'tr', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
  { code: 'ru', dir: 'ltr' },
] as const;
/** A long page, to scroll. */
const longPage = (code: string) => `/${code}/campaigns/fake-job-offers/`;

/**
 * Answers for the destination. With `hold`, the answer waits until the test
 * calls release(), so the test can look at our page while the navigation is pending.
 */
async function routeDestination(page: Page, { hold = false } = {}) {
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
  url: string; role: string | null; text: string | null; title: string;
  coversViewport: boolean; onTop: boolean; stillShown: string[]; storedItems: number;
}
/** Resolves with what the page shows, measured inside the page, once the overlay has its text. */
async function reportWhenOverlayShows(page: Page): Promise<() => Promise<OverlayReport>> {
  const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('quick-exit-report:'), timeout: 10_000 });
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const overlay = document.querySelector('.quick-exit__overlay');
      if (!overlay?.textContent) return;
      observer.disconnect();
      const rect = overlay.getBoundingClientRect();
      console.log('quick-exit-report:' + JSON.stringify({
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
      }));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return async () => JSON.parse((await report).text().slice('quick-exit-report:'.length));
}

/** What every activation must have done by the time the destination is asked for. */
async function expectExitedProperly(page: Page, code: string, activate: () => Promise<void>) {
  const t = strings(code);
  const destination = await routeDestination(page, { hold: true });
  await page.evaluate(() => { localStorage.setItem('seen', '1'); sessionStorage.setItem('draft', 'x'); });
  const report = await reportWhenOverlayShows(page);
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

/**
 * Issue 13: the exit's words come from content/i18n/<locale>.json, which a
 * stolen CMS account could edit ("$t(quickExit.label)" rendered an unnamed
 * button). The build refuses such strings (src/lib/content-rules/ui-strings.ts);
 * this proves what readers get in every locale: a named button, and a
 * non-empty "Loading." and tab title while leaving.
 */
for (const { code } of allLocales) {
  test(`${code}: the exit button, its loading text and the neutral tab title are never empty`, async ({ page }) => {
    const t = strings(code);
    for (const text of [t.label, t.loading, t.neutralTitle]) expect(text.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
    await page.goto(`/${code}/`);
    const button = page.locator('.quick-exit__button');
    await expect(button).toHaveAccessibleName(t.label);
    await expect(button).toBeVisible();
    await expect(page.locator('.quick-exit-skip')).toHaveAccessibleName(t.label);
    await expectExitedProperly(page, code, async () => {
      const box = (await button.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
  });
}

test('every HTML file dist/ serves to readers has the real exit links, the script, and no-referrer (the chooser and the 404s included)', () => {
  const files = htmlFiles(dist).filter((file) => !/^\/(admin|pagefind)\//.test(urlPathOf(dist, file)));
  const paths = files.map((file) => urlPathOf(dist, file));
  expect(paths).toEqual(expect.arrayContaining(['/', '/404.html', '/tr/404.html', '/ar/404.html', ...sitemapPaths()]));
  const problems: string[] = [];
  for (const file of files) {
    const path = urlPathOf(dist, file);
    const html = readFileSync(file, 'utf8');
    for (const cls of ['quick-exit__button', 'quick-exit-skip']) {
      const link = new RegExp(`<a [^>]*class="${cls}"[^>]*>`).exec(html)?.[0] ?? '';
      if (!link.includes(`href="${DESTINATION}"`) || !link.includes('rel="nofollow noreferrer"')) problems.push(`${path}: ${cls} ${link || 'missing'}`);
    }
    if (!html.includes('data-quick-exit-root')) problems.push(`${path}: no data-quick-exit-root for the script`);
    // The behaviour (quick-exit.ts), inline or in a chunk, whichever Astro chose.
    const modules = [...html.matchAll(/<script type="module"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g)];
    const code = modules.map(([, src, inline]) => (src ? readFileSync(resolve(dist, `.${src}`), 'utf8') : inline)).join('\n');
    if (!code.includes('[data-quick-exit-root]')) problems.push(`${path}: no quick-exit script`);
    if (!html.includes('<meta name="referrer" content="no-referrer">')) problems.push(`${path}: no referrer meta`);
  }
  expect(problems).toEqual([]);
});

for (const path of ['/', '/no-such-page', '/ar/no-such-page/']) {
  test(`${path}: the quick exit works there too, by click and by Shift ×3`, async ({ page }) => {
    const code = path === '/ar/no-such-page/' ? 'ar' : 'tr';
    await page.goto(path);
    const button = page.locator('.quick-exit__button');
    await expect(button).toHaveText(strings(code).label);
    await expect(page.locator('.quick-exit__hint'), 'the script ran').toHaveJSProperty('hidden', false);
    await expectExitedProperly(page, code, async () => {
      const box = (await button.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
    await page.goto(path);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expectExitedProperly(page, code, () => page.keyboard.press('Shift'));
  });
}

for (const { code, dir } of locales) {
  test.describe(`${code}`, () => {
    test('with JavaScript off, the button is a plain link that lands on the destination, sending no Referer', async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
      const page = await context.newPage();
      const destination = await routeDestination(page);
      await page.goto(`/${code}/helplines/`);
      const button = page.locator('.quick-exit__button');
      await expect(button).toHaveText(strings(code).label);
      await expect(page.locator('.quick-exit__hint'), 'no shortcut is promised without the script').toBeHidden();
      await button.click();
      await page.waitForURL(DESTINATION);
      await expect(page).toHaveTitle('Destination');
      expect(destination.requests).toHaveLength(1);
      expect(destination.requests[0]!.headers).not.toHaveProperty('referer');
      await context.close();
    });

    test('a click hides the page behind a translated "Loading." alert before the destination answers', async ({ page }) => {
      await page.goto(`/${code}/helplines/`);
      const button = page.getByRole('link', { name: strings(code).label, exact: true }).last();
      await expectExitedProperly(page, code, async () => {
        // Not button.click(): it would wait for the held navigation to finish.
        const box = (await button.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      });
    });

    test('the skip-link variant is the 2nd Tab stop, visible on focus, and Enter on it exits the same way', async ({ page }) => {
      await page.goto(`/${code}/`);
      await page.keyboard.press('Tab');
      await expect(page.locator('.skip-link')).toBeFocused();
      await page.keyboard.press('Tab');
      const skip = page.locator('.quick-exit-skip');
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport({ ratio: 1 });
      await expect(skip).toHaveAccessibleName(strings(code).label);
      const box = (await skip.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      await expectExitedProperly(page, code, () => page.keyboard.press('Enter'));
    });

    test('Enter on the focused button exits the same way', async ({ page }) => {
      await page.goto(`/${code}/rights/`);
      await page.locator('.quick-exit__button').focus();
      await expectExitedProperly(page, code, () => page.keyboard.press('Enter'));
    });

    test('Shift pressed 3 times (under 5 s apart) exits, with announcements and dots after presses 1 and 2', async ({ page }) => {
      const t = strings(code);
      await stopTheClock(page, `/${code}/`);
      const status = page.getByRole('status').and(page.locator('[data-quick-exit-status]'));
      const dots = page.locator('.quick-exit__dots');
      await expect(dots).toHaveAttribute('aria-hidden', 'true');
      await expect(dots).toBeHidden();
      await page.keyboard.press('Shift');
      await expect(status).toHaveText(t.pressOne);
      await expect(dots).toBeVisible();
      await expect(dots.locator('i.on')).toHaveCount(1);
      await page.clock.runFor(4_900);
      await page.keyboard.press('Shift');
      await expect(status).toHaveText(t.pressTwo);
      await expect(dots.locator('i.on')).toHaveCount(2);
      await page.clock.runFor(4_900);
      await expectExitedProperly(page, code, () => page.keyboard.press('Shift'));
    });

    test('label is translated and is the whole accessible name; tap target and contrast', async ({ page }) => {
      const t = strings(code);
      await page.goto(`/${code}/`);
      const button = page.locator('.quick-exit__button');
      await expect(button).toHaveText(t.label);
      await expect(button).toHaveAccessibleName(t.label);
      await expect(page.getByRole('link', { name: t.label, exact: true })).toHaveCount(2);
      await expect(page.locator('.quick-exit__help')).toHaveAttribute('href', `/${code}/browse-safely/`);
      await expect(page.locator('.quick-exit__help')).toHaveText(t.browseSafelyLink);
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      const [fg, bg] = await button.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(contrast(fg!, bg!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    });

    test(`the button sits at the inline end (${dir === 'rtl' ? 'left' : 'right'}) of the page`, async ({ page }) => {
      for (const width of [412, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`/${code}/`);
        const button = (await page.locator('.quick-exit__button').boundingBox())!;
        // The header's content box: the column the page's text is set in.
        const column = await page.locator('.site-header').evaluate((el) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return { left: r.left + parseFloat(style.paddingLeft), right: r.right - parseFloat(style.paddingRight) };
        });
        // Its inline-end edge lines up with the column's.
        if (dir === 'rtl') {
          expect(button.x + button.width / 2, `width ${width}`).toBeLessThan(width / 2);
          expect(Math.abs(button.x - column.left), `width ${width}`).toBeLessThanOrEqual(8);
        } else {
          expect(button.x + button.width / 2, `width ${width}`).toBeGreaterThan(width / 2);
          expect(Math.abs(button.x + button.width - column.right), `width ${width}`).toBeLessThanOrEqual(8);
        }
      }
    });

    test('stays on screen after scrolling at 320 px and at 400% zoom, never covers the focused element, hidden in print', async ({ page }) => {
      // 1280×1024 at 400% zoom is a 320×256 CSS-pixel viewport.
      for (const viewport of [{ width: 320, height: 640 }, { width: 320, height: 256 }]) {
        await page.setViewportSize(viewport);
        await page.goto(longPage(code));
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect.poll(() => page.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight)).toBe(true);
        const button = page.locator('.quick-exit__button');
        await expect(button).toBeInViewport({ ratio: 1 });
        expect(await button.evaluate((el) => el.contains(document.elementFromPoint(el.getBoundingClientRect().x + 5, el.getBoundingClientRect().y + 5)))).toBe(true);

        // Tab through the page and back (Shift+Tab scrolls elements in at the top, where the button
        // sticks), then follow the skip link: each focused element's centre is itself, not the button.
        await page.evaluate(() => window.scrollTo(0, 0));
        const covered: string[] = [];
        for (const key of [...Array(40).fill('Tab'), ...Array(40).fill('Shift+Tab')]) {
          await page.keyboard.press(key);
          const where = await focusedElementIsOnTop(page);
          if (where !== 'ok') covered.push(`${key}: ${where}`);
        }
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.locator('.skip-link').focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('main')).toBeFocused();
        const where = await focusedElementIsOnTop(page);
        if (where !== 'ok') covered.push(`skip link target: ${where}`);
        expect(covered, `${viewport.width}×${viewport.height}`).toEqual([]);
      }
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.quick-exit__button')).toBeHidden();
      await expect(page.locator('.quick-exit__help')).toBeHidden();
      await expect(page.locator('.quick-exit-skip')).toBeHidden();
    });
  });
}

test.describe('the Shift shortcut ignores what is not 3 lone Shift presses (ar)', () => {
  const t = strings('ar');
  test.beforeEach(async ({ page }) => {
    await stopTheClock(page, '/ar/');
  });
  const status = (page: Page) => page.locator('[data-quick-exit-status]');
  const expectStillHere = async (page: Page) => {
    await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
    expect(page.url()).toContain('/ar/');
  };

  test('a gap over 5 s starts again, and says so', async ({ page }) => {
    await page.keyboard.press('Shift');
    await page.clock.runFor(5_001);
    await expect(status(page)).toHaveText(t.timeout);
    await expect(page.locator('.quick-exit__dots')).toBeHidden();
    await page.keyboard.press('Shift');
    await expect(status(page)).toHaveText(t.pressOne);
    await page.keyboard.press('Shift');
    await expect(status(page)).toHaveText(t.pressTwo);
    await page.clock.runFor(5_001);
    await expect(status(page)).toHaveText(t.timeout);
    await page.keyboard.press('Shift');
    await expect(status(page)).toHaveText(t.pressOne);
    await expectStillHere(page);
    // The timeout message does not linger for someone reading the page later.
    await page.clock.runFor(5_001);
    await page.clock.runFor(5_001);
    await expect(status(page)).toHaveText('');
  });

  test('each press restarts the 5 s timer', async ({ page }) => {
    const destination = await routeDestination(page);
    await page.keyboard.press('Shift');
    await page.clock.runFor(4_000);
    await page.keyboard.press('Shift');
    await page.clock.runFor(4_000); // 8 s since the first press, 4 s since the last
    await expect(status(page)).toHaveText(t.pressTwo);
    await page.keyboard.press('Shift');
    await page.waitForURL(DESTINATION);
    expect(destination.requests).toHaveLength(1);
  });

  test('another key in between starts again', async ({ page }) => {
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('KeyA');
    await expect(status(page)).toHaveText(t.timeout);
    await page.keyboard.press('Shift');
    await expect(status(page)).toHaveText(t.pressOne);
    await expect(page.locator('.quick-exit__dots i.on')).toHaveCount(1);
    await expectStillHere(page);
  });

  test('Shift used to type capitals does not count, whichever key is released first', async ({ page }) => {
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+KeyA');
    for (let i = 0; i < 3; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.down('KeyB');
      await page.keyboard.up('Shift');
      await page.keyboard.up('KeyB');
    }
    await expect(page.locator('.quick-exit__dots')).toBeHidden();
    await expect(status(page)).toHaveText('');
    await expectStillHere(page);
  });

  test('holding Shift down is one press, not many', async ({ page }) => {
    // A key already down sends auto-repeat keydowns, as a held key does.
    for (let i = 0; i < 5; i++) await page.keyboard.down('Shift');
    await page.keyboard.up('Shift');
    await expect(status(page)).toHaveText(t.pressOne);
    await expectStillHere(page);
  });
});

test.describe('typing never exits: Shift in a text field does not count (alphagov/govuk-frontend#4095)', () => {
  /** Three Shift keyups with nothing between, as iOS sends for double-tap (caps lock) and one more tap. */
  const iosCapsLockAndTap = (selector: string) => (page: Page) =>
    page.locator(selector).evaluate((el) => {
      for (let i = 0; i < 3; i++) el.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', code: 'ShiftLeft', keyCode: 16, bubbles: true, composed: true }));
    });

  for (const { code, path, field } of [
    { code: 'tr', path: '/tr/search/', field: '#search-input' },
    { code: 'ar', path: '/ar/campaigns/', field: '#site-search-input' },
  ]) {
    test(`${code}: in the search box, the iOS caps-lock sequence and three real Shift presses do nothing; after focus leaves, Shift ×3 exits`, async ({ page }) => {
      const t = strings(code);
      await stopTheClock(page, path);
      const status = page.locator('[data-quick-exit-status]');
      await page.locator(field).focus();
      await iosCapsLockAndTap(field)(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await page.keyboard.type('Pasaport');
      await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
      await expect(page.locator('.quick-exit__dots')).toBeHidden();
      await expect(status).toHaveText('');
      expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.locator(field)).toHaveValue('Pasaport');
      if (path.endsWith('/search/')) {
        // The search page searches what was typed (after a pause, on the stopped clock): let it finish,
        // so the only requests after the exit below are the exit's own.
        await page.clock.runFor(1000);
        await expect(page.locator('[data-search-results] a').first()).toBeVisible();
      }
      await page.waitForLoadState('networkidle');

      // Focus leaves the field (Tab to its button): the shortcut counts again.
      await page.keyboard.press('Tab');
      await expect(page.locator(field)).not.toBeFocused();
      await page.keyboard.press('Shift');
      await expect(status).toHaveText(t.pressOne);
      await page.keyboard.press('Shift');
      await expect(status).toHaveText(t.pressTwo);
      await expectExitedProperly(page, code, () => page.keyboard.press('Shift'));
    });
  }

  test('ar: the same in a textarea and in an editable element; a checkbox is not a text field', async ({ page }) => {
    await stopTheClock(page, '/ar/');
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'area';
      const editable = document.createElement('div');
      editable.id = 'editable';
      editable.contentEditable = 'true';
      editable.textContent = 'x';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'box';
      document.querySelector('main')!.prepend(area, editable, box);
    });
    for (const selector of ['#area', '#editable']) {
      await page.locator(selector).focus();
      await iosCapsLockAndTap(selector)(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
      await expect(page.locator('.quick-exit__dots')).toBeHidden();
    }
    await page.locator('#box').focus();
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText(strings('ar').pressOne);
  });
});

test.describe('Back', () => {
  test('after exiting, Back goes to the page before, never to the page that was exited (tr)', async ({ page }) => {
    await routeDestination(page);
    const before = '/tr/helplines/';
    const exited = '/tr/campaigns/';
    await page.goto(before);
    await page.goto(exited);
    const entries = await page.evaluate(() => history.length);
    await page.locator('.quick-exit__button').click();
    await page.waitForURL(DESTINATION);
    // location.replace(): the exited page's entry became the destination; no entry was added.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // 'commit': a page restored from the back/forward cache fires no load event.
    await page.goBack({ waitUntil: 'commit' });
    expect(new URL(page.url()).pathname).toBe(before);
    await page.goForward({ waitUntil: 'commit' });
    expect(page.url()).toBe(DESTINATION);
  });

  test('when our page was the first in the tab, there is no Back to it at all (ar)', async ({ page }) => {
    await routeDestination(page);
    await page.goto('/ar/');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(DESTINATION);
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    expect(page.url()).not.toContain('127.0.0.1');
    expect(['about:blank', DESTINATION]).toContain(page.url());
  });
});

test.describe('back/forward cache (real, not a synthetic event)', () => {

  /**
   * Leaves the page and comes back; true when the same document came back from
   * the cache (a variable the test set on it survived). No page.evaluate()
   * before leaving: with a navigation pending it would wait for it forever.
   */
  async function leaveAndComeBack(page: Page, elsewhere: string) {
    await page.goto(elsewhere);
    // A page restored from the cache fires no "load": wait for the commit only.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
    return page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);
  }

  test('a page restored after an interrupted exit has no overlay, its own title, and a fresh count (ru)', async ({ page }) => {
    const t = strings('ru');
    const exited = '/ru/campaigns/';
    await page.goto(exited);
    const title = await page.title();
    await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });

    // Half a shortcut, then away and back: the count starts again.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page.locator('.quick-exit__dots i.on')).toHaveCount(2);
    expect(await leaveAndComeBack(page, '/ru/helplines/'), 'restored from the back/forward cache').toBe(true);
    await expect(page.locator('.quick-exit__dots')).toBeHidden();
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('');

    // Exit starts (the destination is slow), the reader goes elsewhere before it answers, then comes Back.
    const destination = await routeDestination(page, { hold: true });
    const report = await reportWhenOverlayShows(page);
    const box = (await page.locator('.quick-exit__button').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await destination.firstRequest;
    expect((await report()).text, 'the overlay was up when the page was left').toBe(t.loading);
    expect(await leaveAndComeBack(page, '/ru/helplines/'), 'restored from the back/forward cache').toBe(true);
    destination.release();
    expect(new URL(page.url()).pathname).toBe(exited);
    await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page).toHaveTitle(title);
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText(t.pressOne);
  });
});

test('the exit colour is used by the quick exit only (tr home, campaign, helplines)', async ({ page }) => {
  for (const path of ['/tr/', '/tr/campaigns/confiscated-documents/', '/tr/helplines/']) {
    await page.goto(path);
    const users = await page.evaluate(() => {
      const exit = getComputedStyle(document.querySelector('.quick-exit__button')!).backgroundColor;
      const props = ['color', 'backgroundColor', 'borderTopColor', 'borderBottomColor', 'borderLeftColor', 'borderRightColor', 'outlineColor'] as const;
      return [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('.quick-exit__button, .quick-exit-skip'))
        .filter((el) => props.some((p) => getComputedStyle(el)[p] === exit))
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(users, path).toEqual([]);
  }
});

/** 'ok' when the focused element is what is drawn at its centre (or 10 px below its top, for tall ones). */
function focusedElementIsOnTop(page: Page) {
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

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
