/**
 * Performance in the browser: uploaded images go through Astro's image
 * pipeline (tests/fixtures/site/ has a campaign with an illustration, in
 * Turkish and Arabic), and robots.txt lets crawlers in but not into the CMS.
 * The page weight budget is tested on every page by tests/dist/page-weight.dist.test.ts,
 * and the Lighthouse scores by scripts/measure/lighthouse.mjs.
 */
import { expect, test } from '@playwright/test';
import { entryPath, localePath } from '../../src/routes.ts';
import { fixture, fixtureSlugs } from './site-map.ts';

const illustrated = (locale: 'ar' | 'tr') => localePath(locale, entryPath('campaigns', fixtureSlugs.illustrated));
const ORIGINAL = { width: 1600, height: 1000 }; // tests/fixtures/site/public/uploads/fixture-two-people-talking.jpg

for (const locale of ['ar', 'tr'] as const) {
  test(`${locale}: an uploaded image is served as responsive AVIF/WebP, sized, and loaded only when scrolled near`, async ({ page }) => {
    const imageRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'image' && request.url().includes('/uploads/')) imageRequests.push(request.url());
    });
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    // Chromium fetches lazy images up to 1250–2500 px below the screen (more on slow networks), and the
    // fixture page is short: spacing added above the picture puts it well beyond that distance.
    await page.route(`**${illustrated(locale)}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<picture>', `${'<p>·</p>'.repeat(150)}<picture>`);
      await route.fulfill({ response, body });
    });
    await page.goto(`${fixture}${illustrated(locale)}`);
    const picture = page.locator('main picture');
    const img = picture.locator('img');
    await expect(img).toHaveCount(1);

    // Modern formats first, each with several widths for the browser to choose from.
    const sources = picture.locator('source');
    await expect(sources).toHaveCount(2);
    await expect(sources.nth(0)).toHaveAttribute('type', 'image/avif');
    await expect(sources.nth(1)).toHaveAttribute('type', 'image/webp');
    for (const source of await sources.all()) {
      const widths = ((await source.getAttribute('srcset')) ?? '').split(',').map((candidate) => Number(candidate.trim().split(/\s+/)[1]?.replace('w', '')));
      expect(widths.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...widths)).toBeLessThanOrEqual(ORIGINAL.width);
      await expect(source).toHaveAttribute('sizes', /.+/);
    }

    // Width and height in the HTML, in the original's proportions, so the space is kept before it loads.
    const width = Number(await img.getAttribute('width'));
    const height = Number(await img.getAttribute('height'));
    expect(width).toBeGreaterThan(0);
    expect(width / height).toBeCloseTo(ORIGINAL.width / ORIGINAL.height, 2);
    await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('decoding', 'async');
    await expect(img).toHaveAttribute('alt', /\S{3,}/);
    const box = await img.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeCloseTo(box!.width * (ORIGINAL.height / ORIGINAL.width), 0);
    expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

    // Far below the fold, so not fetched until the reader scrolls towards it.
    expect(box!.y).toBeGreaterThan(page.viewportSize()!.height + 3000);
    expect(imageRequests).toEqual([]);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    const current = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    expect(current).toMatch(/\/uploads\/fixture-two-people-talking_[\w-]+\.avif$/);
    expect(imageRequests).toHaveLength(1);
    expect(errors).toEqual([]);
  });
}

test('robots.txt: public pages crawlable, /admin/ not, and the sitemap named with an absolute URL', async ({ request, baseURL }) => {
  const response = await request.get(`${baseURL}/robots.txt`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Disallow: \/admin\/$/m);
  expect(text).not.toMatch(/^Disallow: \/$/m);
  const sitemap = text.match(/^Sitemap: (\S+)$/m)?.[1];
  expect(sitemap).toMatch(/^https?:\/\/[^/]+\/sitemap\.xml$/);
  expect((await request.get(`${baseURL}${new URL(sitemap!).pathname}`)).status()).toBe(200);
});
