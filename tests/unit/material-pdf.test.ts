/**
 * The material PDFs (issue 10, point 5). First the built site (dist/ or
 * $DIST_DIR): a PDF per material per language it is translated into (posters
 * on A4 and A3, each one sheet), whose text, read by Poppler as a reader's
 * tools read it, has the title and every helpline number, with Arabic,
 * Persian and Pashto lines in logical order, set only in the fonts we ship.
 * Then the typesetting itself: an editor's text is data, never Typst markup;
 * the same input gives the same bytes; the Markdown becomes the blocks the
 * template lays out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readEntry } from '../../scripts/translations.mjs';
import { getLocale, localeCodes } from '../../src/i18n/locales.ts';
import { HELPLINE_NUMBERS } from '../../src/lib/content-rules/allowlists.ts';
import { qrCodeSvg } from '../../src/lib/qr-code.ts';
import { typeset } from '../../src/lib/material-pdf/typst-compile.ts';
import { markdownToTypstData } from '../../src/lib/material-pdf/typst-data.ts';
import { asPopplerReadsLamAlef, pdfFonts, pdfPages, plain } from '../pdf-text.ts';

const dist = resolve(process.env.DIST_DIR ?? 'dist');
/** PostScript names of the four faces in @embedpdf/fonts-latin and @embedpdf/fonts-arabic. */
const OUR_FONTS = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoNaskhArabic', 'NotoNaskhArabic-Bold'];

/** Every real translation of every material: { locale, slug, title, description, format }. */
function materials() {
  const found = [];
  for (const locale of localeCodes) {
    const dir = join('content', 'materials', locale);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const data = readEntry(join(dir, file)).data as { title?: string; description: string; format: string; translationStatus?: string };
      if (typeof data.title !== 'string' || data.translationStatus === 'draft') continue; // a Decap stub or a draft (issue 14): not published
      found.push({ locale, slug: file.slice(0, -3), title: data.title, description: data.description, format: data.format });
    }
  }
  return found;
}

/**
 * Whether `pdfText` (Poppler's, see tests/pdf-text.ts) contains `text`. Latin and
 * Cyrillic: word for word, white space collapsed. Arabic script: every letter,
 * digit and punctuation mark in logical order, compared without white space,
 * because Poppler moves a space across neutral punctuation and digits where a
 * right-to-left line meets them ("درس: مستقبلي" reads "درس :مستقبلي",
 * "مدتها 40 دقيقة" reads "مدتها 40دقيقة"), and with the lam-alef letters
 * swapped as Poppler reads them (asPopplerReadsLamAlef). A word with harakat
 * (shadda and the other marks, U+064B–U+065F, U+0670) may stand for itself
 * with up to two letters more: Typst maps the raised mark glyph to the letter
 * under it too, so "التعرّف" reads "التعررف" in Poppler and pdf.js alike
 * (typst/typst#4225, #526). Its neighbours must still be in place around it.
 * The zero-width non-joiner (U+200C) is left out on both sides.
 */
function hasText(pdfText: string, text: string, locale: string): boolean {
  if (getLocale(locale).script !== 'arabic') return plain(pdfText).includes(plain(text));
  // The zero-width non-joiner of Persian (می‌خواهم) has no glyph to carry it, so no extraction has it.
  const squeeze = (s: string) => plain(s).replace(/[\s\u200C\u200D]+/g, '');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = asPopplerReadsLamAlef(plain(text)).replace(/[\u200C\u200D]/g, '').split(' ');
  const pattern = words
    .map((word) => (/[\u064B-\u065F\u0670]/.test(word) ? `[^\\s]{${word.replace(/[\u064B-\u065F\u0670]/g, '').length},${word.length + 2}}` : escape(word)))
    .join('');
  return new RegExp(pattern, 'u').test(squeeze(pdfText));
}

