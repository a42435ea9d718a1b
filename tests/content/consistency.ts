/**
 * Cross-language consistency of the content: what must be the same in every
 * locale of an entry, whatever the language (issue 11; ported from Appendix A
 * of the content review of 2026-11-29, `xlang.py`).
 *
 * For each entry (collection/slug) it compares every translation with the
 * Turkish source:
 *   - the numbers of each field (title, summary, each list item, each body
 *     section), as multisets, with Arabic-Indic (٠-٩) and Persian (۰-۹) digits
 *     read as Latin and thousands separators joined (31.337 = 31,337 = ۳۱٬۳۳۷);
 *   - the phone numbers named in the text and in `tel:` links;
 *   - the article references (a number next to the word for "article");
 *   - the languages a sentence says a line answers in;
 *   - list lengths (warning signs, what to do, what not to do, sources, legal
 *     basis), the helplines list, a helpline's language codes, the headings
 *     and the bullets per body section, and the legal-basis links;
 * and for the UI strings (content/i18n/<locale>.json): the same keys (plural
 * forms aside: CLDR gives Arabic six and Russian four), placeholders and numbers.
 *
 * Read-only. Front matter is read with the project's one reader
 * (src/lib/front-matter.ts), which the translation report and the CMS read
 * through too, so all see the same data. Collections, locales and file paths come from the
 * registries (src/collections.ts, src/i18n/locales.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readMarkdown as readEntry, readYaml } from '../../src/lib/content-files.ts';
import { collectionFolder, collectionNames, dataCollections, entryFile, type CollectionName } from '../../src/collections.ts';
import { defaultLocale, localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';

export const LOCALES = localeCodes;
export type Loc = LocaleCode;
export const SOURCE: Loc = defaultLocale;
export const COLLECTIONS = collectionNames;

/** A path of the registry ("content/campaigns/ar/x.md"), relative to a content/ folder ("campaigns/ar/x.md"). */
export const inContent = (path: string) => relative('content', path);
/** An entry's file under a content/ folder: "campaigns/ar/fake-job-offers.md". */
export const contentFile = (name: CollectionName, locale: Loc, slug: string) => inContent(entryFile(name, locale, slug));
/** How findings name an entry: "campaigns/fake-job-offers". */
export const entryIdOf = (name: CollectionName, slug: string) => `${inContent(collectionFolder(name))}/${slug}`;

/** One difference: where it is, and what differs. */
export interface Finding {
  entry: string;
  locale: string;
  field: string;
  problem: string;
}

const DIGITS: Record<string, string> = Object.fromEntries(
  [...'٠١٢٣٤٥٦٧٨٩'].map((d, i) => [d, String(i)]).concat([...'۰۱۲۳۴۵۶۷۸۹'].map((d, i) => [d, String(i)])),
);
export const PHONES = new Set(['112', '155', '156', '157', '183', '144', '110', '158']);
const LIST_FIELDS = ['warningSigns', 'whatToDo', 'whatNotToDo'] as const;
const TEXT_FIELDS = ['title', 'summary', 'description', 'purpose', 'hours', 'cost', 'languagesNote', 'ageGroup', 'number'] as const;

/**
 * Ways of writing "24 hours a day, 7 days a week" without digits, read as the
 * digits they stand for, so "günün her saati" and "24/7" compare equal.
 */
const NUMBER_WORDS: Partial<Record<Loc, [RegExp, string][]>> = {
  tr: [[/günün her saati/giu, '24 saat']],
  ru: [[/круглосуточн\p{L}*/giu, '24 часа']],
  fa: [[/(?<!24\s*ساعت\s*)شبانه[\u200c ]?روز\p{L}*/gu, '24 ساعت']],
};

