/**
 * Tables reflow on a phone instead of breaking words (issue 10, point 4;
 * src/lib/table-reflow.ts). Measured in Chromium on the built site:
 * - at 320 px, in every locale, no word of a material with a table (the
 *   lesson plan) is split across lines: each word's text range
 *   (Intl.Segmenter, in the page's language) lies on one line;
 * - at 320 px the table is stacked rows, each cell under its header's label,
 *   and nothing scrolls sideways; from 40rem, and in print, it is a table;
 * - screen readers still get a table with column headers (tr and ar).
 * The pages are found from the sitemap (materials whose body has a table).
 */
import { expect, test, type Page } from '@playwright/test';
import { localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { localePath } from '../../src/routes.ts';
import { isTemplate, readDist, sitemapPaths } from './site-map.ts';

/** Material pages of a locale whose body has a table, from the built HTML. */
function tablePages(locale: LocaleCode): string[] {
  return sitemapPaths().filter(
    (p) => p.startsWith(localePath(locale)) && isTemplate(p, { kind: 'entry', id: 'materials' }) && /class="prose"[^>]*>[\s\S]*?<table/.test(readDist(`${p}index.html`)),
  );
}

/** Words of the body whose text range is drawn on more than one line. */
function splitWords(page: Page) {
  return page.evaluate(() => {
    const prose = document.querySelector('main .prose')!;
    const found: string[] = [];
    let words = 0;
    const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement!;
      if (parent.closest('[aria-hidden="true"], .visually-hidden') || !parent.checkVisibility()) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
      for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(node.data)) {
        if (!segment.isWordLike) continue;
        words++;
        const range = document.createRange();
        range.setStart(node, segment.index);
        range.setEnd(node, segment.index + segment.segment.length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) found.push(segment.segment);
      }
    }
    return { words, found };
  });
}

for (const locale of localeCodes) {
  test(`${locale}, 320 px: no word of a material with a table is split across lines, and nothing scrolls sideways`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const paths = tablePages(locale);
    expect(paths.length, `a material with a table in ${locale}`).toBeGreaterThan(0);
    for (const path of paths) {
      await page.goto(path);
      const { words, found } = await splitWords(page);
      expect(words, path).toBeGreaterThan(100);
      expect(found, `${path}: words split across lines`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: the table is stacked rows under their headers on a phone, a table from 40rem and in print, a table to screen readers`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const [path] = tablePages(locale);
    await page.goto(path!);
    const table = page.locator('main .prose table').first();
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.length).toBeGreaterThan(1);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const row = tr.getBoundingClientRect();
        return [...tr.children].map((cell) => {
          const box = cell.getBoundingClientRect();
          const label = cell.querySelector('.cell-label');
          return { full: Math.abs(box.width - row.width) <= 2, label: label && getComputedStyle(label).display !== 'none' ? label.textContent : null };
        });
      }),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const cells of rows) {
      expect(
        cells.every((c) => c.full),
        "each cell takes the row's whole width",
      ).toBe(true);
      expect(
        cells.map((c) => c.label),
        "each cell under its column's header",
      ).toEqual(headers);
    }
    // Screen readers: a table with its column headers and cells, whatever the display.
    await expect(page.getByRole('table')).toHaveCount(await page.locator('main .prose table').count());
    await expect(page.getByRole('table').first().getByRole('columnheader')).toHaveCount(headers.length);
    expect(await page.getByRole('table').first().getByRole('cell').count()).toBe(rows.flat().length);
    // The labels are not read twice.
    await expect(table.locator('.cell-label').first()).toHaveAttribute('aria-hidden', 'true');

    for (const [setting, apply] of [
      ['40rem', () => page.setViewportSize({ width: 800, height: 800 })],
      ['print', () => page.emulateMedia({ media: 'print' })],
    ] as const) {
      await apply();
      const layout = await table.evaluate((el) => ({
        display: getComputedStyle(el).display,
        sideBySide: new Set([...el.querySelectorAll('tbody tr:first-child > *')].map((c) => Math.round(c.getBoundingClientRect().left))).size,
        labels: [...el.querySelectorAll('.cell-label')].filter((l) => getComputedStyle(l).display !== 'none').length,
      }));
      expect(layout, setting).toEqual({ display: 'table', sideBySide: headers.length, labels: 0 });
    }
    await context.close();
  });
}
