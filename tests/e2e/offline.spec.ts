/**
 * "Keep for offline" (issue 16, part 2; src/components/KeepOffline/), in tr and ar (RTL), against the
 * built site with service workers allowed (the suite blocks them elsewhere): nothing is registered
 * or cached before the press; after it, the kept pages (home, helplines, card) reload offline with
 * the offline notice; the pages the reader then chooses reload offline too, the others do not; after
 * the quick exit, no cache and no registration remain.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { listPath, localePath, offlinePages, offlineWorkerPath, routeAt, uiPages } from '../../src/routes.ts';
import type { OfflineChoices } from '../../src/components/KeepOffline/choices.ts';
import { routeDestination, strings as exitStrings, DESTINATION } from './quick-exit/helpers.ts';
import { locales, type LocaleCode } from '../../src/i18n/locales.ts';

test.use({ serviceWorkers: 'allow' });

type OfflineStrings = Record<'keep' | 'keeping' | 'kept' | 'failed' | 'notice' | 'choose' | 'saveChosen' | 'savedChosen' | 'chooseNone', string>;
const offlineStrings = (code: string): OfflineStrings => JSON.parse(readFileSync(new URL(`../../content/i18n/${code}.json`, import.meta.url), 'utf8')).offline;

/** What the browser holds for this site: Cache Storage names and service worker registrations' scopes. */
const stored = (page: Page) =>
  page.evaluate(async () => ({
    caches: await caches.keys(),
    registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
  }));

/**
 * Clicks the quick exit (the last link with its label) and, once the destination has
 * loaded, checks from another tab of the same browser that the site left nothing: no cache, no
 * service worker registration, no `kept` flag (which the next visit drops if only it was left).
 */
async function exitAndExpectNothingLeft(page: Page, code: LocaleCode) {
  await routeDestination(page);
  await page
    .getByRole('link', { name: exitStrings(code).label, exact: true })
    .last()
    .click();
  await page.waitForURL(DESTINATION);
  const check = await page.context().newPage();
  await check.goto(localePath(code, listPath('helplines')));
  await expect.poll(() => stored(check)).toEqual({ caches: [], registrations: [] });
  // The flag goes with the exit, or, when the exit's 100 ms ran out first, on this next visit once nothing is left (forget.ts, dropStaleFlag).
  await expect.poll(() => check.evaluate(() => localStorage.getItem('kept'))).toBeNull();
}

