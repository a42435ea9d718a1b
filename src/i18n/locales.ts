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
  /** BCP-47 tag for `<html lang>`, hreflang and Intl. */
  readonly tag: string;
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
  { code: 'tr', editorName: 'Türkçe', tag: 'tr', nativeName: 'Türkçe', englishName: 'Turkish', dir: 'ltr', script: 'latin' },
  { code: 'ar', editorName: 'Arapça', tag: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', script: 'arabic' },
  { code: 'fa', editorName: 'Farsça', tag: 'fa', nativeName: 'فارسی', englishName: 'Persian', dir: 'rtl', script: 'arabic' },
  { code: 'ps', editorName: 'Peştuca', tag: 'ps', nativeName: 'پښتو', englishName: 'Pashto', dir: 'rtl', script: 'arabic' },
  { code: 'ku', editorName: 'Kürtçe (Kurmancî)', tag: 'kmr-Latn', nativeName: 'Kurmancî', englishName: 'Kurmanji Kurdish', dir: 'ltr', script: 'latin' },
  { code: 'ru', editorName: 'Rusça', tag: 'ru', nativeName: 'Русский', englishName: 'Russian', dir: 'ltr', script: 'cyrillic' },
  { code: 'en', editorName: 'İngilizce', tag: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr', script: 'latin' },
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

export function getLocaleDir(code: string): Direction {
  return getLocale(code).dir;
}

/** The fallback chain for a locale: itself first, then fallbackOrder, without repeats. */
export function localeChain(code: LocaleCode): LocaleCode[] {
  return [code, ...fallbackOrder, defaultLocale].filter((c, i, all) => all.indexOf(c) === i);
}
