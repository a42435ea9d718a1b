/** Templates readers and partners rely on: no-JS reading, print, share, sitemap, Open Graph, 404. */
import { expect, test } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales.ts';
import { readDist, sitemapPaths } from './site-map.ts';

test('text pages work with JavaScript off (campaign, rights, helplines) in ar', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ar/campaigns/confiscated-documents/');
  await expect(page.locator('.signs li').first()).toBeVisible();
  await expect(page.locator('.help-now a[href^="tel:"]').first()).toBeVisible();
  await expect(page.locator('.quick-exit__button')).toBeVisible();
  await page.goto('/ar/rights/');
  await expect(page.locator('main .card').first()).toBeVisible();
  await page.goto('/ar/helplines/');
  await expect(page.locator('.helpline a[href="tel:157"]')).toBeVisible();
  await expect(page.locator('.call-strip a[href="tel:157"]')).toBeVisible();
  await context.close();
});

test('a material prints cleanly: only the material, no header, footer, quick exit or share block', async ({ page }) => {
  const material = sitemapPaths().find((p) => /^\/tr\/materials\/[^/]+\/$/.test(p));
  expect(material, 'a material page exists').toBeDefined();
  await page.goto(material!);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-footer', '.quick-exit', '.share']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main .prose')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test('share: a plain WhatsApp link and a copy-link button, without third-party scripts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/tr/campaigns/confiscated-documents/');
  const whatsapp = page.locator('.share a[href^="https://wa.me/"]');
  await expect(whatsapp).toHaveAttribute('href', /confiscated-documents/);
  await expect(whatsapp).toHaveAttribute('rel', /noreferrer/);
  const copy = page.locator('[data-copy-link]');
  await expect(copy).toBeVisible();
  await copy.click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/tr\/campaigns\/confiscated-documents\/$/);
  await expect(page.locator('[data-copy-status]')).not.toBeEmpty();
});

test('the sitemap lists every locale, with hreflang alternates, and never /admin/', async () => {
  const xml = readDist('sitemap.xml');
  const paths = sitemapPaths();
  for (const locale of localeCodes) expect(paths).toContain(`/${locale}/`);
  expect(xml).toContain('hreflang="x-default"');
  expect(xml).toContain('hreflang="ar"');
  expect(paths.some((p) => p.startsWith('/admin'))).toBe(false);
});

test('Open Graph tags describe the page in its language', async ({ page }) => {
  await page.goto('/ar/campaigns/confiscated-documents/');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'ar');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', /\/ar\/campaigns\/confiscated-documents\/$/);
});

test('a missing page gets a localized 404 with the helplines', async ({ page }) => {
  const response = await page.goto('/ar/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.help-now a[href^="tel:"]').first()).toBeVisible();
  const root = await page.goto('/no-such-page');
  expect(root?.status()).toBe(404);
  await expect(page.locator('li[lang="ar"]')).toBeVisible();
});
