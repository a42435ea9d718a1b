/**
 * "Check an offer" (issue 16, part 1; src/components/OfferCheck/), on the fixture
 * site's offer check (tests/fixtures/site/content/offer-checks/), in tr and ar (RTL):
 * with JavaScript the answers give a plain-words result (signs, what the reader
 * does not know yet, what to do, helplines, the card); without it the page is a
 * checklist with the advice under each question. Answers go nowhere: not in the
 * URL, not in storage, not in a cookie, not in a request; Enter submits nothing;
 * the quick exit and leaving the page clear them. Links from the home page and
 * the campaigns it names. axe on the page with the result shown.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataCollections } from '../../src/collections.ts';
import { entryPath, localePath, uiPages } from '../../src/routes.ts';
import { fixture, fixtureSlugs } from './site-map.ts';
import { routeDestination, withBackForwardCache } from './quick-exit/helpers.ts';

withBackForwardCache();

const locales = ['tr', 'ar'] as const;
type Locale = (typeof locales)[number];
const checkPath = (locale: Locale) => localePath(locale, entryPath('offer-checks', fixtureSlugs.offer));
const checkUrl = (locale: Locale) => `${fixture}${checkPath(locale)}`;
const root = resolve(import.meta.dirname, '../..');
const strings = (locale: Locale) =>
  JSON.parse(readFileSync(resolve(root, dataCollections.i18n.file(locale)), 'utf8')) as {
    offerCheck: Record<string, string>;
    quickExit: { label: string };
  };

/** The fixture's question ids, in order (tests/fixtures/site/content/offer-checks/<locale>/fixture-offer.md). */
const PASSPORT = 'passport'; // a sign when "yes"
const PAY = 'pay'; // a sign when "no"
const TOLD = 'told-what-to-say'; // a sign when "yes"

const answer = (page: Page, id: string, value: 'yes' | 'no' | 'unsure') => page.locator(`input[name="${id}"][value="${value}"]`).check();

/** Whatever the page could have kept: storage, cookies, the address. */
async function traces(page: Page) {
  return page.evaluate(async () => ({
    search: location.search,
    hash: location.hash,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    caches: 'caches' in self ? (await caches.keys()).length : 0,
  }));
}

