/**
 * Quick exit (src/components/QuickExit/): what activating it does, in tr, ar
 * (RTL) and ru, against the built site: the plain link without JavaScript,
 * click, skip link, Enter, Shift pressed 3 times, what the shortcut ignores
 * (Shift while typing in a field included), the language chooser and the 404
 * pages, a named button in every locale (issue 13), Back, and the real back/forward cache. The destination has no internet
 * behind it here: page.route() answers for it, so a test can also hold the
 * answer back and look at our page while the navigation is still pending.
 * Where it sits and how it looks: ./layout.spec.ts; its links in every built
 * page: tests/dist/quick-exit.dist.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { listPath, localePath, uiPages } from '../../../src/routes.ts';
import { DESTINATION, expectExitedProperly, locales, reportWhenOverlayShows, routeDestination, stopTheClock, strings, withBackForwardCache } from './helpers.ts';

withBackForwardCache();

for (const { code } of locales) {
  test.describe(`${code}`, () => {
    test('with JavaScript off, the button is a plain link that lands on the destination, sending no Referer', async ({ browser, baseURL }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
      const page = await context.newPage();
      const destination = await routeDestination(page);
      await page.goto(localePath(code, listPath('helplines')));
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
      await page.goto(localePath(code, listPath('helplines')));
      const button = page.getByRole('link', { name: strings(code).label, exact: true }).last();
      await expectExitedProperly(page, code, async () => {
        // Not button.click(): it would wait for the held navigation to finish.
        const box = (await button.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      });
    });

    test('the skip-link variant is the 2nd Tab stop, visible on focus, and Enter on it exits the same way', async ({ page }) => {
      await page.goto(localePath(code));
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
      await page.goto(localePath(code, listPath('rights')));
      await page.locator('.quick-exit__button').focus();
      await expectExitedProperly(page, code, () => page.keyboard.press('Enter'));
    });

    test('Shift pressed 3 times (under 5 s apart) exits, with announcements and dots after presses 1 and 2', async ({ page }) => {
      const t = strings(code);
      await stopTheClock(page, localePath(code));
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
  });
}

test.describe('the Shift shortcut ignores what is not 3 lone Shift presses (ar)', () => {
  const t = strings('ar');
  test.beforeEach(async ({ page }) => {
    await stopTheClock(page, localePath('ar'));
  });
  const status = (page: Page) => page.locator('[data-quick-exit-status]');
  const expectStillHere = async (page: Page) => {
    await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
    expect(page.url()).toContain(localePath('ar'));
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

/**
 * Issue 13: the exit's words come from content/i18n/<locale>.json, which a
 * stolen CMS account could edit ("$t(quickExit.label)" rendered an unnamed
 * button). The build refuses such strings (src/lib/content-rules/ui-strings.ts);
 * this proves what readers get in every locale: a named button, and a
 * non-empty "Loading." and tab title while leaving.
 */
for (const code of localeCodes) {
  test(`${code}: the exit button, its loading text and the neutral tab title are never empty`, async ({ page }) => {
    const t = strings(code);
    for (const text of [t.label, t.loading, t.neutralTitle]) expect(text.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
    await page.goto(localePath(code));
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

for (const { path, code } of [
  { path: '/', code: 'tr' },
  { path: '/no-such-page', code: 'tr' },
  { path: localePath('ar', 'no-such-page'), code: 'ar' },
]) {
  test(`${path}: the quick exit works there too, by click and by Shift ×3`, async ({ page }) => {
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

test.describe('typing never exits: Shift in a text field does not count (alphagov/govuk-frontend#4095)', () => {
  /** Three Shift keyups with nothing between, as iOS sends for double-tap (caps lock) and one more tap. */
  const iosCapsLockAndTap = (selector: string) => (page: Page) =>
    page.locator(selector).evaluate((el) => {
      for (let i = 0; i < 3; i++) el.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', code: 'ShiftLeft', keyCode: 16, bubbles: true, composed: true }));
    });

  for (const { code, path, field, searches } of [
    { code: 'tr', path: localePath('tr', uiPages.search.path), field: '#search-input', searches: true },
    { code: 'ar', path: localePath('ar', listPath('campaigns')), field: '#site-search-input', searches: false },
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
      if (searches) {
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
    await stopTheClock(page, localePath('ar'));
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
    const before = localePath('tr', listPath('helplines'));
    const exited = localePath('tr', listPath('campaigns'));
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
    await page.goto(localePath('ar'));
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
    const exited = localePath('ru', listPath('campaigns'));
    await page.goto(exited);
    const title = await page.title();
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    // Half a shortcut, then away and back: the count starts again.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expect(page.locator('.quick-exit__dots i.on')).toHaveCount(2);
    expect(await leaveAndComeBack(page, localePath('ru', listPath('helplines'))), 'restored from the back/forward cache').toBe(true);
    await expect(page.locator('.quick-exit__dots')).toBeHidden();
    await expect(page.locator('[data-quick-exit-status]')).toHaveText('');

    // Exit starts (the destination is slow), the reader goes elsewhere before it answers, then comes Back.
    const destination = await routeDestination(page, { hold: true });
    const report = await reportWhenOverlayShows(page);
    const box = (await page.locator('.quick-exit__button').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await destination.firstRequest;
    expect((await report()).text, 'the overlay was up when the page was left').toBe(t.loading);
    expect(await leaveAndComeBack(page, localePath('ru', listPath('helplines'))), 'restored from the back/forward cache').toBe(true);
    destination.release();
    expect(new URL(page.url()).pathname).toBe(exited);
    await expect(page.locator('.quick-exit__overlay')).toHaveCount(0);
    await expect(page.locator('.site-header')).toBeVisible();
    await expect(page).toHaveTitle(title);
    await page.keyboard.press('Shift');
    await expect(page.locator('[data-quick-exit-status]')).toHaveText(t.pressOne);
  });
});
