/**
 * axe-core, WCAG 2.2 AA, on one page of every template in tr and ar (RTL),
 * plus the language chooser and the 404 page. Templates come from the registries (src/routes.ts,
 * src/collections.ts, through ./site-map.ts), so a new collection or page is
 * covered as soon as it is registered; each must have a page in the sitemap.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { localePath } from '../../src/routes.ts';
import { isTemplate, onePagePerTemplate, sitemapPaths, templates } from './site-map.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One representative path per template for a locale, and its 404 page. */
function templatesFor(locale: 'tr' | 'ar'): string[] {
  const found = onePagePerTemplate(locale);
  // Every template must have at least one page in the sitemap.
  expect(
    found.filter((p) => p === undefined),
    `templates without a page for ${locale}`,
  ).toHaveLength(0);
  return [...(found as string[]), localePath(locale, 'this-page-does-not-exist/')];
}

async function violationsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

// One test per template and locale: each page gets its own time, so a slow page on a busy machine cannot starve the others.
for (const locale of ['tr', 'ar'] as const) {
  for (const template of templates) {
    const name = `${template.id} ${template.kind}`;
    test(`${locale}: no WCAG 2.2 AA violations on the ${name} template`, async ({ page }) => {
      // axe on one page takes 2–5 s on an idle machine, over 30 s on a loaded one.
      test.setTimeout(120_000);
      const path = sitemapPaths().find((p) => p.startsWith(localePath(locale)) && isTemplate(p, template));
      expect(path, `the ${name} template has no page for ${locale} in the sitemap`).toBeDefined();
      const report = await violationsOn(page, path!);
      expect(report, report.join('\n')).toEqual([]);
    });
  }
  test(`${locale}: no WCAG 2.2 AA violations on the 404 page`, async ({ page }) => {
    test.setTimeout(120_000);
    const report = await violationsOn(page, localePath(locale, 'this-page-does-not-exist/'));
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
  for (const locale of ['tr', 'ar'] as const) {
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
