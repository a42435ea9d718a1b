/**
 * What readers act on: the helplines are dialable in every language, the
 * rights pages show their legal basis, sources and review date, and the first
 * screen of the home page answers "I need help now".
 */
import { expect, test } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales.ts';
import { listPath, localePath } from '../../src/routes.ts';
import { isTemplate, sitemapPaths } from './site-map.ts';

for (const locale of localeCodes) {
  test(`${locale}: the helplines page has 112, 157 and 183 as tel: links`, async ({ page }) => {
    await page.goto(localePath(locale, listPath('helplines')));
    for (const number of ['112', '157', '183']) {
      // The line's own call button in the page's list (the call strip above it repeats the lines that answer in the
      // reader's language, and a number in a line's text is a tel: link too, issue 10 point 2).
      const link = page.locator(`main .helpline a.call-button[href="tel:${number}"]`);
      await expect(link, `tel:${number} on ${page.url()}`).toHaveCount(1);
      await expect(link).toContainText(number);
    }
    // Not a protection line: ALO 144 is social assistance and must never be offered as a place to report abuse.
    await expect(page.locator('a[href="tel:144"]')).toHaveCount(0);
  });

  test(`${locale}: every rights page shows its legal basis, sources and last-reviewed date`, async ({ page }) => {
    const rights = sitemapPaths().filter((p) => p.startsWith(`/${locale}/`) && isTemplate(p, { kind: 'entry', id: 'rights' }));
    expect(rights.length).toBeGreaterThanOrEqual(5);
    for (const path of rights) {
      await page.goto(path);
      await expect(page.locator('.legal-basis li').first(), path).toBeVisible();
      await expect(page.locator('.sources li').first(), path).toBeAttached();
      await expect(page.locator('.legal-basis .meta'), path).toContainText(/20\d\d/);
    }
  });
}

test('home, first screen on a phone: helplines as call buttons and the quick exit, in Arabic', async ({ page }) => {
  await page.goto('/ar/');
  const viewport = page.viewportSize()!;
  const firstCall = page.locator('.help-now a[href^="tel:"]').first();
  await expect(firstCall).toBeVisible();
  const box = (await firstCall.boundingBox())!;
  expect(box.y + box.height, 'first call button is on the first screen').toBeLessThanOrEqual(viewport.height);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await expect(page.locator('.quick-exit__button')).toBeInViewport();
  // 157 answers in Arabic, so it is in the "your language" group; 183 is not confirmed to.
  const groups = page.locator('.help-now .call-list');
  await expect(groups.first().locator('a[href="tel:157"]')).toHaveCount(1);
  await expect(groups.last().locator('a[href="tel:183"]')).toHaveCount(1);
});

test('Pashto and Kurmanji readers are told to ask for an interpreter (no line is confirmed in their language)', async ({ page }) => {
  for (const locale of ['ps', 'ku']) {
    await page.goto(`/${locale}/`);
    await expect(page.locator('.help-now .call-list')).toHaveCount(1);
    await expect(page.locator('.help-now a[href="tel:157"]')).toHaveCount(1);
  }
});

test('phone numbers stay left-to-right inside right-to-left text', async ({ page }) => {
  await page.goto(localePath('fa', listPath('helplines')));
  const direction = await page
    .locator('a[href="tel:157"] .tel')
    .first()
    .evaluate((el) => getComputedStyle(el).direction);
  expect(direction).toBe('ltr');
});
