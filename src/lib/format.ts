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

export function languageName(code: string, inLocale: LocaleCode): string {
  try {
    return new Intl.DisplayNames([getLocale(inLocale).tag, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
