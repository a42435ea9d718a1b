/**
 * Languages: lang/dir on every template, the switcher keeps the page, the
 * fallback and machine-translation notices, hreflang only for real translations.
 * Runs in tr, ar (RTL) and ru, plus fa for a second RTL script.
 */
import { expect, test } from '@playwright/test';
import { collections } from '../../src/collections.ts';
import { localePath } from '../../src/routes.ts';
import { fixture, fixtureSlugs, onePagePerTemplate, templates } from './site-map.ts';

const cases = [
  { code: 'tr', tag: 'tr', dir: 'ltr' },
  { code: 'ar', tag: 'ar', dir: 'rtl' },
  { code: 'fa', tag: 'fa', dir: 'rtl' },
  { code: 'ru', tag: 'ru', dir: 'ltr' },
] as const;

/** One page of every template in a locale, from the sitemap (as the accessibility sweep finds them). */
const templatesIn = (locale: string) => onePagePerTemplate(locale).filter((p): p is string => p !== undefined);

/** The fixture campaign, translated into every language (tr source, the others machine). */
const campaign = (code: string) => `${fixture}${localePath(code as 'tr', collections.campaigns.entry(fixtureSlugs.campaign))}`;

for (const { code, tag, dir } of cases) {
  test(`${code}: every template has <html lang="${tag}" dir="${dir}">`, async ({ page }) => {
    const paths = templatesIn(code);
    expect(paths.length, 'a page of every template').toBe(templates.length);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
    }
  });

  test(`${code}: the language switcher leads to the same page in every language`, async ({ page }) => {
    await page.goto(campaign(code));
    const links = page.locator('.lang-switcher a');
    await expect(links).toHaveCount(7);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))) {
      expect(href).toMatch(new RegExp(`^/[a-z]{2}/${collections.campaigns.entry(fixtureSlugs.campaign)}$`));
      const response = await page.request.get(`${fixture}${href!}`);
      expect(response.status(), href!).toBe(200);
    }
  });
}

test('the root is a language chooser in native names, and does not redirect', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  expect(page.url()).toMatch(/\/$/);
  for (const name of ['Türkçe', 'العربية', 'فارسی', 'پښتو', 'Kurmancî', 'Русский', 'English']) {
    await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByRole('link', { name: /العربية/ }).click();
  await expect(page).toHaveURL(/\/ar\/$/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('machine translations say so; source texts do not', async ({ page }) => {
  await page.goto(campaign('tr'));
  await expect(page.locator('[data-notice]')).toHaveCount(0);
  await page.goto(campaign('en'));
  await expect(page.locator('main')).not.toHaveAttribute('lang', /.+/);
  await expect(page.locator('[data-notice="machine"]')).toBeVisible();
});

test('Kurmanji: hreflang is ku where search engines read it (head and sitemap); <html lang> keeps kmr-Latn', async ({ page, request }) => {
  await page.goto(campaign('ku'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'kmr-Latn');
  for (const path of ['/', localePath('tr'), campaign('ku')]) {
    await page.goto(path);
    await expect(page.locator('link[rel="alternate"][hreflang="ku"]'), path).toHaveAttribute('href', /\/ku\//);
    await expect(page.locator('link[hreflang="kmr-Latn"], a[hreflang="kmr-Latn"]'), path).toHaveCount(0);
  }
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('hreflang="ku" href=');
  expect(sitemap).not.toContain('kmr-Latn');
});
