/**
 * The language boundary: `lang` and `dir` on text whose language differs from
 * the element it sits in. One rule for the whole site, so screen readers
 * switch voice, hyphenation and fonts follow the text, and a Turkish phrase
 * inside an Arabic page keeps its own direction.
 *
 * Where it is used: UI strings (headings, labels) inside a fallback entry,
 * whose <main> carries the entry's language; an entry's title or text inside a
 * page in another language (list cards, helplines, call buttons).
 */
import { getLocale, type LocaleCode } from '../i18n/locales.ts';

/**
 * `{ lang, dir }` for text in `textLocale` placed inside an element in
 * `containerLocale`, or `{}` when they are the same language (nothing to mark).
 * `'mul'`: a container in many languages (the language chooser, the root 404).
 * Spread it onto the element: `<p {...langAttrs(item.contentLocale, locale)}>`.
 */
export function langAttrs(textLocale: LocaleCode, containerLocale: LocaleCode | 'mul'): { lang: string; dir: 'ltr' | 'rtl' } | Record<string, never> {
  if (textLocale === containerLocale) return {};
  const { tag, dir } = getLocale(textLocale);
  return { lang: tag, dir };
}