test('a PDF for every material in every language it is translated into, with its title and every helpline number', () => {
  const all = materials();
  assert.ok(all.length >= 4 * localeCodes.length, `expected the 4 materials in all ${localeCodes.length} locales, found ${all.length}`);
  for (const m of all) {
    const files = m.format === 'poster' ? [`${m.slug}.pdf`, `${m.slug}-a3.pdf`] : [`${m.slug}.pdf`];
    for (const name of files) {
      const file = join(dist, m.locale, 'materials', name);
      assert.ok(existsSync(file), `${m.locale}/materials/${name} was not built`);
      const text = plain(pdfPages(file).join('\n'));
      assert.ok(hasText(text, m.title, m.locale), `${m.locale}/${name}: the title "${m.title}" is not in the PDF's text:\n${text.slice(0, 400)}`);
      for (const number of HELPLINE_NUMBERS) assert.match(text, new RegExp(`(^|\\D)${number}(\\D|$)`), `${m.locale}/${name}: helpline ${number} is not in the PDF's text`);
    }
  }
});

test('Arabic, Persian and Pashto PDFs read in logical order: the title and the description, line after line', () => {
  for (const m of materials().filter((x) => getLocale(x.locale).script === 'arabic')) {
    const text = plain(pdfPages(join(dist, m.locale, 'materials', `${m.slug}.pdf`)).join('\n'));
    assert.ok(hasText(text, m.title, m.locale), `${m.locale}/${m.slug}: title not in logical order`);
    // The description is a wrapped paragraph on documents (posters leave it out): every line must follow the one before it.
    if (m.format !== 'poster') assert.ok(hasText(text, m.description, m.locale), `${m.locale}/${m.slug}: description not in logical order:\n${text.slice(0, 600)}`);
  }
  // The comparison is not blind to order: the title in visual order (reversed) is not found, nor are its words in reverse order.
  const ar = materials().find((x) => x.locale === 'ar' && x.slug === 'cefm-lesson-plan')!;
  const text = plain(pdfPages(join(dist, 'ar', 'materials', 'cefm-lesson-plan.pdf')).join('\n'));
  assert.ok(!hasText(text, [...ar.title].reverse().join(''), 'ar'));
  assert.ok(!hasText(text, ar.title.split(' ').reverse().join(' '), 'ar'));
});

test('a poster is one sheet, on A4 and on A3', () => {
  for (const m of materials().filter((x) => x.format === 'poster')) {
    for (const name of [`${m.slug}.pdf`, `${m.slug}-a3.pdf`]) {
      assert.equal(pdfPages(join(dist, m.locale, 'materials', name)).length, 1, `${m.locale}/${name} takes more than one page`);
    }
  }
});

test('the PDFs embed only the fonts shipped in npm packages (Noto Sans, Noto Naskh Arabic), never a system font', () => {
  for (const m of materials().filter((x) => ['tr', 'ar', 'ru', 'ps'].includes(x.locale))) {
    const fonts = pdfFonts(join(dist, m.locale, 'materials', `${m.slug}.pdf`));
    assert.ok(fonts.length > 0);
    for (const font of fonts) assert.ok(OUR_FONTS.includes(font), `${m.locale}/${m.slug}.pdf embeds ${font}`);
  }
});

// ---- The typesetting itself, on made-up data ----

const template = readFileSync('src/lib/material-pdf/material.typ', 'utf8');
const site = new URL('https://example.org/');

async function documentData(body: string, title: string) {
  const pageUrl = 'https://example.org/tr/materials/x/';
  return {
    kind: 'document', paper: 'a4', lang: 'tr', dir: 'ltr', script: 'latin',
    site: { name: 'Site' }, pageUrl, qr: await qrCodeSvg(pageUrl), qrAlt: pageUrl, qrHint: 'Scan',
    title, description: 'A description of ten words or so.', facts: [{ label: 'For', value: 'Teachers' }],
    date: 'Published 20 November 2026', notice: null,
    helplines: { heading: 'Help', groups: [{ heading: null, lines: [{ number: '157', name: 'YİMER 157' }] }] },
    body: markdownToTypstData(body, site),
    sources: { heading: 'Sources', items: [{ text: 'Türk Medeni Kanunu', dir: 'ltr', url: 'https://www.mevzuat.gov.tr/' }] },
  };
}

