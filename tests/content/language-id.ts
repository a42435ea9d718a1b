/**
 * Language identification of the content (issue 11): each paragraph of an
 * entry's main text, and each long UI string, must be identified as the
 * language of the locale it is published under, so a Persian paragraph left on
 * a Pashto page, or Turkish left on a Kurmanji page, fails `npm test`.
 *
 * Identification is franc-all's trigram model (npm `franc-all`, pinned), asked
 * to choose among the site's languages only. Its language codes:
 *   tr → tur; ar → arb; fa → pes or prs (Iranian Persian or Dari: the site's
 *   Persian is meant for both); ps → pbu; ru → rus; en → eng;
 *   ku → ckb: franc-all has no `kmr`; its Latin-script Kurdish model is
 *   trained on a Kurmanji-like Latin text and labelled "ckb", and it is the
 *   only Latin-script Kurdish it knows. It tells Kurmanji from Turkish and
 *   English, which is what this check needs.
 *
 * Only paragraphs with at least MIN_LETTERS letters are judged: below that a
 * trigram model guesses (a list item of six words can look like anything).
 * Sources (copied in Turkish to every locale by design), link targets and
 * browser menu paths ("⋮ → History → Delete browsing data", quoting the
 * browser's own labels, often in English) are not part of the main text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-all';
import { readMarkdown as readEntry } from '../../src/lib/content-files.ts';
import { collectionFolder, dataCollections } from '../../src/collections.ts';
import { COLLECTIONS, inContent, LOCALES, type Loc } from './consistency.ts';

/** franc codes accepted for each locale. */
export const ACCEPTED: Record<Loc, readonly string[]> = {
  tr: ['tur'],
  ar: ['arb'],
  fa: ['pes', 'prs'],
  ps: ['pbu'],
  ku: ['ckb'],
  ru: ['rus'],
  en: ['eng'],
};
/** The candidates franc chooses among: the site's languages (Persian in both its forms). */
const CANDIDATES = [...new Set(Object.values(ACCEPTED).flat())];
/** Letters a paragraph needs before its language is judged. */
export const MIN_LETTERS = 80;

export interface Verdict {
  where: string;
  locale: Loc;
  /** franc's best guess, and its runner-up with the score (1 = as good as the best). */
  guess: string;
  runnerUp: string;
  text: string;
}

/** franc's best code among the site's languages, and the runner-up. */
export function identify(text: string): { best: string; runnerUp: string } {
  const ranked = francAll(text, { only: CANDIDATES, minLength: 10 });
  const [best, second] = ranked;
  return { best: best?.[0] ?? 'und', runnerUp: second ? `${second[0]} ${second[1].toFixed(2)}` : '' };
}

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;

/** Markdown to plain text: no link targets, emphasis marks, list markers, table pipes, headings' hashes, HTML tags or text marked with its own lang. */
export function plain(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/[→←]/.test(line)) // a menu path ("Menu → History → …") quotes the browser's own labels
    .join('\n')
    // Text an editor marked as another language (<span lang="en">History</span>, issue 10 point 3)
    // is not the page's language by design; other inline HTML tags are not words.
    .replace(/<(\w+)\b[^>]*\blang="[^"]*"[^>]*>[^<]*<\/\1>/g, '')
    .replace(/<\/?\w+\b[^>]*>/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_`[\]]/g, '')
    .replace(/^\s*(?:#{1,6}|[-*]|\d+\.)\s+/gm, '')
    .replace(/\|/g, ' ')
    .replace(/^\s*-{3,}\s*$/gm, '')
    .replace(/https?:\/\/\S+/g, '');
}

/** The main text of an entry: title, summary/description/purpose, list items, and the body's paragraphs. */
export function paragraphsOf(data: Record<string, unknown>, body: string): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const key of ['title', 'summary', 'description', 'purpose', 'languagesNote']) {
    if (typeof data[key] === 'string') out.push({ where: key, text: data[key] });
  }
  for (const key of ['warningSigns', 'whatToDo', 'whatNotToDo']) {
    const list = data[key];
    // A list is judged as one text: its items are often too short alone.
    if (Array.isArray(list)) out.push({ where: key, text: list.map(String).join('\n') });
  }
  body
    .split(/\n\s*\n/)
    .map((block) => plain(block).trim())
    .forEach((text, i) => out.push({ where: `body¶${i + 1}`, text }));
  return out;
}

/** Paragraphs, under `root` (a content/ folder), whose language is not the locale's. */
export function checkLanguages(root: string): Verdict[] {
  const wrong: Verdict[] = [];
  for (const collection of COLLECTIONS) {
    for (const locale of LOCALES) {
      const dir = join(root, inContent(collectionFolder(collection)), locale);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
        const { data, body } = readEntry(join(dir, name));
        const record = data as Record<string, unknown>;
        if (record.title === undefined && record.translationStatus === undefined) continue; // Decap's empty stub
        for (const p of paragraphsOf(record, body ?? '')) {
          const verdict = judge(`${inContent(collectionFolder(collection))}/${locale}/${name}#${p.where}`, locale, p.text);
          if (verdict) wrong.push(verdict);
        }
      }
    }
  }
  for (const locale of LOCALES) {
    const strings = flatStrings(JSON.parse(readFileSync(join(root, inContent(dataCollections.i18n.file(locale))), 'utf8')));
    for (const [key, value] of strings) {
      const verdict = judge(`i18n/${locale}.json#${key}`, locale, value.replace(/{{\s*\w+\s*}}/g, ''));
      if (verdict) wrong.push(verdict);
    }
    // All the UI strings together: a file left half in another language fails even if each string is short.
    const all = judge(`i18n/${locale}.json (all strings)`, locale, [...strings.values()].join('\n').replace(/{{\s*\w+\s*}}/g, ''));
    if (all) wrong.push(all);
  }
  return wrong;
}

/** A verdict if `text` is long enough to judge and is not identified as `locale`'s language. */
export function judge(where: string, locale: Loc, text: string): Verdict | undefined {
  if (letters(text) < MIN_LETTERS) return undefined;
  const { best, runnerUp } = identify(text);
  return ACCEPTED[locale].includes(best) ? undefined : { where, locale, guess: best, runnerUp, text: text.slice(0, 160) };
}

function flatStrings(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatStrings(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else if (typeof value === 'string') out.set(prefix, value);
  return out;
}

export function formatVerdicts(verdicts: Verdict[]): string {
  return verdicts.map((v) => `  ${v.where}: expected ${ACCEPTED[v.locale].join('/')}, identified as ${v.guess} (runner-up ${v.runnerUp}): "${v.text}"`).join('\n');
}