for (const locale of locales) {
  test.describe(locale, () => {
    test('with JavaScript, answers give the signs, what is not known yet, what to do, the helplines and the card', async ({ page }) => {
      const requests: string[] = [];
      await page.goto(checkUrl(locale), { waitUntil: 'networkidle' });
      page.on('request', (r) => requests.push(r.url()));
      const result = page.locator('[data-offer-result]');
      const status = result.getByRole('status');
      const s = strings(locale).offerCheck;
      await expect(status).toContainText(s.noSignsYet!);
      await expect(result.locator('[data-sign]:visible')).toHaveCount(0);

      await answer(page, PASSPORT, 'yes');
      await expect(result.locator(`[data-sign="${PASSPORT}"]`)).toBeVisible();
      await answer(page, PAY, 'no');
      await expect(result.locator(`[data-sign="${PAY}"]`)).toBeVisible();
      await answer(page, TOLD, 'unsure');
      // Two signs, in this language's plural form for 2; all three questions answered.
      const two = s[`signs_${new Intl.PluralRules(locale).select(2)}`]!.replace('{{count}}', '2');
      await expect(status).toContainText(two);
      await expect(status).toContainText(s.answered!.replace('{{answered}}', '3').replace('{{total}}', '3'));
      await expect(result.locator('[data-sign]:visible')).toHaveCount(2);
      // "I don't know" lists the question under "find out before you agree".
      const told = (await page.locator(`fieldset[data-question="${TOLD}"] legend`).textContent())!.trim();
      await expect(result.locator('[data-offer-unsure-list] li')).toHaveText([told]);

      // The same panel says what to do, who to call (tel: links) and links the card.
      await expect(result.locator('ol li').first()).toBeVisible();
      expect(await result.locator('a.call-button[href^="tel:"]').count()).toBeGreaterThan(0);
      await expect(result.locator(`a[href="${localePath(locale, uiPages.card.path)}"]`)).toBeVisible();

      // Changing an answer updates the result; "no" to every sign question leaves none.
      await answer(page, PASSPORT, 'no');
      await answer(page, PAY, 'yes');
      await answer(page, TOLD, 'no');
      await expect(result.locator('[data-sign]:visible')).toHaveCount(0);
      const noSigns = (await page.locator('[data-no-signs]').getAttribute('data-no-signs'))!;
      await expect(status).toContainText(noSigns);

      // Clearing empties every answer.
      await page.locator('button[type="reset"]').click();
      await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);
      await expect(status).toContainText(s.noSignsYet!);

      expect(await traces(page)).toEqual({ search: '', hash: '', local: 0, session: 0, cookie: '', caches: 0 });
      expect(requests, 'answering makes no request').toEqual([]);
    });

    test('Enter on an answer submits nothing: the address stays the same and no request is made', async ({ page }) => {
      await page.goto(checkUrl(locale), { waitUntil: 'networkidle' });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await answer(page, PASSPORT, 'yes');
      await page.locator(`input[name="${PASSPORT}"][value="yes"]`).press('Enter');
      await page.waitForTimeout(300); // a submission would start a navigation within this time; there is nothing to wait for otherwise
      expect(page.url()).toBe(checkUrl(locale));
      expect(requests).toEqual([]);
      await expect(page.locator(`input[name="${PASSPORT}"][value="yes"]`)).toBeChecked();
    });

    test('the quick exit clears the answers before it leaves', async ({ page }) => {
      const destination = await routeDestination(page, { hold: true });
      await page.goto(checkUrl(locale));
      await answer(page, PASSPORT, 'yes');
      await answer(page, PAY, 'no');
      await expect(page.locator('input[type="radio"]:checked')).toHaveCount(2);
      // Counted inside the page once the exit's overlay has its text: the destination's answer is held back,
      // so this is still our page, with the exit under way (as tests/e2e/quick-exit/helpers.ts measures it).
      const report = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('checked-answers:'), timeout: 10_000 });
      await page.evaluate(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('.quick-exit__overlay')?.textContent) return;
          observer.disconnect();
          setTimeout(() => console.log(`checked-answers:${document.querySelectorAll('input[type="radio"]:checked').length}`));
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      const button = page.getByRole('link', { name: strings(locale).quickExit.label, exact: true }).last();
      // Not button.click(): it would wait for the held navigation to finish.
      const box = (await button.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await destination.firstRequest;
      expect((await report).text()).toBe('checked-answers:0');
      destination.release();
    });

    test('leaving the page and coming back (the back/forward cache) shows no answers', async ({ page }) => {
      await page.goto(checkUrl(locale));
      await answer(page, PASSPORT, 'yes');
      await page.goto(`${fixture}${localePath(locale)}`);
      // A page restored from the back/forward cache fires no load event.
      await page.goBack({ waitUntil: 'commit' });
      await expect(page).toHaveURL(checkUrl(locale));
      await expect(page.locator(`input[name="${PASSPORT}"]`)).toHaveCount(3);
      await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);
    });

    test('without JavaScript, the page is a checklist with the advice under each question, then what to do and who to call', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(checkUrl(locale));
      const questions = page.locator('fieldset[data-question]');
      await expect(questions).toHaveCount(3);
      for (const question of await questions.all()) {
        await expect(question.locator('legend')).toBeVisible();
        await expect(question.locator('.offer-check__why')).toBeVisible();
        await expect(question.locator('.offer-check__advice')).toBeVisible();
        await expect(question.locator('input[type="radio"]')).toHaveCount(3);
      }
      // The "If no:" label over the advice of the question whose sign is "no".
      await expect(page.locator(`fieldset[data-question="${PAY}"] .offer-check__advice strong`)).toHaveText(strings(locale).offerCheck.ifNo!);
      // No summary without the script; what to do and the helplines are there.
      await expect(page.locator('[data-offer-summary-part]')).toBeHidden();
      const result = page.locator('[data-offer-result]');
      await expect(result.locator('ol li').first()).toBeVisible();
      await expect(result.locator('a.call-button[href^="tel:"]').first()).toBeVisible();
      // Answering and pressing Enter changes nothing in the address.
      await answer(page, PAY, 'no');
      await page.locator(`input[name="${PAY}"][value="no"]`).press('Enter');
      await page.waitForTimeout(300); // as above: a submission would have started by now
      expect(page.url()).toBe(checkUrl(locale));
      await context.close();
    });

    test('linked from the home page and from the campaigns it names', async ({ page }) => {
      await page.goto(`${fixture}${localePath(locale)}`);
      await expect(page.locator(`main a[href="${checkPath(locale)}"]`)).toHaveCount(1);
      await page.goto(`${fixture}${localePath(locale, entryPath('campaigns', fixtureSlugs.campaign))}`);
      await expect(page.locator(`main a[href="${checkPath(locale)}"]`)).toHaveCount(1);
    });

    test('no WCAG 2.2 AA violations with the result shown', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(checkUrl(locale));
      await answer(page, PASSPORT, 'yes');
      await answer(page, TOLD, 'unsure');
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  });
}
