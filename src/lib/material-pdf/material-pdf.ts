/**
 * The printable PDFs of a material, typeset at build time from the entry's own
 * Markdown (never a second copy): one per language the material is translated
 * into, and for posters one A4 and one A3. Served at
 * `/<locale>/materials/<slug>.pdf` (`<slug>-a3.pdf`, src/routes.ts `materialPdfPath()`) by
 * src/pages/[locale]/materials/[file].pdf.ts; the material page links them
 * with their size. Why Typst, which fonts, the cache: typst-compile.ts and README.md.
 */
import template from './material.typ?raw';
import { getLocale, type LocaleCode } from '../../i18n/locales.ts';
import { useTranslations } from '../../i18n/ui.ts';
import type { Localized } from '../entries.ts';
import { formatDate } from '../format.ts';
import { helplinesFor } from '../helplines.ts';
import { qrCodeSvg } from '../qr-code.ts';
import { getSettings } from '../settings.ts';
import { entryFile } from '../../collections.ts';
import { entryPath, localePath, materialPdfPath } from '../../routes.ts';
import { typeset } from './typst-compile.ts';
import { markdownToTypstData } from './typst-data.ts';

export type Paper = 'a4' | 'a3';

export interface MaterialPdf {
  paper: Paper;
  /** Site path, e.g. "/ar/materials/cefm-lesson-plan.pdf". */
  href: string;
  /** Route parameter of [file].pdf.ts: "cefm-lesson-plan", "school-corridor-poster-a3". */
  file: string;
  pdf: Buffer;
  pages: number;
}

/**
 * Base type sizes in pt. Documents: 11 pt Latin and Cyrillic, Arabic script
 * one step larger (12.5 pt: its letters are smaller on the same body).
 * Posters on A4 (A3 scales every length by √2): the largest size, in 1 pt
 * steps, at which the poster fits one sheet, from 24 pt (Arabic script 26 pt)
 * down to 16 pt; an editor's longer poster then takes two sheets and the
 * build says so. Measured on the posters of today: 17–20 pt on A4, so
 * 24–28 pt on A3 (the usual floor for poster text read from two metres);
 * the helpline numbers are three times the text size.
 */
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
const DOCUMENT_SIZE = { latin: [11], cyrillic: [11], arabic: [12.5] } as const;
const POSTER_SIZES = { latin: range(24, 16), cyrillic: range(24, 16), arabic: range(26, 16) } as const;

const memo = new Map<string, Promise<MaterialPdf[]>>();

/** Route parameter for a material's PDF on a paper size. */
export const pdfFileName = (slug: string, paper: Paper) => (paper === 'a4' ? slug : `${slug}-${paper}`);

/** The papers a material is printed on: posters A4 and A3, everything else A4. */
export function materialPapers(item: Localized<'materials'>): Paper[] {
  return item.entry.data.format === 'poster' ? ['a4', 'a3'] : ['a4'];
}

/** The site's public address (src/integrations/hosts.ts sets it for every build). */
function siteUrl(): URL {
  const site = import.meta.env.SITE;
  if (!site) throw new Error('The material PDFs need the site URL (SITE_URL): their QR codes and addresses point to it.');
  return new URL(site);
}

/** The PDFs of a material in its text's language (`item.contentLocale`), typeset once per build. */
export function materialPdfs(item: Localized<'materials'>): Promise<MaterialPdf[]> {
  const key = `${item.contentLocale}/${item.slug}`;
  let pdfs = memo.get(key);
  if (!pdfs) {
    pdfs = build(item, siteUrl());
    memo.set(key, pdfs);
  }
  return pdfs;
}

async function build(item: Localized<'materials'>, site: URL): Promise<MaterialPdf[]> {
  const locale: LocaleCode = item.contentLocale;
  const lang = getLocale(locale);
  const t = await useTranslations(locale);
  const settings = await getSettings(locale);
  const m = item.entry.data;
  const pageUrl = new URL(localePath(locale, entryPath('materials', item.slug)), site).href;
  const { inLanguage, others } = await helplinesFor(locale);
  const line = (h: (typeof inLanguage)[number]) => ({ number: h.entry.data.number, name: h.entry.data.title });
  const groups = [
    { heading: inLanguage.length > 0 ? t('help.inYourLanguage') : null, lines: inLanguage.map(line) },
    { heading: inLanguage.length > 0 ? t('help.otherLines') : t('help.noneInYourLanguage'), lines: others.map(line) },
  ].filter((g) => g.lines.length > 0);
  const poster = m.format === 'poster';
  const data = {
    kind: poster ? 'poster' : 'document',
    // Typst knows Kurmanji as "ku"; the tag kmr-Latn is for HTML.
    lang: lang.hreflang,
    dir: lang.dir,
    script: lang.script,
    site: { name: settings.siteName },
    pageUrl,
    qr: await qrCodeSvg(pageUrl),
    qrAlt: pageUrl,
    qrHint: t('print.qrHint'),
    title: m.title,
    description: m.description,
    facts: [
      { label: t('materials.format'), value: t(`materials.formats.${m.format}`) },
      { label: t('materials.audience'), value: new Intl.ListFormat(lang.tag, { type: 'conjunction' }).format(m.audiences.map((a) => t(`materials.audiences.${a}`))) },
      { label: t('materials.ageGroup'), value: m.ageGroup },
    ],
    date: t('common.published', { date: formatDate(m.published, locale) }),
    notice: m.translationStatus === 'machine' ? t('notice.machine') : null,
    helplines: { heading: t('help.title'), groups },
    body: markdownToTypstData(item.entry.body ?? '', site),
    sources: {
      heading: t('common.sources'),
      items: m.sources.map((s) => ({ text: s.title, dir: firstStrongDirection(s.title) ?? lang.dir, ...(s.url ? { url: s.url } : {}) })),
    },
  };
  const source = entryFile('materials', locale, item.slug);
  const results: MaterialPdf[] = [];
  for (const paper of materialPapers(item)) {
    const sizes = poster ? POSTER_SIZES[lang.script] : DOCUMENT_SIZE[lang.script];
    const { pdf, pages, size } = await typeset({ template, data: { ...data, paper }, sizes, maxPages: poster ? 1 : Infinity, source });
    if (poster && pages > 1) console.warn(`[material-pdf] ${source}: the poster takes ${pages} pages even at ${size} pt; shorten it to fit one sheet.`);
    const file = pdfFileName(item.slug, paper);
    results.push({ paper, file, href: localePath(locale) + materialPdfPath(file), pdf, pages });
  }
  return results;
}

/**
 * The direction of a text's first strong letter (Unicode bidi rule P2), or
 * undefined when it has none: a Turkish source title in an Arabic PDF is set
 * left to right, as `dir="auto"` does on the page.
 */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | undefined {
  const match = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]|\p{L}/u.exec(text);
  if (!match) return undefined;
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(match[0]) ? 'rtl' : 'ltr';
}
