/**
 * Privacy, over every page of the sitemap in every locale: a reader's browser
 * makes no request to any other host (no CDN, font, analytics, embed or image
 * elsewhere), and nothing sets a cookie, by header or by script.
 *
 * One page per locale, visiting that locale's pages in turn: nothing is
 * blocked, every request is only recorded. The CSP is bypassed, so that a
 * template or content that tries to reach another host is caught here rather
 * than silently stopped by the policy (tests/e2e/csp.spec.ts covers the policy).
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes } from '../../src/i18n/locales.ts';
import { localePath, uiPages } from '../../src/routes.ts';
import { sitemapPaths } from './site-map.ts';

/** Records every request off 127.0.0.1, and every Set-Cookie response header. */
function record(page: Page) {
  const seen = { offHost: [] as string[], setCookie: [] as string[] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') seen.offHost.push(`${page.url()} → ${request.url()}`);
  });
  page.on('response', async (response) => {
    const cookie = await response.headerValue('set-cookie').catch(() => null);
    if (cookie) seen.setCookie.push(`${response.url()}: ${cookie}`);
  });
  return seen;
}

const all = sitemapPaths();

test.use({ bypassCSP: true });

test('the sitemap lists pages in every locale', () => {
  for (const locale of localeCodes) expect(all.filter((p) => p.startsWith(`/${locale}/`)).length, locale).toBeGreaterThan(10);
});

for (const locale of ['', ...localeCodes] as const) {
  const paths = locale
    ? all.filter((p) => p.startsWith(`/${locale}/`))
    : [...new Set(['/', ...all.filter((p) => !localeCodes.some((code) => p.startsWith(`/${code}/`))), '/no-such-page/'])];
  test(`${locale || 'language chooser and 404'}: no request to another host and no cookie, on all ${paths.length} pages`, async ({ page, context }) => {
    test.setTimeout(30_000 + paths.length * 2_000);
    const seen = record(page);
    for (const path of paths) {
      await page.goto(path, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.cookie), `document.cookie on ${path}`).toBe('');
    }
    if (locale) {
      // Searching fetches Pagefind's files, index and WebAssembly: from this site only.
      await page.goto(`${localePath(locale, uiPages.search.path)}#q=157`);
      await expect(page.locator('[data-search-results] a').first()).toBeVisible({ timeout: 15_000 });
    }
    expect(seen.offHost).toEqual([]);
    expect(seen.setCookie).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });
}