/** Small counts written as words in the UI strings ("press Shift twice"), read as digits. */
const UI_NUMBER_WORDS: Partial<Record<Loc, [RegExp, string][]>> = {
  ar: [[/ثلاث مرات/gu, '3'], [/مرتين/gu, '2'], [/مرة واحدة|مرة أخرى/gu, '1']],
  fa: [[/سه بار/gu, '3'], [/دو بار/gu, '2'], [/یک بار/gu, '1']],
  ps: [[/درې ځله/gu, '3'], [/دوه ځله/gu, '2'], [/یو ځل/gu, '1']],
  ku: [[/sê caran/giu, '3'], [/du caran/giu, '2'], [/carekê/giu, '1']],
  en: [[/\bthree times\b/giu, '3'], [/\btwice\b/giu, '2'], [/\bonce\b/giu, '1']],
};

/** Words for "article" in each language (a number right after or right before it is an article reference). */
const ARTICLE: Record<Loc, string> = {
  tr: 'madde\\p{L}*',
  en: 'Art\\.|Articles?',
  ru: 'ст\\.|стать\\p{L}*',
  ar: 'الماد(?:ة|تين|تان)|المواد|مادة|مادتين',
  fa: 'ماده[\\u0654ٔ\\u200c]?(?:ی|های)?|مواد',
  ps: 'مادې|ماده|مادو|مادی',
  ku: 'xal\\p{L}*|bend\\p{L}*|madde\\p{L}*',
};

const L_ = '\\u0620-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF';
const A = `(?<![${L_}])(?:و|ب|ل)?`; // word start, allowing the attached particles wa-/bi-/li-
const Z = `(?![${L_}])`; // word end
/** Language names, to compare which languages each sentence says a line answers in. */
const LANGUAGE_NAMES: Record<Loc, Record<string, string>> = {
  tr: { tr: 'Türkçe', en: 'İngilizce', ar: 'Arapça', fa: 'Farsça', ru: 'Rusça', ps: 'Peştuca', ku: 'Kürtçe|Kurmanc', de: 'Almanca', prs: '(?<!\\p{L})Dari(?:ce)?(?!\\p{L})' },
  en: { tr: 'Turkish(?!\\s+(?:Penal|Civil|Criminal|citizens?|government|law|sentence))', en: 'English', ar: 'Arabic', fa: 'Persian|Farsi', ru: 'Russian', ps: 'Pashto', ku: 'Kurdish|Kurmanji', de: 'German', prs: '\\bDari\\b' },
  ru: { tr: 'турецк\\p{L}*\\s+(?:язык|,|и(?!\\p{L}))|по-турецки|на турецком', en: 'английск', ar: 'арабск', fa: 'персидск|фарси', ru: 'русск', ps: 'пушту', ku: 'курдск|курманджи', de: 'немецк', prs: '(?<!\\p{L})дари(?!\\p{L})' },
  ar: { tr: `${A}التركية${Z}`, en: `${A}(?:الإنجليزية|الإنكليزية)${Z}`, ar: `${A}العربية${Z}`, fa: `${A}الفارسية${Z}`, ru: `${A}الروسية${Z}`, ps: `${A}البشتو`, ku: `${A}(?:الكردية|الكرمانجية)${Z}`, de: `${A}الألمانية${Z}`, prs: `${A}(?:الدارية|الدرية|الداري)${Z}` },
  fa: { tr: `${A}ترکی${Z}`, en: `${A}انگلیسی${Z}`, ar: `${A}عربی${Z}`, fa: `${A}فارسی${Z}`, ru: `${A}روسی${Z}`, ps: `${A}پشتو${Z}`, ku: 'کُردی|زبان کردی|کرمانجی', de: `${A}آلمانی${Z}`, prs: `${A}دری${Z}` },
  ps: { tr: `${A}ترکي${Z}`, en: `${A}(?:انګلیسي|انگلیسي)${Z}`, ar: `${A}عربي${Z}`, fa: `${A}فارسي${Z}`, ru: `${A}روسي${Z}`, ps: `${A}پښتو${Z}`, ku: `${A}(?:کوردي|کردي|کرمانجي)${Z}`, de: `${A}الماني${Z}`, prs: `${A}دري${Z}` },
  ku: { tr: 'Tirkî', en: '[ÎI]ngilîzî', ar: 'Erebî', fa: 'Farisî|Farsî', ru: 'Rûsî', ps: 'Peştû', ku: 'Kurmancî|Kurdî', de: 'Almanî', prs: '(?<!\\p{L})Derî(?!\\p{L})' },
};

