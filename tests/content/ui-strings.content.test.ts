/**
 * UI strings (content/i18n/<locale>.json) against their declaration
 * (src/i18n/ui-strings.ts), through the rules the build and the CMS run
 * (src/lib/content-rules/ui-strings.ts): every locale's file has exactly the
 * declared keys, the CLDR plural forms of its language (Arabic: zero, one,
 * two, few, many, other; Russian: one, few, many, other), only declared
 * {{placeholders}}, no `$t(` nesting, no empty value, no bidi control; and the
 * texts the quick exit leaves on screen never name the subject. The hostile
 * files (tests/fixtures/bad-content/hostile-editor/content/i18n/, issue 13):
 * tests/unit/content-rules.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataCollections } from '../../src/collections.ts';
import { locales, type LocaleCode } from '../../src/i18n/locales.ts';
import { uiStringEntries } from '../../src/i18n/ui-strings.ts';
import { fieldName, SUBJECT_WORDS, subjectWordIn, uiStringProblems } from '../../src/lib/content-rules/index.ts';

const load = (code: LocaleCode) => JSON.parse(readFileSync(new URL(`../../${dataCollections.i18n.file(code)}`, import.meta.url), 'utf8'));

test('UI strings: every real locale file passes, and every key is declared with a description', () => {
  for (const { code } of locales) {
    const problems = uiStringProblems(code, load(code));
    assert.deepEqual(problems.map((p) => `${fieldName(p.path)}: ${p.en}`), [], code);
  }
  for (const [key, spec] of uiStringEntries()) assert.ok(spec.description.length > 15, `${key} needs a description for translators`);
});

test('UI strings: more rules — unknown keys, extra plural forms, unknown placeholders, empty values', () => {
  const hostile = structuredClone(load('en'));
  hostile.extra = 'x';
  hostile.campaigns.count_few = '{{count}} campaigns';
  hostile.help.intro = 'Call {{number}}';
  hostile.nav.home = '\u200B';
  hostile.help.call = 'Call {{number}} {{number, uppercase}}';
  assert.deepEqual(uiStringProblems('en', hostile).map((p) => fieldName(p.path)).sort(), ['campaigns.count_few', 'extra', 'help.call', 'help.intro', 'nav.home']);
});

test('neutral strings: each locale\'s word list passes today\'s text and catches the subject', () => {
  const hostile: Record<string, string> = {
    tr: 'İnsan ticareti sitesinden çıkılıyor',
    ar: 'جارٍ الخروج من موقع مكافحة الاتجار بالبشر',
    fa: 'در حال خروج از سایت',
    ps: 'له سایټ څخه وتل',
    ku: 'Ji malperê derdikevin',
    ru: 'Вы покидаете сайт',
    en: 'You are leaving the anti-trafficking site',
  };
  for (const { code } of locales) {
    assert.ok(SUBJECT_WORDS[code].length >= 10, code);
    const strings = load(code);
    for (const key of ['loading', 'neutralTitle']) assert.equal(subjectWordIn(code, strings.quickExit[key]), undefined, `${code} ${key}`);
    assert.ok(subjectWordIn(code, hostile[code]!), `${code}: "${hostile[code]}" should be caught`);
  }
});
