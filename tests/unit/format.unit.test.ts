/**
 * Dates, sizes and language names in the reader's language
 * (src/lib/format.ts), and the language boundary rule (src/lib/lang.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatDate, languageName } from '../../src/lib/format.ts';
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
