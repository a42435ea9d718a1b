/** Templates readers and partners rely on: no-JS reading, print, share, Open Graph, 404. (The sitemap: tests/dist/sitemap.dist.test.ts.) */
import { expect, test } from '@playwright/test';
import { entryPath, listPath, localePath } from '../../src/routes.ts';
import { firstEntryPath, fixture, fixtureSlugs } from './site-map.ts';

/** The fixture campaign (in every language), on the fixture site. */
const campaign = (locale: 'tr' | 'ar') => `${fixture}${localePath(locale, entryPath('campaigns', fixtureSlugs.campaign))}`;

test('text pages work with JavaScript off (campaign, rights, helplines) in ar', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(firstEntryPath('campaigns', 'ar'));
  await expect(page.locator('.signs li').first()).toBeVisible();
  await expect(page.locator('.help-now a[href^="tel:"]').first()).toBeVisible();
  await expect(page.locator('.quick-exit__button')).toBeVisible();
  await page.goto(localePath('ar', listPath('rights')));
  await expect(page.locator('main .card').first()).toBeVisible();
  await page.goto(localePath('ar', listPath('helplines')));
  await expect(page.locator('.helpline a.call-button[href="tel:157"]')).toBeVisible();
  await expect(page.locator('.call-strip a[href="tel:157"]')).toBeVisible();
  await context.close();
});

test('a material prints cleanly: only the material, no header, footer, quick exit or share block', async ({ page }) => {
  await page.goto(firstEntryPath('materials', 'tr'));
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
  await page.goto(campaign('tr'));
  const whatsapp = page.locator('.share a[href^="https://wa.me/"]');
  await expect(whatsapp).toHaveAttribute('href', new RegExp(fixtureSlugs.campaign));
  await expect(whatsapp).toHaveAttribute('rel', /noreferrer/);
  const copy = page.locator('[data-copy-link]');
  await expect(copy).toBeVisible();
  await copy.click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${localePath('tr', entryPath('campaigns', fixtureSlugs.campaign))}$`));
  await expect(page.locator('[data-copy-status]')).not.toBeEmpty();
});

test('Open Graph tags describe the page in its language', async ({ page }) => {
  await page.goto(campaign('ar'));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', (await page.locator('h1').textContent())!.trim());
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'ar');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', new RegExp(`${localePath('ar', entryPath('campaigns', fixtureSlugs.campaign))}$`));
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
