/**
 * The CMS refuses, before saving, what the build refuses (issue 13): every
 * hostile fixture of tests/fixtures/bad-content/hostile-editor/, as the entry
 * Decap would hand to the save guard (admin/guard.ts `checkSave`, which
 * admin/save.ts runs before anything is written), is refused with a Turkish
 * message naming the language and the field. The guard's other rules see the
 * real repository (tests/fixtures' entries reference real helplines).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { checkSave, problemText, type ImmutableLike } from '../../admin/guard.ts';
import { contentRuleProblems } from '../../admin/content-rules.ts';
import { projectRoot } from '../../scripts/project-copy.mjs';
import { readContentFiles } from '../../scripts/translations.mjs';
import { localeName } from '../../src/lib/content-rules/entries.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'bad-content', 'hostile-editor');

/** The two methods the guard uses of Decap's Immutable entry. */
function entry(fields: { collection: string; slug: string; data: object }) {
  const plain: Record<string, unknown> = { ...fields, newRecord: true, i18n: {} };
  return {
    get: (key: string) => plain[key],
    getIn: (path: string[]) => path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], plain),
  };
}

/** A fixture file as Decap holds it in the editor: the front matter (or JSON) as data, the body as `body`. */
function asEntry(file: string) {
  const [, folder, locale, name] = file.split('/') as [string, string, string, string];
  const text = readFileSync(join(fixtures, file), 'utf8');
  if (folder === 'i18n') return { locale: locale.replace('.json', ''), entry: entry({ collection: 'ui-strings', slug: locale.replace('.json', ''), data: JSON.parse(text) }) };
  if (folder === 'settings') return { locale, entry: entry({ collection: 'settings', slug: locale, data: parseDocument(text).toJS() }) };
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text)!;
  // Decap's YAML reader keeps a `__proto__:` key as an own property, as the `yaml` package does.
  const data = { ...parseDocument(match[1]!).toJS(), body: match[2] };
  return { locale, entry: entry({ collection: folder, slug: name.replace('.md', ''), data }) };
}

/** The real repository, as admin/repository.ts loads it through the backend. */
const io = { repository: async () => readContentFiles(join(projectRoot, 'content')), sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };

/** The guard's refusal, one line per problem: "<locale>: <field>: <Turkish> (<English>)" (the build's form), and the line staff read. */
async function refusal(e: ImmutableLike) {
  const problems = await checkSave(String(e.get('collection')), e, io);
  return problems.map((p) => ({ line: `${((p as { locales?: string[] }).locales ?? []).join(',')}: ${p.en}`, staff: problemText(p) }));
}

