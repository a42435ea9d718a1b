/**
 * Drift test: the generated Decap CMS config (admin/config.ts) and the
 * collection registry and schemas (src/collections.ts) must agree, checked
 * against zod's own behaviour rather than against the JSON Schema the
 * generator reads:
 * - every schema field is a CMS field and no CMS field is missing from the schema;
 * - a field is required in the CMS exactly when the schema rejects it missing;
 * - select options are the enum's values, and the schema accepts each one;
 * - staff read Turkish: every field's label and hint come from the schema's
 *   `cms.tr` (the English `.describe()` stays for developers), every select
 *   option has a Turkish label; i18n modes are the schema's meta;
 * - all locales of the registry, default first; per-language files for
 *   settings and UI strings, plural keys expanded per locale; the /admin/*
 *   CSP header matches admin/csp.ts.
 * Against the real content (patterns accept every value, every UI string has
 * a field): tests/content/cms-config.content.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText } from '../../src/schemas/common.ts';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { buildCmsConfig } from '../../admin/config.ts';
import { uiStringFields } from '../../admin/ui-string-fields.ts';
import type { CmsField } from '../../admin/fields.ts';
import { adminCspHeader } from '../../admin/csp.ts';
import { collectionFolder, collectionNames, collections, dataCollections } from '../../src/collections.ts';
import { defaultLocale, locales, type LocaleCode } from '../../src/i18n/locales.ts';
import type { UiTree } from '../../src/i18n/ui.ts';
import type { UiStringSpec, UiStringTree } from '../../src/i18n/ui-strings.ts';
import { netlifyHeaderRules } from '../../scripts/lib/netlify.mjs';

const root = new URL('../../', import.meta.url);
/** A made-up UI-string file: the generator's behaviour, not the real strings (those: tests/content/). */
const english: UiTree = { nav: { home: 'Home' }, search: { results_one: '{{count}} result', results_other: '{{count}} results' } };
const config = buildCmsConfig({ englishStrings: english, decapServerPort: 8081 });
type Collection = { name: string; fields?: CmsField[]; files?: { name: string; file: string; fields: CmsField[] }[]; [key: string]: unknown };
const cmsCollections = config.collections as Collection[];
const collection = (name: string) => cmsCollections.find((c) => c.name === name)!;

/** The schema inside .optional()/.default(). */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}
const metaOf = (schema: z.ZodType) => ({ ...z.globalRegistry.get(inner(schema)), ...z.globalRegistry.get(schema) });
const descriptionOf = (schema: z.ZodType) => schema.description ?? inner(schema).description;

