/**
 * axe-core, WCAG 2.2 AA, on one page of every template in tr and ar (RTL),
 * plus the language chooser and the 404 page. Templates are found from the
 * sitemap, so a new template is covered as soon as it has a page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-map.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One representative path per template, for a locale. */
function templatesFor(locale: string): string[] {
  const paths = sitemapPaths().filter((p) => p.startsWith(`/${locale}/`));
  const patterns = [
    /^\/\w+\/$/,
    /^\/\w+\/campaigns\/$/,
    /^\/\w+\/campaigns\/[^/]+\/$/,
    /^\/\w+\/rights\/$/,
    /^\/\w+\/rights\/[^/]+\/$/,
    /^\/\w+\/materials\/$/,
    /^\/\w+\/materials\/[^/]+\/$/,
    /^\/\w+\/helplines\/$/,
    /^\/\w+\/card\/$/,
    /^\/\w+\/search\/$/,
    /^\/\w+\/(about|browse-safely|privacy|accessibility)\/$/,
  ];
  const found = patterns.map((re) => paths.find((p) => re.test(p)));
  // Every template must have at least one page in the sitemap.
  expect(found.filter((p) => p === undefined), `templates without a page for ${locale}`).toHaveLength(0);
  return [...(found as string[]), `/${locale}/this-page-does-not-exist/`];
}

for (const locale of ['tr', 'ar']) {
  test(`${locale}: no WCAG 2.2 AA violations on any template`, async ({ page }) => {
    test.setTimeout(120_000);
    const report: string[] = [];
    for (const path of templatesFor(locale)) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      for (const v of violations) report.push(`${path}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    }
    expect(report, report.join('\n')).toEqual([]);
  });
}

test('the language chooser has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/');
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('text reflows at 320 CSS px (= a 640 px window at 200% zoom, or 1280 px at 400%) without sideways scrolling', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const locale of ['tr', 'ar']) {
    for (const path of templatesFor(locale)) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    }
  }
  await context.close();
});

test('tap targets in the header, help box and footer are at least 44 px high', async ({ page }) => {
  await page.goto('/ar/');
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('header a, header summary, .help-now a, footer a, .main-nav a')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ text: el.textContent?.trim(), h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 44),
  );
  expect(small).toEqual([]);
});
