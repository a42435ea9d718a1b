/**
 * The CMS refuses, before saving, what the build refuses (issue 13): every
 * hostile fixture of tests/fixtures/bad-content/hostile-editor/, as the entry
 * Decap would hand to the save guard (admin/guard.ts `checkSave`, which
 * admin/save.ts runs before anything is written), is refused with a Turkish
 * message naming the language and the field. The guard's cross-entry rules
 * see a made-up repository holding the vetted helplines the fixtures name.
 * The real content passes: tests/content/cms-content-rules.content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { checkSave, problemText, type ImmutableLike } from '../../admin/guard.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { dataCollections, entryFile } from '../../src/collections.ts';
import { HELPLINE_NUMBERS } from '../../src/lib/content-rules/allowlists.ts';
import { localeName, type ContentFile } from '../../src/lib/content-rules/entries.ts';
import { listPath, localePath } from '../../src/routes.ts';

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
  if (file.startsWith(`${dataCollections.i18n.folder}/`)) {
    const code = locale.replace('.json', '');
    return { locale: code, entry: entry({ collection: dataCollections.i18n.cms.name, slug: code, data: JSON.parse(text) }) };
  }
  if (file.startsWith(`${dataCollections.settings.folder}/`))
    return { locale, entry: entry({ collection: dataCollections.settings.cms.name, slug: locale, data: parseDocument(text).toJS() }) };
  const { yaml, body } = splitFrontMatter(text)!;
  // Decap's YAML reader keeps a `__proto__:` key as an own property, as the `yaml` package does.
  const data = { ...parseDocument(yaml).toJS(), body };
  return { locale, entry: entry({ collection: folder, slug: name.replace('.md', ''), data }) };
}

/** A repository of one Turkish file per vetted helpline (slug = number), as admin/repository.ts would load it. */
const repository: ContentFile[] = HELPLINE_NUMBERS.map((number) => ({ collection: 'helplines', locale: 'tr', name: number, data: { slug: number, number }, body: '' }));
const io = { repository: async () => repository, sizeOf: async () => () => undefined, newUploads: new Map<string, File>() };

/** The guard's refusal, one line per problem: "<locale>: <field>: <Turkish> (<English>)" (the build's form), and the line staff read. */
async function refusal(e: ImmutableLike) {
  const problems = await checkSave(String(e.get('collection')), e, io);
  return problems.map((p) => ({ line: `${((p as { locales?: string[] }).locales ?? []).join(',')}: ${p.en}`, staff: problemText(p) }));
}

