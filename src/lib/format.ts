import { getLocale, type LocaleCode } from '../i18n/locales.ts';

// One formatter per locale for the whole build: creating an Intl.DateTimeFormat costs far more than
// formatting, and thousands of pages each format a date (measured: 1.5 s of CPU over 6,400 pages).
const dateFormats = new Map<LocaleCode, Intl.DateTimeFormat>();

/**
 * Dates in the reader's language. Latin digits everywhere (`nu-latn`): the
 * numbers readers dial and compare are printed in Latin digits on phones,
 * signs and documents in Türkiye, so the whole site uses one digit set.
 * Gregorian calendar everywhere (`ca-gregory`): Persian and Pashto default to
 * the Solar Hijri calendar, but the dates here are those of Turkish laws,
 * permits and documents, which readers must match against paper.
 */
export function formatDate(date: Date, locale: LocaleCode): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(`${getLocale(locale).tag}-u-ca-gregory-nu-latn`, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

export function formatBytes(bytes: number, locale: LocaleCode): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(`${getLocale(locale).tag}-u-nu-latn`, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * The name of a language (ISO 639 code) in the reader's locale, from CLDR via Intl.DisplayNames.
 * Kurmanji writes language names with a capital letter ("Tirkî"), as the site's text does, but
 * CLDR's names are lower-case ("tirkî"): the first letter is raised for `ku` (back-translation
 * review, issue 11). Returns the code itself if the runtime knows no name.
 */
export function languageName(code: string, inLocale: LocaleCode): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([getLocale(inLocale).tag, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
  return inLocale === 'ku' ? name.charAt(0).toLocaleUpperCase('ku') + name.slice(1) : name;
}

/**
 * A list ("A, B and C") in the reader's conventions, via Intl.ListFormat: Arabic and Persian
 * commas and "و", Kurmanji "û", so no Latin ", " sits inside right-to-left text (issue 11).
 */
export function formatList(items: readonly string[], locale: LocaleCode): string {
  return new Intl.ListFormat(getLocale(locale).tag, { type: 'conjunction' }).format(items);
}

/**
 * The comma of the reader's script: "،" (U+060C ARABIC COMMA) for Arabic,
 * Persian and Pashto, "," otherwise (CLDR's list patterns for ar, fa and ps use
 * U+060C). Used where a pause must be heard and kept in copied text but not
 * seen: between a call button's number and the line's name ("112, 112 Acil
 * Çağrı Merkezi", never "112112").
 */
export function commaFor(locale: LocaleCode): string {
  return getLocale(locale).script === 'arabic' ? '\u060C' : ',';
}