/** Digits read as Latin, "24/7" words as digits, thousands separators joined. */
export function normalise(text: unknown, locale: Loc): string {
  let t = String(text ?? '').replace(/[٠-٩۰-۹]/g, (d) => DIGITS[d] ?? d).replace(/\u066B/g, '.').replace(/\u066A/g, '%');
  for (const [pattern, digits] of NUMBER_WORDS[locale] ?? []) t = t.replace(pattern, digits);
  return t.replace(/(?<![\d.,])\d{1,3}(?:[.,\u066C\u00A0\u202F\u2009 ]\d{3})+(?![\d]|[.,]\d)/g, (m) => m.replace(/\D/g, ''));
}

export function numbersIn(text: unknown, locale: Loc): string[] {
  return normalise(text, locale).match(/\d+(?:\.\d+)?/g) ?? [];
}

export function articleRefs(text: string, locale: Loc): string[] {
  const t = normalise(text, locale);
  const refs: string[] = [];
  const sep = '(?:,|ve|and|и|و|û|او|،)';
  for (const m of t.matchAll(new RegExp(ARTICLE[locale], 'giu'))) {
    const end = (m.index ?? 0) + m[0].length;
    const after = new RegExp(`^\\s*\\.?\\s*((?:\\d+(?:\\s*${sep}\\s*)?)+)`, 'u').exec(t.slice(end));
    const before = new RegExp(`((?:\\d+(?:\\.|'?(?:ci|inci|üncü|nci|ncı|ê|an|مه|مې|م))?\\s*${sep}?\\s*)+)$`, 'u').exec(t.slice(Math.max(0, (m.index ?? 0) - 30), m.index));
    const found = after?.[1]?.trim() ? after[1] : before?.[1]?.trim() ? before[1] : '';
    refs.push(...(found.match(/\d+/g) ?? []));
  }
  return refs;
}

function languagesNamed(text: string, locale: Loc): string[] {
  return Object.entries(LANGUAGE_NAMES[locale])
    .filter(([, pattern]) => new RegExp(pattern, 'iu').test(text))
    .map(([code]) => code)
    .sort();
}

/** Body split at headings (## to ####): the text before the first heading, then one section per heading. */
export function bodySections(body: string): { heading: string; bullets: number; text: string }[] {
  const sections = [{ heading: '', bullets: 0, text: '' }];
  for (const line of body.split(/\r?\n/)) {
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading) {
      sections.push({ heading: heading[1] ?? '', bullets: 0, text: `${heading[1]}\n` });
      continue;
    }
    const current = sections[sections.length - 1]!;
    if (/^\s*(?:[-*]|\d+\.)\s+/.test(line) || /^\|/.test(line)) current.bullets++;
    current.text += `${line}\n`;
  }
  return sections;
}

type Counter = Map<string, number>;
const count = (items: string[]): Counter => items.reduce((c, x) => c.set(x, (c.get(x) ?? 0) + 1), new Map<string, number>());
const sameCounts = (a: Counter, b: Counter) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const show = (c: Counter) => [...c].flatMap(([k, v]) => Array<string>(v).fill(k)).sort((x, y) => x.length - y.length || x.localeCompare(y)).join(' ');

interface Profile {
  /** Text per comparable field, keyed "summary", "whatToDo[2]", "body§3". */
  fields: Map<string, string>;
  /** Values that must be equal as they are. */
  shape: Map<string, string>;
  phones: Counter;
  telLinks: Counter;
  articles: Counter;
}

