import type { LocaleCode } from '../i18n/locales.ts';
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
