/**
 * Printing (issue 10, points 5 and 6), in Turkish and Arabic (right to left):
 * posters print as posters on one A4 or A3 sheet, numbers largest, with a QR
 * code of the page; lesson plans and guides print with the site, address, QR
 * code, date and page numbers, sources last; material pages link their PDFs
 * with the true size; the card to show is reached from the help boxes, shows
 * the two languages side by side, works offline once loaded and prints on one
 * A6 card. Printing is Chromium's own (page.pdf), read back with Poppler.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readMarkdown } from '../../src/lib/content-files.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder } from '../../src/collections.ts';
import { defaultLocale, localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { formatBytes } from '../../src/lib/format.ts';
import { qrCodeSvg } from '../../src/lib/qr-code.ts';
import { entryPath, listPath, localePath, materialPdfPath, uiPages } from '../../src/routes.ts';
import { pdfPages, plain } from '../helpers/pdf-text.ts';
import { firstEntryPath } from './site-map.ts';

/** The first material of a format, by slug, from the content: editors may rename their materials. */
function materialOf(format: 'poster' | 'lesson-plan' | 'guide'): string {
  const folder = join(projectRoot, collectionFolder('materials'), defaultLocale);
  const file = readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .find((f) => readMarkdown(join(folder, f)).data.format === format);
  if (!file) throw new Error(`no material of format ${format} in ${folder}`);
  return file.slice(0, -'.md'.length);
}
const poster = materialOf('poster');
const lessonPlan = materialOf('lesson-plan');
const guide = materialOf('guide');
const materialPage = (locale: LocaleCode, slug: string) => localePath(locale, entryPath('materials', slug));
const cardPage = (locale: LocaleCode) => localePath(locale, uiPages.card.path);

/** Pages in a PDF made by Chromium (Skia writes one /Type /Page object per page). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
/** [width, height] of the first page, in pt. */
const pageSize = (pdf: Buffer) => /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number);
const MM = 72 / 25.4;

/** The dark modules of a QR code: the `d` of the qrcode package's stroked path. */
const qrPath = (svg: string) => /stroke="#000000" d="([^"]+)"/.exec(svg)![1];

async function canonical(page: Page) {
  return (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
}

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: a material page links its PDFs with their true size; they are PDFs from this host`, async ({ page, request }) => {
    for (const [slug, papers] of [
      [lessonPlan, ['']],
      [poster, ['', '-a3']],
    ] as const) {
      await page.goto(materialPage(locale, slug));
      for (const paper of papers) {
        const href = `${localePath(locale)}${materialPdfPath(`${slug}${paper}`)}`;
        const link = page.locator(`main a[href="${href}"]`);
        await expect(link, href).toBeVisible();
        await expect(link).toHaveAttribute('type', 'application/pdf');
        const size = Number(await link.getAttribute('data-file-size'));
        await expect(link).toContainText(formatBytes(size, locale));
        if (paper) await expect(link).toContainText('A3');
        const response = await request.get(href);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain('application/pdf');
        expect((await response.body()).length, `${href}: the link says ${size} bytes`).toBe(size);
      }
    }
  });

  test(`${locale}: a poster prints as a poster, one sheet on A4 and on A3, numbers largest, QR code of the page, no web chrome`, async ({ page }) => {
    await page.goto(materialPage(locale, poster));
    const url = await canonical(page);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.quick-exit', '.share', '.material__facts', '.material .sources', 'main a[href$=".pdf"]']) {
      await expect(page.locator(selector).first(), selector).toBeHidden();
    }
    // The lines that answer in the reader's language first: in Arabic, 157.
    await expect(page.locator('.print-helplines__number')).toHaveText(locale === 'ar' ? ['157', '112', '183'] : ['112', '157', '183']);
    // The helpline numbers are the largest type on the sheet.
    const sizes = await page.locator('.material').evaluate((article) => {
      const visible = [...article.querySelectorAll<HTMLElement>('*')].filter(
        (el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
      );
      const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      const numbers = visible.filter((el) => el.classList.contains('print-helplines__number'));
      return { numbers: Math.min(...numbers.map(size)), rest: Math.max(...visible.filter((el) => !numbers.includes(el)).map(size)) };
    });
    expect(sizes.numbers).toBeGreaterThan(sizes.rest);
    // The address and the QR code of this very page, in this language.
    await expect(page.locator('.print-meta')).toContainText(url);
    const qr = page.locator('.print-meta__qr svg');
    await expect(qr).toBeVisible();
    expect(await qr.locator('path[stroke]').getAttribute('d')).toBe(qrPath(await qrCodeSvg(url)));
    for (const format of ['A4', 'A3'] as const) {
      const pdf = await page.pdf({ format });
      expect(pageCount(pdf), `${format}: one sheet`).toBe(1);
      const text = plain(pdfPages(pdf).join('\n'));
      for (const number of ['112', '157', '183']) expect(text).toContain(number);
      expect(text).toContain(url);
    }
  });

  test(`${locale}: a lesson plan prints with the site, its address and QR code and the date first, page numbers, sources last and no larger than the text`, async ({ page }) => {
    await page.goto(materialPage(locale, lessonPlan));
    const url = await canonical(page);
    const siteName = (await page.locator('meta[property="og:site_name"]').getAttribute('content'))!;
    await page.emulateMedia({ media: 'print' });
    const meta = page.locator('.print-meta');
    await expect(meta).toBeVisible();
    await expect(meta).toContainText(siteName);
    await expect(meta).toContainText(url);
    await expect(meta).toContainText('2026');
    expect(await meta.locator('svg path[stroke]').getAttribute('d')).toBe(qrPath(await qrCodeSvg(url)));
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top('.print-meta'), 'the header comes before the title').toBeLessThan(await top('.material h1'));
    expect(await top('.material .sources'), 'sources after the text').toBeGreaterThan(await top('.material .prose > :last-child'));
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const text = await fontSize('.material .prose p');
    expect(await fontSize('.material .sources h2')).toBeLessThanOrEqual(text);
    expect(await fontSize('.material .sources li')).toBeLessThanOrEqual(text);
    await expect(page.locator('.site-header')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    // "2 / 5", in that order in Arabic too (Poppler leaves out the spaces Chromium sets by position).
    pages.forEach((pageText, i) => expect(plain(pageText), `page ${i + 1}`).toMatch(new RegExp(`(^|\\D)${i + 1} ?/ ?${pages.length}(\\D|$)`)));
  });
}

test('Arabic-script text prints one step larger than Latin text (12 pt against 11 pt)', async ({ page }) => {
  const printed = async (path: string) => {
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    return page
      .locator('.material .prose p')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  };
  const latin = await printed(materialPage('tr', guide));
  const arabic = await printed(materialPage('ar', guide));
  expect(latin).toBeCloseTo((11 * 96) / 72, 1);
  expect(arabic).toBeCloseTo((12 * 96) / 72, 1);
});

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: every help box and the helplines page lead to the card to show`, async ({ page }) => {
    for (const path of [localePath(locale), firstEntryPath('campaigns', locale), firstEntryPath('rights', locale), localePath(locale, 'no-such-page/')]) {
      await page.goto(path);
      await expect(page.locator(`.help-now a[href="${cardPage(locale)}"]`), path).toBeVisible();
    }
    await page.goto(localePath(locale, listPath('helplines')));
    await page.locator(`main a[href="${cardPage(locale)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${cardPage(locale)}$`));
    await expect(page.locator('.quick-exit__button')).toBeVisible();
    await expect(page.locator('.phrase-card a[href="tel:157"]')).toBeVisible();
  });
}

