/**
 * Languages: lang/dir on every template, the switcher keeps the page, the
 * fallback and machine-translation notices, hreflang only for real translations.
 * Runs in tr, ar (RTL) and ru, plus fa for a second RTL script.
 */
import { expect, test } from '@playwright/test';

const cases = [
  { code: 'tr', tag: 'tr', dir: 'ltr' },
  { code: 'ar', tag: 'ar', dir: 'rtl' },
  { code: 'fa', tag: 'fa', dir: 'rtl' },
  { code: 'ru', tag: 'ru', dir: 'ltr' },
] as const;

const templates = ['', 'campaigns/', 'campaigns/confiscated-documents/', 'rights/', 'rights/documents-belong-to-you/', 'materials/', 'helplines/', 'about/', 'search/'];

for (const { code, tag, dir } of cases) {
  test(`${code}: every template has <html lang="${tag}" dir="${dir}">`, async ({ page }) => {
    for (const path of templates) {
      const response = await page.goto(`/${code}/${path}`);
      expect(response?.status(), `/${code}/${path}`).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
    }
  });

  test(`${code}: the language switcher leads to the same page in every language`, async ({ page }) => {
    await page.goto(`/${code}/campaigns/confiscated-documents/`);
    const links = page.locator('.lang-switcher a');
    await expect(links).toHaveCount(7);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))) {
      expect(href).toMatch(/^\/[a-z]{2}\/campaigns\/confiscated-documents\/$/);
      const response = await page.request.get(href!);
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
  await page.goto('/tr/campaigns/confiscated-documents/');
  await expect(page.locator('[data-notice]')).toHaveCount(0);
  await page.goto('/en/campaigns/confiscated-documents/');
  await expect(page.locator('main')).not.toHaveAttribute('lang', /.+/);
  await expect(page.locator('[data-notice="machine"]')).toBeVisible();
});

test('Kurmanji: hreflang is ku where search engines read it (head and sitemap); <html lang> keeps kmr-Latn', async ({ page, request }) => {
  await page.goto('/ku/campaigns/confiscated-documents/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kmr-Latn');
  for (const path of ['/', '/tr/', '/ku/campaigns/confiscated-documents/']) {
    await page.goto(path);
    await expect(page.locator('link[rel="alternate"][hreflang="ku"]'), path).toHaveAttribute('href', /\/ku\//);
    await expect(page.locator('link[hreflang="kmr-Latn"], a[hreflang="kmr-Latn"]'), path).toHaveCount(0);
  }
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('hreflang="ku" href=');
  expect(sitemap).not.toContain('kmr-Latn');
});
