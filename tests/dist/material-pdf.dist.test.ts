/**
 * The material PDFs (issue 10, point 5) in the built site (dist/ or
 * $DIST_DIR): a PDF per material per language it is translated into (posters
 * on A4 and A3, each one sheet), whose text, read by Poppler as a reader's
 * tools read it, has the title and every helpline number, with Arabic,
 * Persian and Pashto lines in logical order, set only in the fonts we ship.
 * The typesetting itself, on made-up data: tests/unit/material-pdf.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEntry } from '../../scripts/content/translations.mjs';
import { configFor } from '../../scripts/lib/config.mjs';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { collectionFolder } from '../../src/collections.ts';
import { getLocale, localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { HELPLINE_NUMBERS } from '../../src/lib/content-rules/allowlists.ts';
import { localePath, materialPdfPath } from '../../src/routes.ts';
import { asPopplerReadsLamAlef, pdfFonts, pdfPages, plain } from '../helpers/pdf-text.ts';

const dist = resolve(configFor.e2e(process.env).distDir);
/** A material's PDF in dist/, e.g. dist/ar/materials/cefm-lesson-plan.pdf (src/routes.ts materialPdfPath). */
const pdfFile = (locale: LocaleCode, name: string) => join(dist, localePath(locale), materialPdfPath(name));
/** PostScript names of the four faces in @embedpdf/fonts-latin and @embedpdf/fonts-arabic. */
const OUR_FONTS = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoNaskhArabic', 'NotoNaskhArabic-Bold'];

/** Every real translation of every material: { locale, slug, title, description, format }. */
function materials() {
  const found = [];
  for (const locale of localeCodes) {
    const dir = join(projectRoot, collectionFolder('materials'), locale);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const data = readEntry(join(dir, file)).data as { title?: string; description: string; format: string; translationStatus?: string };
      if (typeof data.title !== 'string' || data.translationStatus === 'draft') continue; // a Decap stub or a draft (issue 14): not published
      found.push({ locale: locale as LocaleCode, slug: file.slice(0, -3), title: data.title, description: data.description, format: data.format });
    }
  }
  return found;
}

/**
 * Whether `pdfText` (Poppler's, see tests/helpers/pdf-text.ts) contains `text`. Latin and
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
  const words = asPopplerReadsLamAlef(plain(text))
    .replace(/[\u200C\u200D]/g, '')
    .split(' ');
  const pattern = words
    .map((word) => (/[\u064B-\u065F\u0670]/.test(word) ? `[^\\s]{${word.replace(/[\u064B-\u065F\u0670]/g, '').length},${word.length + 2}}` : escape(word)))
    .join('');
  return new RegExp(pattern, 'u').test(squeeze(pdfText));
}

test('a PDF for every material in every language it is translated into, with its title and every helpline number', () => {
  const all = materials();
  assert.ok(all.length >= 4 * localeCodes.length, `expected the 4 materials in all ${localeCodes.length} locales, found ${all.length}`);
  for (const m of all) {
    const files = m.format === 'poster' ? [m.slug, `${m.slug}-a3`] : [m.slug];
    for (const name of files) {
      const file = pdfFile(m.locale, name);
      assert.ok(existsSync(file), `${file} was not built`);
      const text = plain(pdfPages(file).join('\n'));
      assert.ok(hasText(text, m.title, m.locale), `${m.locale}/${name}: the title "${m.title}" is not in the PDF's text:\n${text.slice(0, 400)}`);
      for (const number of HELPLINE_NUMBERS) assert.match(text, new RegExp(`(^|\\D)${number}(\\D|$)`), `${m.locale}/${name}: helpline ${number} is not in the PDF's text`);
    }
  }
});

test('Arabic, Persian and Pashto PDFs read in logical order: the title and the description, line after line', () => {
  for (const m of materials().filter((x) => getLocale(x.locale).script === 'arabic')) {
    const text = plain(pdfPages(pdfFile(m.locale, m.slug)).join('\n'));
    assert.ok(hasText(text, m.title, m.locale), `${m.locale}/${m.slug}: title not in logical order`);
    // The description is a wrapped paragraph on documents (posters leave it out): every line must follow the one before it.
    if (m.format !== 'poster') assert.ok(hasText(text, m.description, m.locale), `${m.locale}/${m.slug}: description not in logical order:\n${text.slice(0, 600)}`);
  }
  // The comparison is not blind to order: the title in visual order (reversed) is not found, nor are its words in reverse order.
  const ar = materials().find((x) => x.locale === 'ar' && x.slug === 'cefm-lesson-plan')!;
  const text = plain(pdfPages(pdfFile('ar', ar.slug)).join('\n'));
  assert.ok(!hasText(text, [...ar.title].reverse().join(''), 'ar'));
  assert.ok(!hasText(text, ar.title.split(' ').reverse().join(' '), 'ar'));
});

test('a poster is one sheet, on A4 and on A3', () => {
  for (const m of materials().filter((x) => x.format === 'poster')) {
    for (const name of [m.slug, `${m.slug}-a3`]) {
      assert.equal(pdfPages(pdfFile(m.locale, name)).length, 1, `${m.locale}/${name} takes more than one page`);
    }
  }
});

test('the PDFs embed only the fonts shipped in npm packages (Noto Sans, Noto Naskh Arabic), never a system font', () => {
  for (const m of materials().filter((x) => ['tr', 'ar', 'ru', 'ps'].includes(x.locale))) {
    const fonts = pdfFonts(pdfFile(m.locale, m.slug));
    assert.ok(fonts.length > 0);
    for (const font of fonts) assert.ok(OUR_FONTS.includes(font), `${m.locale}/${m.slug}.pdf embeds ${font}`);
  }
});