/** Each fixture and the field its refusal must name (as the build prints it: "<locale>: <field>…"). */
const expected: Record<string, RegExp> = {
  'content/helplines/tr/fixture-fake-helpline.md': /^tr: number: yalnızca onaylı yardım hattı numaraları/,
  'content/helplines/tr/fixture-bidi-title.md': /^tr: title: yazının yönünü değiştiren görünmez bir karakter var: U\+202E/,
  'content/campaigns/tr/fixture-http-source.md': /^tr: sources\.0\.url: https:\/\/ ile başlayan/,
  'content/pages/tr/fixture-invisible-title.md': /^tr: title: en az bir harf içermeli/,
  'content/pages/tr/fixture-proto-key.md': /^tr: __proto__: "__proto__" adlı bir alan olamaz/,
  'content/pages/tr/fixture-constructor-key.md': /^tr: constructor: "constructor" adlı bir alan olamaz/,
  'content/pages/tr/fixture-prototype-key.md': /^tr: sources\.0\.prototype: "prototype" adlı bir alan olamaz/,
  'content/pages/tr/fixture-tel-fake-number.md': /^tr: body \(satır \d+\): "tel:\+905551234567" bağlantısı aranamaz/,
  'content/pages/tr/fixture-tel-call-forwarding.md': /^tr: body \(satır \d+\): "tel:\*21\*905551234567#" bağlantısı aranamaz/,
  'content/pages/tr/fixture-tel-arabic-digits.md': /^tr: body \(satır \d+\): "tel:١٥٧" bağlantısı aranamaz/,
  'content/pages/tr/fixture-tel-zero-width.md': /^tr: body \(satır \d+\): "tel:1<U\+200B>57" bağlantısı aranamaz/,
  'content/pages/tr/fixture-tel-encoded-rlo.md': /^tr: body \(satır \d+\): "tel:<U\+202E>751" bağlantısı aranamaz/,
  'content/pages/tr/fixture-tel-text-mismatch.md': /^tr: body \(satır \d+\): 183 numarasını arayan bağlantının metni "157"/,
  'content/pages/tr/fixture-number-link-elsewhere.md': /^tr: body \(satır \d+\): "157" bir numara gibi görünüyor/,
  'content/pages/tr/fixture-aria-label.md': /^tr: body \(satır \d+\): bağlantılarda aria-label kullanılamaz/,
  'content/pages/tr/fixture-bdo.md': /^tr: body \(satır \d+\): <bdo> kullanılamaz/,
  'content/pages/tr/fixture-bidi-body.md': /^tr: body \(satır \d+\): yazının yönünü değiştiren görünmez bir karakter var: U\+202E/,
  'content/pages/tr/fixture-deep-list.md': /^tr: body: metin çok derin iç içe geçmiş/,
  'content/pages/tr/fixture-deep-divs.md': /^tr: body: metin çok derin iç içe geçmiş/,
  'content/pages/tr/fixture-image-outside.md': /^tr: body \(satır \d+\): "\.\.\/\.\.\/\.\.\/\.\.\/usr\/share\/gitweb\/static\/git-logo\.png" resmi kullanılamaz/,
  'content/settings/tr/site.yml': /^tr: quickExitUrl: hızlı çıkış yalnızca şu adreslerden birine gidebilir/,
  'content/settings/ar/site.yml': /^ar: quickExitUrl: hızlı çıkış yalnızca/,
  'content/settings/fa/site.yml': /^fa: quickExitUrl: hızlı çıkış yalnızca/,
  'content/i18n/ku.json': /^ku: quickExit\.label: "\$t\(" kullanılamaz/,
  'content/i18n/ar.json': /^ar: quickExit\.label: bir metin olmalı/,
  'content/i18n/en.json': /^en: quickExit\.loading: "traffick" geçiyor/,
  'content/i18n/fa.json': /^fa: quickExit\.neutralTitle: "قاچاق" geçiyor/,
  'content/i18n/ru.json': /^ru: help\.call: \{\{number\}\} eksik/,
  'content/i18n/ps.json': /^ps: help\.title: yazının yönünü değiştiren/,
  'content/i18n/tr.json': /^tr: __proto__: "__proto__" adlı bir alan olamaz/,
};

const files = readdirSync(fixtures, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(fixtures, join(e.parentPath, e.name)))
  .filter((f) => !f.endsWith('fixture-yaml-tag.md')) // a YAML tag never reaches the CMS: Decap writes none (the build refuses it, see bad-content.test.ts)
  .sort();

test('every fixture the CMS can hold has an expected refusal', () => {
  assert.deepEqual(files, Object.keys(expected).sort());
});

for (const file of files) {
  test(`the CMS refuses ${file} before saving, naming the field in Turkish`, async () => {
    const { locale, entry: e } = asEntry(file);
    const problems = await refusal(e);
    const message = problems.map((p) => `${p.line}\n  ${p.staff}`).join('\n');
    assert.ok(problems.some((p) => expected[file]!.test(p.line)), `expected ${expected[file]} in:\n${message}`);
    // The English follows, for developers.
    assert.ok(problems.every((p) => /\(.+\)$/.test(p.line)), message);
    // Staff read the language by name and no code word first ("Türkçe — Telefon numarası: …").
    assert.ok(problems.every((p) => p.staff.startsWith(`${localeName(locale.replace('.json', ''))} — `)), message);
  });
}

test('the real UI strings and site settings of every language pass the CMS rules', async () => {
  for (const code of ['tr', 'ar', 'fa', 'ps', 'ku', 'ru', 'en']) {
    const strings = JSON.parse(readFileSync(join(projectRoot, 'content', 'i18n', `${code}.json`), 'utf8'));
    assert.deepEqual(contentRuleProblems('ui-strings', entry({ collection: 'ui-strings', slug: code, data: strings })), [], code);
    const settings = parseDocument(readFileSync(join(projectRoot, 'content', 'settings', code, 'site.yml'), 'utf8')).toJS();
    assert.deepEqual(await refusal(entry({ collection: 'settings', slug: code, data: settings })), [], code);
  }
});
