/**
 * Every translation agrees with its Turkish source on numbers, phone numbers,
 * article references, the languages it says a line answers in, and list
 * lengths (tests/content/consistency.ts; issue 11). The second group plants
 * known errors in a copy of the content and proves each one is reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataCollections } from '../../src/collections.ts';
import { checkContent, contentFile, entryIdOf, formatFindings, inContent, numbersIn, articleRefs, type Finding } from './consistency.ts';

const content = join(import.meta.dirname, '..', '..', 'content');

test('every locale of every entry, and the UI strings, agree with Turkish', () => {
  const findings = checkContent(content);
  assert.equal(findings.length, 0, `translations that differ from their Turkish source:\n${formatFindings(findings)}`);
});

test('digits in any script and thousands separators read as the same number', () => {
  assert.deepEqual(numbersIn('۳۱٬۳۳۷ و ۹٬۳۵۴', 'fa'), ['31337', '9354']);
  assert.deepEqual(numbersIn('٣١٬٣٣٧', 'ar'), ['31337']);
  assert.deepEqual(numbersIn("2015'te 31.337 iken", 'tr'), ['2015', '31337']);
  assert.deepEqual(numbersIn('31 337 and 31,337', 'en'), ['31337', '31337']);
  assert.deepEqual(numbersIn('157 günün her saati açıktır', 'tr'), ['157', '24']);
  assert.deepEqual(numbersIn('Круглосуточно, 7 дней в неделю', 'ru'), ['24', '7']);
});

test('article references are found before and after the word for "article"', () => {
  assert.deepEqual(articleRefs("Türk Ceza Kanunu'nun 80. maddesine göre", 'tr'), ['80']);
  assert.deepEqual(articleRefs('Law No. 6458, Articles 48 and 49', 'en'), ['48', '49']);
  assert.deepEqual(articleRefs('ماده ۴۸ و ۴۹ قانون ۶۴۵۸', 'fa'), ['48', '49']);
  assert.deepEqual(articleRefs('статьи 124 и 126', 'ru'), ['124', '126']);
});

/** A copy of content/ with `edits` applied: [file under content/, text to find, replacement]. */
function plant(edits: [string, string | RegExp, string][]): { dir: string; findings: Finding[] } {
  const dir = mkdtempSync(join(tmpdir(), 'xlang-'));
  cpSync(content, dir, { recursive: true });
  for (const [file, find, replace] of edits) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(find, replace);
    assert.notEqual(changed, text, `the planted edit did not apply to ${file}: ${String(find)}`);
    writeFileSync(path, changed);
  }
  return { dir, findings: checkContent(dir) };
}

test('planted errors are each reported, naming the entry, locale and field; Persian digits are not an error', () => {
  const { dir, findings } = plant([
    [contentFile('campaigns', 'ps', 'debt-bondage'), /6 میاشت/, '12 میاشت'], // a changed duration
    [contentFile('campaigns', 'ar', 'fake-job-offers'), /(warningSigns:\n(?: {2}- .*\n){2}) {2}- .*\n/, '$1'], // a dropped warning sign
    [contentFile('campaigns', 'ku', 'online-recruitment'), /157/, '175'], // a changed phone number
    [contentFile('rights', 'fa', 'how-to-report'), /عربی، /, ''], // a dropped language
    // Lists as the CMS writes them (src/lib/content-format.ts): one item per line.
    [contentFile('helplines', 'ru', '183'), 'languages:\n  - tr\n', 'languages:\n  - tr\n  - ar\n'], // an added language code
    [contentFile('campaigns', 'ru', 'false-romance'), 'helplines:\n  - "157"\n  - "112"\n  - "183"\n', 'helplines:\n  - "157"\n  - "112"\n'], // a dropped helpline
    [contentFile('rights', 'en', 'residence-permit-for-victims'), /Article 48/, 'Article 84'], // a changed article
    [inContent(dataCollections.i18n.file('en')), /"call": "[^"]*"/, '"call": "Call now"'], // a dropped placeholder
    // Not an error: the same numbers in Persian digits, with the Persian thousands separator.
    [contentFile('campaigns', 'fa', 'child-forced-marriage'), /31[.,]?337/g, '۳۱٬۳۳۷'],
  ]);
  try {
    const has = (entry: string, locale: string, field: RegExp) => findings.some((f) => f.entry === entry && f.locale === locale && field.test(f.field));
    const report = formatFindings(findings);
    assert.ok(has(entryIdOf('campaigns', 'debt-bondage'), 'ps', /^body§|whatToDo/), `changed duration not reported:\n${report}`);
    assert.ok(has(entryIdOf('campaigns', 'fake-job-offers'), 'ar', /^warningSigns\.length$/), `dropped warning sign not reported:\n${report}`);
    assert.ok(has(entryIdOf('campaigns', 'online-recruitment'), 'ku', /^phones$/), `changed phone number not reported:\n${report}`);
    assert.ok(has(entryIdOf('rights', 'how-to-report'), 'fa', /^body§/) && findings.some((f) => f.locale === 'fa' && /languages named/.test(f.problem)), `dropped language not reported:\n${report}`);
    assert.ok(has(entryIdOf('helplines', '183'), 'ru', /^languages$/), `added language code not reported:\n${report}`);
    assert.ok(has(entryIdOf('campaigns', 'false-romance'), 'ru', /^helplines$/), `dropped helpline not reported:\n${report}`);
    assert.ok(has(entryIdOf('rights', 'residence-permit-for-victims'), 'en', /^articles$/), `changed article not reported:\n${report}`);
    assert.ok(has(inContent(dataCollections.i18n.file('en')), 'en', /^help\.call$/), `dropped placeholder not reported:\n${report}`);
    assert.ok(!findings.some((f) => f.entry === entryIdOf('campaigns', 'child-forced-marriage')), `Persian digits were reported as a difference:\n${report}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