/** Compares CMS fields with a zod object shape, recursively; returns the disagreements. */
function compare(fields: CmsField[], shape: z.ZodRawShape, path: string, checkI18n: boolean): string[] {
  const problems: string[] = [];
  const names = fields.map((f) => f.name);
  const keys = Object.keys(shape);
  for (const key of keys) if (!names.includes(key)) problems.push(`${path}.${key}: in the schema, not in the CMS`);
  for (const name of names) if (!keys.includes(name)) problems.push(`${path}.${name}: in the CMS, not in the schema`);
  for (const field of fields) {
    const schema = shape[field.name] as z.ZodType | undefined;
    if (!schema) continue;
    const where = `${path}.${field.name}`;
    const schemaRequired = !schema.safeParse(undefined).success;
    if ((field.required !== false) !== schemaRequired) problems.push(`${where}: CMS required=${field.required !== false}, schema required=${schemaRequired}`);
    const meta = metaOf(schema) as { cms?: { i18n?: unknown; widget?: string; tr?: { label?: string; hint?: string; options?: Record<string, string> } } };
    const tr = meta.cms?.tr;
    if (!tr?.label) problems.push(`${where}: no Turkish label in the schema (cms.tr.label)`);
    else if (field.label !== tr.label) problems.push(`${where}: label "${field.label}" is not the schema's Turkish label`);
    if (meta.cms?.widget !== 'hidden') {
      if (!descriptionOf(schema)) problems.push(`${where}: no English description for developers`);
      if (!tr?.hint) problems.push(`${where}: no Turkish hint in the schema (cms.tr.hint)`);
      else if (field.hint !== tr.hint) problems.push(`${where}: hint is not the schema's Turkish hint`);
    }
    if (checkI18n && meta.cms?.i18n !== undefined && field.i18n !== meta.cms.i18n)
      problems.push(`${where}: i18n ${String(field.i18n)} but the schema says ${String(meta.cms.i18n)}`);
    const s = inner(schema);
    if (field.widget === 'select') {
      const enumSchema = s instanceof z.ZodArray ? (s.element as z.ZodType) : s;
      if (!(enumSchema instanceof z.ZodEnum)) {
        problems.push(`${where}: a select, but the schema is not an enum`);
      } else {
        const values = (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
        if (JSON.stringify(values) !== JSON.stringify(enumSchema.options)) problems.push(`${where}: options ${values} ≠ enum ${enumSchema.options}`);
        for (const option of values) if (!enumSchema.safeParse(option).success) problems.push(`${where}: schema rejects option ${option}`);
        for (const option of field.options ?? [])
          if (typeof option === 'string' || !option.label || option.label === option.value) problems.push(`${where}: option ${JSON.stringify(option)} has no Turkish label`);
        if (Boolean(field.multiple) !== s instanceof z.ZodArray)
          problems.push(`${where}: multiple=${field.multiple} but the schema ${s instanceof z.ZodArray ? 'is' : 'is not'} a list`);
      }
    }
    if (field.fields) {
      const objectSchema = s instanceof z.ZodArray ? inner(s.element as z.ZodType) : s;
      if (objectSchema instanceof z.ZodObject) problems.push(...compare(field.fields, objectSchema.shape, where, false));
      else problems.push(`${where}: has sub-fields, but the schema is not an object`);
    }
    if (s instanceof z.ZodArray && !field.fields && field.widget !== 'select' && field.widget !== 'relation' && !field.field)
      problems.push(`${where}: a list without an item field`);
  }
  return problems;
}

test('pattern messages are Turkish: the schema’s cms.tr.pattern, or the generator’s Turkish (none of its old English fallbacks)', () => {
  const messages: string[] = [];
  const walk = (fields: CmsField[] = [], where: string) => {
    for (const f of fields) {
      if (f.pattern) messages.push(`${where}.${f.name}: ${f.pattern[1]}`);
      walk(f.fields, `${where}.${f.name}`);
      if (f.field) walk([f.field], `${where}.${f.name}[]`);
    }
  };
  for (const c of cmsCollections) {
    walk(c.fields, c.name);
    for (const file of c.files ?? []) if (file.name === defaultLocale) walk(file.fields, `${c.name}/${file.name}`);
  }
  assert.ok(messages.length > 10, 'the walk finds the patterns');
  assert.deepEqual(
    messages.filter((m) => /\b(characters|Between|At least|expected form|web address)\b/.test(m)),
    [],
  );
});

test('i18n: every locale of the registry, default locale first, multiple_folders', () => {
  assert.deepEqual(config.i18n.locales, [defaultLocale, ...locales.map((l) => l.code).filter((c) => c !== defaultLocale)]);
  assert.equal(config.i18n.default_locale, defaultLocale);
  assert.equal(config.i18n.structure, 'multiple_folders');
  assert.equal(config.locale, 'tr');
  assert.equal(config.load_config_file, false);
  assert.deepEqual([config.media_folder, config.public_folder], ['public/uploads', '/uploads']);
});

for (const name of collectionNames) {
  test(`${name}: CMS fields match the schema (names, required, options, hints, i18n)`, () => {
    const c = collection(name);
    const fields = c.fields!.filter((f) => f.name !== 'body');
    assert.deepEqual(compare(fields, collections[name].fields, name, true), []);
  });

  test(`${name}: folder per locale, Markdown, Latin file name from the slug field, translatable body, labels from the registry`, () => {
    const c = collection(name);
    assert.equal(c.folder, collectionFolder(name));
    assert.deepEqual([c.label, c.label_singular], [collections[name].cms.label, collections[name].cms.singular]);
    assert.equal(c.extension, 'md');
    assert.equal(c.format, 'frontmatter');
    assert.equal(c.i18n, true);
    assert.equal(c.slug, '{{fields.slug}}');
    const slug = c.fields!.find((f) => f.name === 'slug')!;
    assert.equal(slug.i18n, 'duplicate');
    assert.ok(slug.pattern && !new RegExp(slug.pattern[0]).test('کمپین'), 'the slug pattern refuses non-Latin text');
    assert.ok(new RegExp(slug.pattern![0]).test('fake-job-offers'));
    const body = c.fields!.find((f) => f.name === 'body')!;
    assert.deepEqual([body.widget, body.i18n], ['markdown', true]);
    assert.deepEqual([body.label, body.hint], [bodyText.label, bodyText.hint], 'the body speaks Turkish too, from src/schemas/common.ts');
    const status = c.fields!.find((f) => f.name === 'translationStatus')!;
    assert.equal(status.i18n, true, 'translationStatus is per language, so untranslated stubs have none');
    assert.equal(status.default, undefined, 'a default would be written into every language and turn stubs into broken entries');
  });
}

test('settings: one file per locale, fields match the schema; the quick-exit address is edited once, in the default language', () => {
  const { cms, file, schema } = dataCollections.settings;
  const c = collection(cms.name);
  assert.deepEqual(
    c.files!.map((f) => f.file),
    config.i18n.locales.map((code) => file(code)),
  );
  for (const entry of c.files!) {
    const { quickExitUrl, ...perLanguage } = schema.shape;
    const shape = entry.name === defaultLocale ? { ...perLanguage, quickExitUrl } : perLanguage;
    assert.deepEqual(compare(entry.fields, shape, `settings/${entry.name}`, false), []);
  }
});

test('UI strings: one file per locale; fields follow the declaration; a plural key becomes one field per plural form the locale needs; hints are the note for translators and the English', () => {
  const { cms, file } = dataCollections.i18n;
  const c = collection(cms.name);
  assert.deepEqual(
    c.files!.map((f) => f.file),
    config.i18n.locales.map((code) => file(code)),
  );
  const spec = (description: string, more: Partial<UiStringSpec> = {}): UiStringSpec => ({ kind: 'string', description, placeholders: [], plural: false, neutral: false, ...more });
  /** A made-up declaration: the generator's behaviour, not the real one (src/i18n/ui-strings.ts). */
  const declared: UiStringTree = {
    nav: { home: spec('Menu link to the home page.'), about: spec('Footer link.') },
    search: { results: spec('Number of search results.', { placeholders: ['count'], plural: true }) },
  };
  const search = (code: LocaleCode) => uiStringFields(english, code, declared).find((f) => f.name === 'search')!.fields!;
  assert.deepEqual(
    search('ar')
      .map((f) => f.name)
      .sort(),
    ['results_few', 'results_many', 'results_one', 'results_other', 'results_two', 'results_zero'],
  );
  assert.deepEqual(
    search('tr')
      .map((f) => f.name)
      .sort(),
    ['results_one', 'results_other'],
  );
  assert.equal(search('ru').find((f) => f.name === 'results_few')!.hint, 'Number of search results. English: “{{count}} results (other)”');
  const nav = uiStringFields(english, 'fa', declared).find((f) => f.name === 'nav')!.fields!;
  assert.equal(nav[0]!.hint, 'Menu link to the home page. English: “Home”');
  // A declared key the English file does not have yet still gets its field, with the note alone.
  assert.deepEqual(nav[1], { name: 'about', label: nav[1]!.label, widget: 'string', hint: 'Footer link.' });
});

test('/admin/* in public/_headers sends the CSP of admin/csp.ts', async () => {
  // Read as Netlify reads it; tests/e2e/hosts.spec.ts checks Cloudflare's runtime sends the same.
  const { headers: rules, errors } = await netlifyHeaderRules(fileURLToPath(new URL('public/', root)));
  assert.deepEqual(errors, []);
  const admin = rules.find((r) => r.for === '/admin/*');
  assert.ok(admin, 'public/_headers has an /admin/* rule');
  assert.equal(admin.values['Content-Security-Policy'], adminCspHeader());
});
