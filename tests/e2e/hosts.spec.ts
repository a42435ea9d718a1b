/**
 * The site as the two hosts serve it. The server under test is Cloudflare's
 * own runtime (workerd, through `wrangler pages dev`: playwright.config.ts);
 * what Netlify does comes from Netlify's own engines (scripts/netlify.mjs).
 * - A missing page gets its language's 404 page, status 404, in every locale,
 *   on both hosts (src/integrations/hosts.ts).
 * - Every header rule in dist/_headers arrives on workerd exactly as Netlify's
 *   headers engine computes it: one `_headers` file, the same headers on both
 *   hosts (public/_headers explains the `! Name` lines).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { netlifyHeadersFor, netlifyResponse } from '../../scripts/netlify.mjs';
import { notFoundPath } from '../../src/integrations/hosts.ts';
import { locales } from '../../src/i18n/locales.ts';

const dist = resolve(fileURLToPath(new URL('..', import.meta.url)), process.env.DIST_DIR ?? '../dist');
const notFoundTitle = (code: string): string => JSON.parse(readFileSync(new URL(`../../content/i18n/${code}.json`, import.meta.url), 'utf8')).notFound.title;

for (const l of locales) {
  test(`${l.code}: a missing page is the ${l.englishName} "not found" page with status 404, on workerd and on Netlify`, async ({ page }) => {
    for (const path of [`/${l.code}/no-such-page`, `/${l.code}/no-such-page/`, `/${l.code}/campaigns/no-such-campaign/`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(new URL(page.url()).pathname, 'no redirect').toBe(path);
      await expect(page.locator('html')).toHaveAttribute('lang', l.tag);
      await expect(page.locator('html')).toHaveAttribute('dir', l.dir);
      await expect(page.locator('h1')).toHaveText(notFoundTitle(l.code));
      await expect(page.locator('.help-now a[href^="tel:"]').first()).toBeVisible();
      await expect(page.locator('.quick-exit__button')).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      expect(await netlifyResponse(dist, path), `Netlify: ${path}`).toMatchObject({ status: 404, file: notFoundPath(l.code) });
    }
  });
}

test('outside the locales, a missing page is the root 404 in every language, on workerd and on Netlify', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'mul');
  for (const l of locales) await expect(page.locator(`li[lang="${l.tag}"]`)).toContainText(notFoundTitle(l.code));
  await expect(page.locator('.quick-exit__button')).toBeVisible();
  expect(await netlifyResponse(dist, '/no-such-page')).toEqual({ status: 404, file: '/404.html' });
});

test("every header of dist/_headers arrives on workerd once, with the value Netlify's headers engine gives the same path", async ({ request }) => {
  const css = readdirSync(resolve(dist, '_astro')).find((name) => name.endsWith('.css'));
  const paths = ['/', '/tr/', '/ar/campaigns/', '/ar/no-such-page', '/no-such-page', '/admin/', `/_astro/${css}`, '/pagefind/pagefind-worker.js', '/sitemap.xml', '/robots.txt'];
  const problems: string[] = [];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    const served = response.headersArray();
    const expected = await netlifyHeadersFor(dist, path);
    expect(Object.keys(expected).length, `${path}: rules apply`).toBeGreaterThan(3);
    for (const [name, value] of Object.entries(expected)) {
      const values = served.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);
      if (values.length !== 1 || values[0] !== value) problems.push(`${path} ${name}: workerd sent ${JSON.stringify(values)}, Netlify sends ${JSON.stringify(value)}`);
    }
  }
  expect(problems).toEqual([]);
});

test('/admin/ on workerd: one CSP, the CMS\'s own (not joined with the site\'s), and COOP same-origin-allow-popups', async ({ request }) => {
  const response = await request.get('/admin/');
  const csp = response.headersArray().filter((h) => h.name.toLowerCase() === 'content-security-policy');
  expect(csp).toHaveLength(1);
  expect(csp[0]!.value).toContain("script-src 'self' 'unsafe-eval'");
  expect(csp[0]!.value).not.toContain(',');
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
});
