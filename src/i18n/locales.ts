/**
 * The locale registry: the only place a language is defined.
 *
 * Everything else derives from this list: Astro's i18n config, every page's
 * `<html lang dir>`, hreflang links, the sitemap, the language chooser and
 * switcher, Pagefind's per-language indexes, and the Decap CMS i18n config.
 *
 * Adding a language = one entry here + one strings file `content/i18n/<code>.json`
 * (the strings test fails until every key is there).
 */
export type Direction = 'ltr' | 'rtl';

export interface Locale {
  /** URL prefix and content subfolder: `/ar/...`, `content/campaigns/ar/...`. */
  readonly code: string;
  /** Precise BCP-47 tag for `lang` attributes and Intl: `<html lang>`, Pagefind's index name. */
  readonly tag: string;
  /**
   * The code search engines read, in hreflang links and the sitemap. Google
   * reads hreflang as an ISO 639-1 language code (optionally with a region),
   * so a three-letter tag such as `kmr-Latn` is never offered to readers:
   * Kurmanji is `ku` there. Equal to `tag` wherever `tag` is already ISO 639-1.
   * https://developers.google.com/search/docs/specialty/international/localized-versions#language-codes
   */
  readonly hreflang: string;
  /** The language's own name for itself, as readers look for it. */
  readonly nativeName: string;
  /** English name, for developer-facing reports. */
  readonly englishName: string;
  /** Name in the CMS's language (Turkish: admin/config.ts EDITOR_LOCALE), for staff. */
  readonly editorName: string;
  readonly dir: Direction;
  /** Script family, used to pick a font stack and line height. */
  readonly script: 'latin' | 'arabic' | 'cyrillic';
}

export const locales = [
  { code: 'tr', editorName: 'Türkçe', tag: 'tr', hreflang: 'tr', nativeName: 'Türkçe', englishName: 'Turkish', dir: 'ltr', script: 'latin' },
  { code: 'ar', editorName: 'Arapça', tag: 'ar', hreflang: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', script: 'arabic' },
  { code: 'fa', editorName: 'Farsça', tag: 'fa', hreflang: 'fa', nativeName: 'فارسی', englishName: 'Persian', dir: 'rtl', script: 'arabic' },
  { code: 'ps', editorName: 'Peştuca', tag: 'ps', hreflang: 'ps', nativeName: 'پښتو', englishName: 'Pashto', dir: 'rtl', script: 'arabic' },
  { code: 'ku', editorName: 'Kürtçe (Kurmancî)', tag: 'kmr-Latn', hreflang: 'ku', nativeName: 'Kurmancî', englishName: 'Kurmanji Kurdish', dir: 'ltr', script: 'latin' },
  { code: 'ru', editorName: 'Rusça', tag: 'ru', hreflang: 'ru', nativeName: 'Русский', englishName: 'Russian', dir: 'ltr', script: 'cyrillic' },
  { code: 'en', editorName: 'İngilizce', tag: 'en', hreflang: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr', script: 'latin' },
] as const satisfies readonly Locale[];

export type LocaleCode = (typeof locales)[number]['code'];

/** The source language of the site and the CMS's default locale. */
export const defaultLocale: LocaleCode = 'tr';

/**
 * Where to look when an entry has no translation in the reader's language.
 * English is the second choice because more readers of every language read it
 * than Turkish-only text; the default (source) locale is last resort.
 */
export const fallbackOrder: readonly LocaleCode[] = ['en', 'tr'];

export const localeCodes: readonly LocaleCode[] = locales.map((l) => l.code);

export function isLocaleCode(value: string): value is LocaleCode {
  return (localeCodes as readonly string[]).includes(value);
}

export function getLocale(code: string): Locale {
  const locale = locales.find((l) => l.code === code);
  if (!locale) throw new Error(`Unknown locale "${code}". Known: ${localeCodes.join(', ')}`);
  return locale;
}

/** The fallback chain for a locale: itself first, then fallbackOrder, without repeats. */
export function localeChain(code: LocaleCode): LocaleCode[] {
  return [code, ...fallbackOrder, defaultLocale].filter((c, i, all) => all.indexOf(c) === i);
}
