/**
 * Lists and language names as readers see them on the helplines and materials pages
 * (issue 11 back-translation review: Latin commas inside Arabic-script lists, lower-case
 * Kurmanji language names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatList, languageName } from '../../src/lib/format.ts';
import { localeCodes } from '../../src/i18n/locales.ts';

const codes = ['tr', 'en', 'ar', 'fa', 'ru'];

test('the list of a line\'s languages has no Latin comma in the right-to-left locales', () => {
  for (const locale of ['ar', 'fa', 'ps'] as const) {
    const list = formatList(codes.map((c) => languageName(c, locale)), locale);
    assert.ok(!list.includes(','), `${locale}: ${list}`);
    assert.ok(list.includes(languageName('ru', locale)), `${locale}: every name is kept: ${list}`);
  }
  assert.equal(formatList(['A', 'B', 'C'], 'tr'), 'A, B ve C');
  assert.equal(formatList(['A', 'B', 'C'], 'ku'), 'A, B û C');
});

test('Kurmanji language names start with a capital letter, as in the site\'s text', () => {
  assert.equal(languageName('tr', 'ku'), 'Tirkî');
  assert.equal(languageName('en', 'ku'), 'Îngilîzî');
  // Other locales keep CLDR's own case (Russian writes language names in lower case).
  assert.equal(languageName('tr', 'ru'), 'турецкий');
  for (const locale of localeCodes) assert.ok(languageName('ar', locale).length > 1, locale);
});
