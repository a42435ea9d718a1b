/**
 * Missing translations, on the fixture site (tests/fixtures/site/): an entry
 * written only in Turkish, a Decap "stub" Persian file holding only the copied
 * fields (decap-cms #6932), and a machine-translated Russian one.
 */
import { expect, test } from '@playwright/test';
import { fixture, fixtureSlugs } from './site-map.ts';
import { entryPath } from '../../src/routes.ts';

const path = entryPath('campaigns', fixtureSlugs.untranslated);

test('ar: an untranslated entry still has a page, in Turkish, with a notice in Arabic', async ({ page }) => {
  const response = await page.goto(`${fixture}/ar/${path}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('main')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('main')).toHaveAttribute('dir', 'ltr');
  const notice = page.locator('[data-notice="fallback"]');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('lang', 'ar');
  await expect(notice).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('Test kampanyası yalnızca Türkçe');
});

test('fa: a Decap stub file (only copied fields) counts as untranslated, not as an empty page', async ({ page }) => {
  const response = await page.goto(`${fixture}/fa/${path}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('main')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('[data-notice="fallback"]')).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Test kampanyası yalnızca Türkçe');
});

test('ru: a machine translation shows the machine notice and no fallback notice', async ({ page }) => {
  await page.goto(`${fixture}/ru/${path}`);
  await expect(page.locator('main')).not.toHaveAttribute('lang', /.+/);
  await expect(page.locator('[data-notice="machine"]')).toBeVisible();
  await expect(page.locator('[data-notice="fallback"]')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText('Тестовая кампания (машинный перевод)');
});

test('hreflang lists only real translations plus x-default; the switcher never 404s', async ({ page }) => {
  await page.goto(`${fixture}/tr/${path}`);
  const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => l.getAttribute('hreflang')));
  expect(hreflangs.sort()).toEqual(['ru', 'tr', 'x-default']);
  for (const href of await page.locator('.lang-switcher a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    expect((await page.request.get(`${fixture}${href}`)).status(), href).toBe(200);
  }
});

test('the source text shows no notice', async ({ page }) => {
  await page.goto(`${fixture}/tr/${path}`);
  await expect(page.locator('[data-notice]')).toHaveCount(0);
});
