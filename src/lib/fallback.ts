/**
 * Which translation a reader gets: the rule behind "missing translations never 404".
 *
 * Every entry exists once per slug; each locale may or may not have its own
 * translation. A reader of any locale gets a page for every slug:
 * - their own translation when it exists;
 * - otherwise the first real one along `localeChain()` (English, then Turkish),
 *   shown with a notice, `<main lang dir>` set to that text's language, and no
 *   hreflang alternate for the missing locale;
 * - if the chain finds none (only a language outside the chain has it), the
 *   first translation in registry order.
 * Decap's empty "stub" files never reach here: src/lib/entries.ts passes only
 * real translations. Pure (no astro:content), so tests/unit/fallback.unit.test.ts
 * runs it without a build.
 */
import { localeChain, localeCodes, type LocaleCode } from '../i18n/locales.ts';

export interface Resolved<E> {
  slug: string;
  /** The locale of the page (the URL). */
  locale: LocaleCode;
  /** The locale the text is actually in. */
  contentLocale: LocaleCode;
  isFallback: boolean;
  entry: E;
  /** Locales that have a real translation of this slug (for hreflang, the switcher and the sitemap), in registry order. */
  translatedIn: LocaleCode[];
}

/** The entry a reader of `locale` sees for `slug`, or undefined when no locale has a real translation. */
export function resolveTranslation<E>(slug: string, locale: LocaleCode, translations: ReadonlyMap<LocaleCode, E>): Resolved<E> | undefined {
  const translatedIn = localeCodes.filter((code) => translations.has(code));
  const contentLocale = localeChain(locale).find((code) => translations.has(code)) ?? translatedIn[0];
  if (!contentLocale) return undefined;
  return { slug, locale, contentLocale, isFallback: contentLocale !== locale, entry: translations.get(contentLocale)!, translatedIn };
}
