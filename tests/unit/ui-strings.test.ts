/**
 * UI strings (content/i18n/<locale>.json) against their declaration
 * (src/i18n/ui-strings.ts), through the rules the build and the CMS run
 * (src/lib/content-rules/ui-strings.ts): every locale's file has exactly the
 * declared keys, the CLDR plural forms of its language (Arabic: zero, one,
 * two, few, many, other; Russian: one, few, many, other), only declared
 * {{placeholders}}, no `$t(` nesting, no empty value, no bidi control; and the
 * texts the quick exit leaves on screen never name the subject. The hostile
 * files are tests/fixtures/bad-content/hostile-editor/content/i18n/ (issue 13).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales.ts';
import { uiStringEntries } from '../../src/i18n/ui-strings.ts';
import { fieldName, SUBJECT_WORDS, subjectWordIn, uiStringProblems } from '../../src/lib/content-rules/index.ts';
import { projectRoot } from '../../scripts/project-copy.mjs';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'bad-content', 'hostile-editor');

const UI_CASES: [string, string][] = [
  ['ku', 'quickExit.label'],
  ['ar', 'quickExit.label'],
  ['en', 'quickExit.loading'],
  ['fa', 'quickExit.neutralTitle'],
  ['ru', 'help.call'],
  ['ps', 'help.title'],
  ['tr', '__proto__'],
];
for (const [code, key] of UI_CASES) {
  test(`UI strings: content/i18n/${code}.json is refused on "${key}"`, () => {
    const problems = uiStringProblems(code, JSON.parse(readFileSync(join(fixtures, 'content', 'i18n', `${code}.json`), 'utf8')));
    assert.deepEqual(problems.map((p) => fieldName(p.path)), [key]);
  });
}

test('UI strings: every real locale file passes, and every key is declared with a description', () => {
  for (const { code } of locales) {
    const problems = uiStringProblems(code, JSON.parse(readFileSync(join(projectRoot, 'content', 'i18n', `${code}.json`), 'utf8')));
    assert.deepEqual(problems.map((p) => `${fieldName(p.path)}: ${p.en}`), [], code);
  }
  for (const [key, spec] of uiStringEntries()) assert.ok(spec.description.length > 15, `${key} needs a description for translators`);
});

test('UI strings: more rules — unknown keys, extra plural forms, unknown placeholders, empty values', () => {
  const en = JSON.parse(readFileSync(join(projectRoot, 'content', 'i18n', 'en.json'), 'utf8'));
  const hostile = structuredClone(en);
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
    const strings = JSON.parse(readFileSync(join(projectRoot, 'content', 'i18n', `${code}.json`), 'utf8'));
    for (const key of ['loading', 'neutralTitle']) assert.equal(subjectWordIn(code, strings.quickExit[key]), undefined, `${code} ${key}`);
    assert.ok(subjectWordIn(code, hostile[code]!), `${code}: "${hostile[code]}" should be caught`);
  }
});