type Data = Record<string, unknown>;

function profile(data: Data, body: string, locale: Loc): Profile {
  const fields = new Map<string, string>();
  const shape = new Map<string, string>();
  for (const key of TEXT_FIELDS) if (data[key] !== undefined) fields.set(key, String(data[key]));
  for (const key of LIST_FIELDS) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    shape.set(`${key}.length`, String(list.length));
    list.forEach((item, i) => fields.set(`${key}[${i}]`, String(item)));
  }
  const legal = Array.isArray(data.legalBasis) ? (data.legalBasis as Data[]) : [];
  shape.set('legalBasis.length', String(legal.length));
  legal.forEach((lb, i) => {
    fields.set(`legalBasis[${i}]`, `${lb.law ?? ''} | ${lb.article ?? ''}`);
    shape.set(`legalBasis[${i}].url`, String(lb.url ?? ''));
  });
  const sources = Array.isArray(data.sources) ? (data.sources as Data[]) : [];
  shape.set('sources.length', String(sources.length));
  for (const key of ['helplines', 'languages', 'audiences', 'tactic', 'format', 'order', 'slug', 'number', 'published', 'lastReviewed']) {
    if (data[key] === undefined) continue;
    const value = data[key];
    shape.set(key, value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value));
  }
  const sections = bodySections(body);
  shape.set('body headings', String(sections.length - 1));
  shape.set('body bullets per section', sections.map((s) => s.bullets).join(','));
  sections.forEach((s, i) => fields.set(`body§${i}`, s.text));
  const all = [...fields.values()].join('\n');
  const nums = numbersIn(all, locale);
  return {
    fields,
    shape,
    phones: count(nums.filter((n) => PHONES.has(n))),
    telLinks: count([...body.matchAll(/tel:\+?(\d+)/g)].map((m) => m[1]!)),
    articles: count(articleRefs(all, locale)),
  };
}

function compareEntry(entry: string, src: Profile, tr: Profile, locale: Loc, out: Finding[]) {
  const add = (field: string, problem: string) => out.push({ entry, locale, field, problem });
  for (const [key, value] of src.shape) {
    if (tr.shape.get(key) !== value) add(key, `tr=${value} ${locale}=${tr.shape.get(key) ?? '(none)'}`);
  }
  for (const kind of ['phones', 'telLinks', 'articles'] as const) {
    if (!sameCounts(src[kind], tr[kind])) add(kind, `tr=[${show(src[kind])}] ${locale}=[${show(tr[kind])}]`);
  }
  for (const [key, text] of src.fields) {
    const other = tr.fields.get(key);
    if (other === undefined) {
      add(key, 'missing in the translation');
      continue;
    }
    const a = count(numbersIn(text, SOURCE));
    const b = count(numbersIn(other, locale));
    if (!sameCounts(a, b)) add(key, `numbers differ: tr=[${show(a)}] ${locale}=[${show(b)}]`);
    const la = languagesNamed(text, SOURCE).join(',');
    const lb = languagesNamed(other, locale).join(',');
    if (la !== lb) add(key, `languages named differ: tr=[${la}] ${locale}=[${lb}]`);
  }
}

/** Decap's untranslated stub, or a draft translation (issue 14): neither is published, the page falls back. */
const isStub = (data: Data) => (data.title === undefined && data.translationStatus === undefined) || data.translationStatus === 'draft';