for (const code of ['tr', 'ar'] as const) {
  test.describe(code, () => {
    test('nothing is registered or cached before the press; after it the kept pages reload offline with the notice', async ({ page, context }) => {
      const strings = offlineStrings(code);
      await page.goto(localePath(code, listPath('helplines')));
      const button = page.getByRole('button', { name: strings.keep, exact: true });
      await expect(button).toBeVisible();
      // Visit the card and the home page too, before the press: still nothing stored.
      for (const path of [uiPages.card.path, uiPages.home.path, listPath('helplines')]) {
        await page.goto(localePath(code, path));
        expect(await stored(page), `before the press, on ${path}`).toEqual({ caches: [], registrations: [] });
      }
      await button.click();
      await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
      const after = await stored(page);
      expect(after.registrations).toEqual([new URL(localePath(code), page.url()).href]);
      expect(after.caches.length).toBeGreaterThan(0);

      await context.setOffline(true);
      for (const path of offlinePages) {
        await page.goto(localePath(code, path));
        await expect(page.locator('[data-offline-notice]'), `offline notice on ${path}`).toHaveText(strings.notice);
        await expect(page.locator('main h1')).toBeVisible();
        // The page's CSS came from the cache too: the quick exit button is styled (not an inline link).
        await expect(page.locator('.quick-exit__button')).toHaveCSS('position', /sticky|fixed/);
      }
      await context.setOffline(false);
      await page.goto(localePath(code, listPath('helplines')));
      await expect(page.locator('[data-offline-notice]'), 'online, the page comes from the network').toHaveCount(0);
    });

    test('axe, WCAG 2.2 AA: the helplines page with the button, its status and the pages to choose, the card kept and reloaded offline with the notice', async ({
      page,
      context,
    }) => {
      test.setTimeout(120_000); // axe takes 2–5 s a page on an idle machine, far more on a loaded one
      const strings = offlineStrings(code);
      const violations = async (where: string) =>
        (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
          (v) => `${where}: ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        );
      await page.goto(localePath(code, listPath('helplines')));
      await expect(page.getByRole('button', { name: strings.keep, exact: true })).toBeVisible();
      expect(await violations('helplines, before the press')).toEqual([]);
      await page.getByRole('button', { name: strings.keep, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('group', { name: strings.choose, exact: true }), 'the list of pages to choose is checked too').toBeVisible();
      expect(await violations('helplines, kept, with the pages to choose')).toEqual([]);
      await context.setOffline(true);
      await page.goto(localePath(code, uiPages.card.path));
      await expect(page.locator('[data-offline-notice]')).toHaveText(strings.notice);
      expect(await violations('card, offline')).toEqual([]);
    });

    test('after the save the reader may choose more pages, none ticked: a chosen page reloads offline with the notice, an unchosen one does not; the quick exit removes them', async ({
      page,
      context,
    }) => {
      const strings = offlineStrings(code);
      const list = (await (await page.request.get(offlineWorkerPath(code).choices)).json()) as OfflineChoices;
      // Two campaign pages of the list: one chosen, one not (editors name campaigns, so the test takes the first two).
      const [chosen, unchosen] = list.pages.filter((choice) => {
        const route = routeAt(choice.path);
        return route?.kind === 'entry' && route.collection === 'campaigns';
      });
      if (!chosen || !unchosen) throw new Error(`${offlineWorkerPath(code).choices} lacks the campaign pages`);

      await page.goto(localePath(code, listPath('helplines')));
      await expect(page.locator('[data-offline-choices]'), 'no list before the press').toHaveCount(0);
      await page.getByRole('button', { name: strings.keep, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
      const choices = page.getByRole('group', { name: strings.choose, exact: true });
      await expect(choices).toBeVisible();
      await expect(choices.getByRole('checkbox')).toHaveCount(list.pages.length);
      for (const box of await choices.getByRole('checkbox').all()) await expect(box, 'nothing is ticked for the reader').not.toBeChecked();
      const before = (await stored(page)).caches;
      const save = page.getByRole('button', { name: strings.saveChosen, exact: true });
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: strings.chooseNone })).toBeVisible();
      expect((await stored(page)).caches, 'nothing stored without a ticked page').toEqual(before);

      await choices.getByRole('checkbox', { name: chosen.title, exact: true }).check();
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: strings.savedChosen })).toBeVisible({ timeout: 20_000 });
      expect((await stored(page)).caches.length, 'the chosen pages have a cache of their own').toBe(before.length + 1);

      await context.setOffline(true);
      await page.goto(chosen.path);
      await expect(page.locator('[data-offline-notice]'), `offline notice on ${chosen.path}`).toHaveText(strings.notice);
      await expect(page.locator('main h1')).toHaveText(chosen.title);
      // Its own template's CSS came from the cache too: the quick exit button is styled.
      await expect(page.locator('.quick-exit__button')).toHaveCSS('position', /sticky|fixed/);
      const failed = await page.goto(unchosen.path).then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      expect(failed, `${unchosen.path} was not chosen: it does not open offline`).toMatch(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
      await context.setOffline(false);

      await page.goto(chosen.path);
      await expect(page.locator('[data-offline-notice]'), 'online, the chosen page comes from the network').toHaveCount(0);
      await exitAndExpectNothingLeft(page, code);
    });

    test('a "kept" flag left alone (an exit cut short) goes on the next page load; with a worker still there it stays', async ({ page }) => {
      const strings = offlineStrings(code);
      const flag = () => page.evaluate(() => localStorage.getItem('kept'));
      await page.goto(localePath(code, uiPages.card.path));
      await page.evaluate(() => localStorage.setItem('kept', '1'));
      await page.reload();
      await expect.poll(flag, 'nothing registered or cached: the flag is dropped').toBeNull();

      await page.getByRole('button', { name: strings.keep, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
      await page.reload();
      // The page's own check has been answered once the same two calls, made after it, are answered.
      await page.evaluate(() => Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()]));
      expect(await flag(), 'a worker and caches are there: the flag stays for the next exit').toBe('1');
    });

    test('the quick exit removes the cache and the registration before leaving', async ({ page }) => {
      const strings = offlineStrings(code);
      await page.goto(localePath(code, uiPages.card.path));
      await page.getByRole('button', { name: strings.keep, exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
      await page.reload(); // now controlled by the worker, as a reader's next visit would be
      expect((await stored(page)).registrations).toHaveLength(1);
      await exitAndExpectNothingLeft(page, code);
    });
  });
}

test('without JavaScript there is no "Keep for offline" button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(localePath('ar', listPath('helplines')));
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('button', { name: offlineStrings('ar').keep, exact: true })).toBeHidden();
  await context.close();
});

/**
 * Every locale, cheaply (tr and ar are tested in depth above): the helplines page offers the button
 * in the page's language, the press keeps that locale's pages, and the card, reloaded offline,
 * shows the notice in that language, with the button there too.
 */
for (const { code, tag } of locales) {
  test(`${code}: "Keep for offline" in the page's language; the kept card reloads offline with the notice in it`, async ({ page, context }) => {
    const strings = offlineStrings(code);
    await page.goto(localePath(code, listPath('helplines')));
    await page.getByRole('button', { name: strings.keep, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: strings.kept })).toBeVisible({ timeout: 20_000 });
    await context.setOffline(true);
    await page.goto(localePath(code, uiPages.card.path));
    await expect(page.locator('[data-offline-notice]')).toHaveText(strings.notice);
    await expect(page.locator('html')).toHaveAttribute('lang', tag);
    await expect(page.getByRole('button', { name: strings.keep, exact: true })).toBeVisible();
  });
}
