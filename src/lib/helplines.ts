import type { LocaleCode } from '../i18n/locales.ts';
import { getCollection } from 'astro:content';
import { getLocalizedEntries, type Localized } from './entries.ts';

export type Helpline = Localized<'helplines'>;

/**
 * Helplines split into those that answer in the reader's language and the
 * rest (for which the reader can ask for an interpreter), each list in the
 * entries' `order`. For Pashto and Kurmanji no line is confirmed to answer,
 * so every line is in `others`.
 */
export async function helplinesFor(locale: LocaleCode, only?: readonly string[]): Promise<{ inLanguage: Helpline[]; others: Helpline[] }> {
  let all = (await getLocalizedEntries('helplines', locale)).sort((a, b) => a.entry.data.order - b.entry.data.order);
  if (only) all = only.map((slug) => all.find((h) => h.slug === slug)).filter((h): h is Helpline => h !== undefined);
  const answers = (h: Helpline) => h.entry.data.languages.includes(locale);
  return { inLanguage: all.filter(answers), others: all.filter((h) => !answers(h)) };
}

/**
 * The lines for the call strip at the top of a page (issue 10: a call within
 * the first screen of every page): only lines that answer in the reader's
 * language. Where the page names its own lines (a campaign's or a right's
 * `helplines`, most important first), those of them that answer, in that
 * order; if none of them does, every line that answers, by `order`. Empty
 * where no line is confirmed to answer in the language (Pashto and Kurmanji
 * today): the strip then links to the helplines page instead.
 */
export async function callFirstLines(locale: LocaleCode, pageLines?: readonly string[]): Promise<Helpline[]> {
  const { inLanguage } = await helplinesFor(locale);
  const own = (pageLines ?? []).map((slug) => inLanguage.find((h) => h.slug === slug)).filter((h): h is Helpline => h !== undefined);
  return own.length > 0 ? own : inLanguage;
}

/** The numbers of the helplines collection, as dialled ("112", "157", "183"): what text may link (src/lib/helpline-links.ts). */
export async function helplineNumbers(): Promise<string[]> {
  const entries = await getCollection('helplines');
  return [...new Set(entries.flatMap((e) => (e.data.kind === 'entry' ? [e.data.number] : [])))].sort();
}