/** Every difference between the translations and the Turkish source under `root` (a content/ folder). */
export function checkContent(root: string): Finding[] {
  const out: Finding[] = [];
  for (const collection of COLLECTIONS) {
    const folder = join(root, inContent(collectionFolder(collection)));
    const slugs = new Set(
      LOCALES.flatMap((l) => (existsSync(join(folder, l)) ? readdirSync(join(folder, l)) : []).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3))),
    );
    for (const slug of [...slugs].sort()) {
      const entry = entryIdOf(collection, slug);
      const sourceFile = join(root, contentFile(collection, SOURCE, slug));
      if (!existsSync(sourceFile)) continue;
      const source = readEntry(sourceFile);
      const src = profile(source.data as Data, source.body ?? '', SOURCE);
      for (const locale of LOCALES) {
        if (locale === SOURCE) continue;
        const file = join(root, contentFile(collection, locale, slug));
        if (!existsSync(file)) {
          out.push({ entry, locale, field: 'file', problem: 'missing' });
          continue;
        }
        const translation = readEntry(file);
        if (isStub(translation.data as Data)) continue; // not translated (or a draft): the page falls back, with a notice
        compareEntry(entry, src, profile(translation.data as Data, translation.body ?? '', locale), locale, out);
      }
    }
  }
  out.push(...checkUiStrings(root), ...checkSettings(root));
  return out;
}

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, String(value));
  return out;
}

const PLURAL = /_(?:zero|one|two|few|many|other)$/;

/** UI strings: the same keys (plural forms grouped), placeholders and numbers as Turkish. */
export function checkUiStrings(root: string): Finding[] {
  const out: Finding[] = [];
  const load = (l: Loc) => {
    const flat = flatten(JSON.parse(readFileSync(join(root, inContent(dataCollections.i18n.file(l))), 'utf8')));
    const grouped = new Map<string, string>();
    for (const [k, v] of flat) {
      const base = k.replace(PLURAL, '');
      grouped.set(base, grouped.has(base) ? `${grouped.get(base)}\n${v}` : v);
    }
    return { flat, grouped };
  };
  const src = load(SOURCE);
  for (const locale of LOCALES) {
    if (locale === SOURCE) continue;
    const tr = load(locale);
    for (const key of new Set([...src.grouped.keys(), ...tr.grouped.keys()])) {
      const a = src.grouped.get(key);
      const b = tr.grouped.get(key);
      const add = (problem: string) => out.push({ entry: `i18n/${locale}.json`, locale, field: key, problem });
      if (a === undefined || b === undefined) {
        add(a === undefined ? 'key not in tr.json' : 'key missing');
        continue;
      }
      const placeholders = (s: string) => [...new Set([...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]))].sort().join(',');
      if (placeholders(a) !== placeholders(b)) add(`placeholders differ: tr={${placeholders(a)}} ${locale}={${placeholders(b)}}`);
      // Plural forms repeat a string, so compare the numbers of one form: the "other" (or only) one.
      const one = (m: Map<string, string>, s: string) => m.get(`${key}_other`) ?? m.get(key) ?? s;
      const words = (s: string, l: Loc) => (UI_NUMBER_WORDS[l] ?? []).reduce((t, [pattern, digit]) => t.replace(pattern, digit), s);
      const na = count(numbersIn(words(one(src.flat, a), SOURCE), SOURCE));
      const nb = count(numbersIn(words(one(tr.flat, b), locale), locale));
      if (!sameCounts(na, nb)) add(`numbers differ: tr=[${show(na)}] ${locale}=[${show(nb)}]`);
    }
  }
  return out;
}

/**
 * Site settings: the quick-exit destination is one value for every language. The site reads it
 * from the source language's file only (src/lib/settings.ts, issue 14), so a translation's file
 * has none, or (written before issue 14) the same one.
 */
export function checkSettings(root: string): Finding[] {
  const read = (l: Loc) => readYaml(join(root, inContent(dataCollections.settings.file(l)))) as Data;
  const url = read(SOURCE).quickExitUrl;
  const differs = (l: Loc) => (l === SOURCE ? !url : read(l).quickExitUrl !== undefined && read(l).quickExitUrl !== url);
  return LOCALES.filter(differs).map((l) => ({ entry: 'settings/site', locale: l, field: 'quickExitUrl', problem: `tr=${String(url)} ${l}=${String(read(l).quickExitUrl)}` }));
}

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.entry} [${f.locale}] ${f.field}: ${f.problem}`).join('\n');
}