/** Each fixture and the field its refusal must name (as the build prints it: "<locale>: <field>…"). */
const expected: Record<string, RegExp> = {
  [entryFile('helplines', 'tr', 'fixture-fake-helpline')]: /^tr: number: yalnızca onaylı yardım hattı numaraları/,
  [entryFile('helplines', 'tr', 'fixture-bidi-title')]: /^tr: title: yazının yönünü değiştiren görünmez bir karakter var: U\+202E/,
  [entryFile('campaigns', 'tr', 'fixture-http-source')]: /^tr: sources\.0\.url: https:\/\/ ile başlayan/,
  [entryFile('pages', 'tr', 'fixture-invisible-title')]: /^tr: title: en az bir harf içermeli/,
  [entryFile('pages', 'tr', 'fixture-proto-key')]: /^tr: __proto__: "__proto__" adlı bir alan olamaz/,
  [entryFile('pages', 'tr', 'fixture-constructor-key')]: /^tr: constructor: "constructor" adlı bir alan olamaz/,
  [entryFile('pages', 'tr', 'fixture-prototype-key')]: /^tr: sources\.0\.prototype: "prototype" adlı bir alan olamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-fake-number')]: /^tr: body \(satır \d+\): "tel:\+905551234567" bağlantısı aranamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-call-forwarding')]: /^tr: body \(satır \d+\): "tel:\*21\*905551234567#" bağlantısı aranamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-arabic-digits')]: /^tr: body \(satır \d+\): "tel:١٥٧" bağlantısı aranamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-zero-width')]: /^tr: body \(satır \d+\): "tel:1<U\+200B>57" bağlantısı aranamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-encoded-rlo')]: /^tr: body \(satır \d+\): "tel:<U\+202E>751" bağlantısı aranamaz/,
  [entryFile('pages', 'tr', 'fixture-tel-text-mismatch')]: /^tr: body \(satır \d+\): 183 numarasını arayan bağlantının metni "157"/,
  [entryFile('pages', 'tr', 'fixture-number-link-elsewhere')]: /^tr: body \(satır \d+\): "157" bir numara gibi görünüyor/,
  [entryFile('pages', 'tr', 'fixture-aria-label')]: /^tr: body \(satır \d+\): bağlantılarda aria-label kullanılamaz/,
  // Attacker's review, 2026-12-02.
  [entryFile('pages', 'tr', 'fixture-aria-label-footnote')]: /^tr: body \(satır \d+\): bağlantılarda aria-label kullanılamaz/,
  [entryFile('pages', 'tr', 'fixture-number-link-zwj')]: /^tr: body \(satır \d+\): "1<U\+200D>57" bir numara gibi görünüyor/,
  [entryFile('pages', 'tr', 'fixture-number-link-script')]: /^tr: body \(satır \d+\): "157" bir numara gibi görünüyor/,
  [entryFile('pages', 'tr', 'fixture-number-link-words')]: /^tr: body \(satır \d+\): "157 hattına WhatsApp ile yazın" bir numara gibi görünüyor/,
  [entryFile('pages', 'tr', 'fixture-unclosed-textarea')]: /^tr: body: <textarea> açılmış ama kapatılmamış/,
  [entryFile('pages', 'tr', 'fixture-unclosed-object')]: /^tr: body: <object> açılmış ama kapatılmamış/,
  [entryFile('pages', 'tr', 'fixture-phone-number-text')]: /^tr: body \(satır \d+\): bir telefon numarası var: "0 850 555 12 34"/,
  [entryFile('helplines', 'tr', 'fixture-number-in-title')]: /^tr: title: bir telefon numarası var: "0850 555 12 34"/,
  [entryFile('pages', 'tr', 'fixture-bdo')]: /^tr: body \(satır \d+\): <bdo> kullanılamaz/,
  [entryFile('pages', 'tr', 'fixture-bidi-body')]: /^tr: body \(satır \d+\): yazının yönünü değiştiren görünmez bir karakter var: U\+202E/,
  [entryFile('pages', 'tr', 'fixture-deep-list')]: /^tr: body: metin çok derin iç içe geçmiş/,
  [entryFile('pages', 'tr', 'fixture-deep-divs')]: /^tr: body: metin çok derin iç içe geçmiş/,
  [entryFile('pages', 'tr', 'fixture-image-outside')]: /^tr: body \(satır \d+\): "\.\.\/\.\.\/\.\.\/\.\.\/usr\/share\/gitweb\/static\/git-logo\.png" resmi kullanılamaz/,
  [dataCollections.settings.file('tr')]: /^tr: quickExitUrl: hızlı çıkış yalnızca şu adreslerden birine gidebilir/,
  [dataCollections.settings.file('ar')]: /^ar: quickExitUrl: hızlı çıkış yalnızca/,
  [dataCollections.settings.file('fa')]: /^fa: quickExitUrl: hızlı çıkış yalnızca/,
  [dataCollections.i18n.file('ku')]: /^ku: quickExit\.label: "\$t\(" kullanılamaz/,
  [dataCollections.i18n.file('ar')]: /^ar: quickExit\.label: bir metin olmalı/,
  [dataCollections.i18n.file('en')]: /^en: quickExit\.loading: "traffick" geçiyor/,
  [dataCollections.i18n.file('fa')]: /^fa: quickExit\.neutralTitle: "قاچاق" geçiyor/,
  [dataCollections.i18n.file('ru')]: /^ru: help\.call: \{\{number\}\} eksik/,
  [dataCollections.i18n.file('ps')]: /^ps: help\.title: yazının yönünü değiştiren/,
  [dataCollections.i18n.file('tr')]: /^tr: __proto__: "__proto__" adlı bir alan olamaz/,
};

const files = readdirSync(fixtures, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(fixtures, join(e.parentPath, e.name)))
  .filter((f) => !f.endsWith('fixture-yaml-tag.md')) // a YAML tag never reaches the CMS: Decap writes none (the build refuses it, see tests/build/bad-content.build.test.ts)
  .filter((f) => !f.endsWith('fixture-alias-loop.md')) // nor does an alias loop: Decap's editor holds plain data and writes no alias (the build refuses it, same test)
  .sort();

test('every fixture the CMS can hold has an expected refusal', () => {
  assert.deepEqual(files, Object.keys(expected).sort());
});

for (const file of files) {
  test(`the CMS refuses ${file} before saving, naming the field in Turkish`, async () => {
    const { locale, entry: e } = asEntry(file);
    const problems = await refusal(e);
    const message = problems.map((p) => `${p.line}\n  ${p.staff}`).join('\n');
    assert.ok(
      problems.some((p) => expected[file]!.test(p.line)),
      `expected ${expected[file]} in:\n${message}`,
    );
    // The English follows, for developers.
    assert.ok(
      problems.every((p) => /\(.+\)$/.test(p.line)),
      message,
    );
    // Staff read the language by name and no code word first ("Türkçe — Telefon numarası: …").
    assert.ok(
      problems.every((p) => p.staff.startsWith(`${localeName(locale.replace('.json', ''))} — `)),
      message,
    );
  });
}

test("the CMS refuses a new page that would take the address of one of the site's own pages (attacker's review, 2026-12-02)", async () => {
  const page = entry({
    collection: 'pages',
    slug: 'helplines',
    data: { slug: 'helplines', title: 'Yardım hatları değişti', summary: 'Bir sayfa.', translationStatus: 'source', body: 'Metin.' },
  });
  const problems = await refusal(page);
  assert.ok(
    problems.some(
      (p) =>
        /^tr: field "slug" is "helplines", the address of one of the site's own pages/.test(p.line) &&
        p.staff.includes(`sitenin kendi sayfalarından birinin adresi (${localePath('tr', listPath('helplines'))})`),
    ),
    problems.map((p) => `${p.line}\n  ${p.staff}`).join('\n'),
  );
});