test('ar: the card shows each sentence in Arabic and in Turkish side by side, in large type', async ({ page }) => {
  await page.goto(cardPage('ar'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const phrases = page.locator('.phrase-card__phrases li');
  expect(await phrases.count()).toBeGreaterThanOrEqual(6);
  for (const phrase of await phrases.all()) {
    const own = phrase.locator('.phrase-card__own');
    const turkish = phrase.locator('.phrase-card__turkish');
    await expect(turkish).toHaveAttribute('lang', 'tr');
    await expect(turkish).toHaveAttribute('dir', 'ltr');
    const [a, b] = [(await own.boundingBox())!, (await turkish.boundingBox())!];
    expect(Math.abs(a.y - b.y), 'side by side: same top').toBeLessThan(2);
    expect(a.x, 'Arabic at the start of the line, on the right').toBeGreaterThan(b.x);
    for (const p of [own, turkish]) expect(await p.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(20);
  }
  const ask = page.locator('[data-phrase="noTurkish"]');
  await expect(ask.locator('.phrase-card__own')).toContainText('العربية');
  await expect(ask.locator('.phrase-card__turkish')).toHaveText('Türkçe bilmiyorum. Arapça konuşan biri var mı?');
  await expect(page.locator('[data-phrase="under18"] .phrase-card__turkish')).toHaveText('18 yaşından küçüğüm.');
});

test("tr: the Turkish card is the Turkish column alone, with the other languages' cards", async ({ page }) => {
  await page.goto(cardPage('tr'));
  await expect(page.locator('.phrase-card__own')).toHaveCount(0);
  await expect(page.locator('[data-phrase="noTurkish"]')).toHaveCount(0);
  await expect(page.locator('[data-phrase="passport"] .phrase-card__turkish')).toHaveText('Pasaportumu ya da kimliğimi başka biri tutuyor.');
  for (const other of localeCodes.filter((l) => l !== 'tr')) await expect(page.locator(`.phrase-card__other-languages a[href="${cardPage(other)}"]`)).toBeVisible();
});

for (const locale of ['tr', 'ar'] as const) {
  test(`${locale}: once loaded, the card works offline: nothing more is fetched, and it prints on one A6 card`, async ({ page, context }) => {
    await page.goto(cardPage(locale), { waitUntil: 'networkidle' });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.setOffline(true);
    try {
      await page.locator('.phrase-card__phrases li').last().scrollIntoViewIfNeeded();
      await expect(page.locator('.phrase-card__phrases li').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.phrase-card__intro')).toBeHidden();
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pageCount(pdf)).toBe(1);
      const [width, height] = pageSize(pdf);
      expect(width! / MM).toBeCloseTo(105, 0);
      expect(height! / MM).toBeCloseTo(148, 0);
      const text = plain(pdfPages(pdf).join('\n'));
      // (Poppler reads the two columns of a row as one line, and may move a Turkish "?" in an Arabic one.)
      expect(text).toContain(locale === 'tr' ? 'Yardıma ihtiyacım var.' : 'Türkçe bilmiyorum. Arapça');
      expect(text).toContain('157');
    } finally {
      await context.setOffline(false);
    }
    expect(requests, 'requests after going offline').toEqual([]);
  });
}

test('the card prints on one A6 card in every language', async ({ page }) => {
  for (const locale of localeCodes as readonly LocaleCode[]) {
    await page.goto(cardPage(locale));
    await page.emulateMedia({ media: 'print' });
    expect(pageCount(await page.pdf({ preferCSSPageSize: true })), locale).toBe(1);
  }
});