async function withCache<T>(run: () => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'material-pdf-cache-'));
  const before = process.env.MATERIAL_PDF_CACHE_DIR;
  process.env.MATERIAL_PDF_CACHE_DIR = dir;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.MATERIAL_PDF_CACHE_DIR;
    else process.env.MATERIAL_PDF_CACHE_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an editor\'s text is printed as written, never run as Typst code', async () => {
  const hostile = ['#panic("ran")', '#set page(width: 1cm)', '$x^2$', '*not bold*', '#import "/etc/passwd"', '] [', '\\'];
  const data = await documentData(hostile.map((h) => `- \`${h}\` and ${h.replace(/[*`\\]/g, '')}`).join('\n'), `Title #eval("1") $y$`);
  const { pdf, pages } = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  assert.ok(pages >= 1);
  const text = plain(pdfPages(pdf).join('\n'));
  assert.ok(text.includes('Title #eval("1") $y$'), text);
  for (const h of hostile) assert.ok(text.includes(h), `"${h}" is not printed as written:\n${text}`);
});

test('the same input gives the same bytes (no date, no random ids), and the cache returns them', async () => {
  const data = await documentData('## Heading\n\nText with [a link](/tr/helplines/) and **strong** words.', 'Same');
  const first = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  const second = await withCache(() => typeset({ template, data, sizes: [11], source: 'test' }));
  assert.ok(first.pdf.equals(second.pdf), 'two typesettings of the same input differ');
  await withCache(async () => {
    const built = await typeset({ template, data, sizes: [11], source: 'test' });
    const cached = await typeset({ template, data, sizes: [11], source: 'test' });
    assert.ok(built.pdf.equals(cached.pdf));
    assert.equal(readdirSync(process.env.MATERIAL_PDF_CACHE_DIR!).filter((f) => f.endsWith('.pdf')).length, 1);
  });
});

test('a poster is set in the largest size that fits one sheet', async () => {
  const long = Array.from({ length: 14 }, (_, i) => `Sentence ${i} of a poster that has rather a lot to say to the corridor.`).join('\n\n');
  const data = { ...(await documentData(long, 'Poster')), kind: 'poster' };
  const result = await withCache(() => typeset({ template, data, sizes: [24, 22, 20, 18, 16, 14], maxPages: 1, source: 'test' }));
  assert.equal(result.pages, 1);
  assert.ok(result.size < 24 && result.size >= 14, `size ${result.size}`);
});

test('Markdown becomes the blocks the template lays out: tables, lists, links; scripts and images are dropped', () => {
  const blocks = markdownToTypstData(
    [
      '## Plan',
      '',
      '| Time | What |',
      '|---|---|',
      '| 0–5 | Call [157](tel:157) |',
      '',
      '1. one',
      '2. two with [helplines](/tr/helplines/)',
      '',
      '<script>alert(1)</script>',
      '',
      '![a picture](/uploads/x.png) text after',
    ].join('\n'),
    site,
  );
  assert.deepEqual(blocks.map((b) => b.t), ['heading', 'table', 'list', 'par']);
  assert.deepEqual(blocks[0], { t: 'heading', level: 1, c: [{ t: 'text', v: 'Plan' }] });
  const table = blocks[1] as Extract<(typeof blocks)[number], { t: 'table' }>;
  assert.equal(table.columns, 2);
  assert.deepEqual(table.header, [[{ t: 'text', v: 'Time' }], [{ t: 'text', v: 'What' }]]);
  // A tel: link prints its number only; a link to the site prints its words and, as a footnote, its full address.
  assert.deepEqual(table.rows[0]![1], [{ t: 'text', v: 'Call ' }, { t: 'link', c: [{ t: 'text', v: '157' }] }]);
  const list = blocks[2] as Extract<(typeof blocks)[number], { t: 'list' }>;
  assert.equal(list.ordered, true);
  assert.deepEqual(list.items[1]!.at(-1), { t: 'par', c: [{ t: 'text', v: 'two with ' }, { t: 'link', c: [{ t: 'text', v: 'helplines' }], url: 'https://example.org/tr/helplines/' }] });
  assert.ok(!JSON.stringify(blocks).includes('alert'));
  assert.deepEqual(blocks[3], { t: 'par', c: [{ t: 'text', v: 'text after' }] });
});
