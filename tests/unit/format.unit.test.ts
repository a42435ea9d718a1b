/**
 * Dates, sizes, lists and language names in the reader's language
 * (src/lib/format.ts), and the language boundary rule (src/lib/lang.ts).
 * Lists and language names as readers see them on the helplines and materials pages
 * (issue 11 back-translation review: Latin commas inside Arabic-script lists, lower-case
 * Kurmanji language names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatDate, formatList, languageName } from '../../src/lib/format.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { langAttrs } from '../../src/lib/lang.ts';

const date = new Date('2026-11-20T00:00:00Z');

test('dates: Latin digits and the Gregorian calendar in every language (readers match them against Turkish paper)', () => {
  for (const locale of ['ar', 'fa', 'ps'] as const) {
    const text = formatDate(date, locale);
    assert.match(text, /2026/, `${locale}: ${text}`);
    assert.match(text, /20/, `${locale}: ${text}`);
    assert.doesNotMatch(text, /[\u0660-\u0669\u06F0-\u06F9]/, `${locale}: no Arabic-Indic or Persian digits in ${text}`);
    assert.doesNotMatch(text, /14\d\d/, `${locale}: not a Solar Hijri or Hijri year in ${text}`);
  }
  assert.equal(formatDate(date, 'tr'), '20 Kasım 2026');
  assert.equal(formatDate(date, 'en'), 'November 20, 2026');
});

test('dates: the UTC day, whatever the machine’s time zone', () => {
  assert.match(formatDate(new Date('2026-01-01T23:30:00Z'), 'en'), /January 1, 2026/);
});

test('sizes: bytes, kB, MB in 1,024 steps, Latin digits', () => {
  assert.equal(formatBytes(500, 'en'), '500 byte');
  assert.equal(formatBytes(1536, 'en'), '1.5 kB');
  assert.equal(formatBytes(10 * 1024 * 1024, 'en'), '10 MB');
  assert.doesNotMatch(formatBytes(1536, 'ar'), /[\u0660-\u0669]/);
});

test('language names in the reader’s language, and the code itself when Intl does not know it', () => {
  assert.equal(languageName('ar', 'en'), 'Arabic');
  assert.equal(languageName('tr', 'tr'), 'Türkçe');
  assert.equal(languageName('zz-invalid-!', 'en'), 'zz-invalid-!');
});

test('langAttrs: nothing when the text is in the container’s language, lang and dir when it is not', () => {
  assert.deepEqual(langAttrs('ar', 'ar'), {});
  assert.deepEqual(langAttrs('tr', 'ar'), { lang: 'tr', dir: 'ltr' });
  assert.deepEqual(langAttrs('fa', 'en'), { lang: 'fa', dir: 'rtl' });
  assert.deepEqual(langAttrs('ku', 'tr'), { lang: 'kmr-Latn', dir: 'ltr' }, 'the BCP-47 tag, not the URL code');
});

const codes = ['tr', 'en', 'ar', 'fa', 'ru'];

test("the list of a line's languages has no Latin comma in the right-to-left locales", () => {
  for (const locale of ['ar', 'fa', 'ps'] as const) {
    const list = formatList(
      codes.map((c) => languageName(c, locale)),
      locale,
    );
    assert.ok(!list.includes(','), `${locale}: ${list}`);
    assert.ok(list.includes(languageName('ru', locale)), `${locale}: every name is kept: ${list}`);
  }
  assert.equal(formatList(['A', 'B', 'C'], 'tr'), 'A, B ve C');
  assert.equal(formatList(['A', 'B', 'C'], 'ku'), 'A, B û C');
});

test("Kurmanji language names start with a capital letter, as in the site's text", () => {
  assert.equal(languageName('tr', 'ku'), 'Tirkî');
  assert.equal(languageName('en', 'ku'), 'Îngilîzî');
  // Other locales keep CLDR's own case (Russian writes language names in lower case).
  assert.equal(languageName('tr', 'ru'), 'турецкий');
  for (const locale of localeCodes) assert.ok(languageName('ar', locale).length > 1, locale);
});
