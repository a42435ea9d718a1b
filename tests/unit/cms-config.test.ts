/**
 * Drift test: the generated Decap CMS config (admin/config.ts) and the
 * content schemas (src/schemas/) must agree, checked against zod's own
 * behaviour rather than against the JSON Schema the generator reads:
 * - every schema field is a CMS field and no CMS field is missing from the schema;
 * - a field is required in the CMS exactly when the schema rejects it missing;
 * - select options are the enum's values, and the schema accepts each one;
 * - staff read Turkish: every field's label and hint come from the schema's
 *   `cms.tr` (the English `.describe()` stays for developers), every select
 *   option has a Turkish label; i18n modes are the schema's meta;
 * - every Decap pattern accepts every value the real content has (content
 *   passes the schema, so a stricter CMS would lock editors out of it);
 * - all locales of the registry, default first; per-language files for
 *   settings and UI strings; the /admin/* CSP header matches admin/csp.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { buildCmsConfig, folderCollections, type UiTree } from '../../admin/config.ts';
import type { CmsField } from '../../admin/fields.ts';
import { adminCspHeader } from '../../admin/csp.ts';
import { defaultLocale, locales } from '../../src/i18n/locales.ts';
import { settingsSchema } from '../../src/schemas/settings.ts';
import { netlifyHeaderRules } from '../../scripts/netlify.mjs';

const root = new URL('../../', import.meta.url);
const english = JSON.parse(readFileSync(new URL('content/i18n/en.json', root), 'utf8')) as UiTree;
const config = buildCmsConfig({ englishStrings: english, decapServerPort: 8081 });
type Collection = { name: string; fields?: CmsField[]; files?: { name: string; file: string; fields: CmsField[] }[]; [key: string]: unknown };
const collections = config.collections as Collection[];
const collection = (name: string) => collections.find((c) => c.name === name)!;

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
    if (checkI18n && meta.cms?.i18n !== undefined && field.i18n !== meta.cms.i18n) problems.push(`${where}: i18n ${String(field.i18n)} but the schema says ${String(meta.cms.i18n)}`);
    const s = inner(schema);
    if (field.widget === 'select') {
      const enumSchema = s instanceof z.ZodArray ? (s.element as z.ZodType) : s;
      if (!(enumSchema instanceof z.ZodEnum)) {
        problems.push(`${where}: a select, but the schema is not an enum`);
      } else {
        const values = (field.options ?? []).map((o) => (typeof o === 'string' ? o : o.value));
        if (JSON.stringify(values) !== JSON.stringify(enumSchema.options)) problems.push(`${where}: options ${values} ≠ enum ${enumSchema.options}`);
        for (const option of values) if (!enumSchema.safeParse(option).success) problems.push(`${where}: schema rejects option ${option}`);
        for (const option of field.options ?? []) if (typeof option === 'string' || !option.label || option.label === option.value) problems.push(`${where}: option ${JSON.stringify(option)} has no Turkish label`);
        if (Boolean(field.multiple) !== s instanceof z.ZodArray) problems.push(`${where}: multiple=${field.multiple} but the schema ${s instanceof z.ZodArray ? 'is' : 'is not'} a list`);
      }
    }
    if (field.fields) {
      const objectSchema = s instanceof z.ZodArray ? inner(s.element as z.ZodType) : s;
      if (objectSchema instanceof z.ZodObject) problems.push(...compare(field.fields, objectSchema.shape, where, false));
      else problems.push(`${where}: has sub-fields, but the schema is not an object`);
    }
    if (s instanceof z.ZodArray && !field.fields && field.widget !== 'select' && field.widget !== 'relation' && !field.field) problems.push(`${where}: a list without an item field`);
  }
  return problems;
}

function frontMatterOf(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return match ? (parseYaml(match[1]!) as Record<string, unknown>) : {};
}

/** Every string value at a field path in the real content, for checking Decap patterns against it. */
function* valuesAt(data: unknown, fields: CmsField[], path = ''): Generator<[string, CmsField, string]> {
  if (!data || typeof data !== 'object') return;
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field.name];
    const where = path ? `${path}.${field.name}` : field.name;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (field.fields) yield* valuesAt(item, field.fields, where);
      else if (field.field && typeof item === 'string') yield [where, field.field, item];
      else if (typeof item === 'string') yield [where, field, item];
    }
  }
}

test('i18n: every locale of the registry, default locale first, multiple_folders', () => {
  assert.deepEqual(config.i18n.locales, [defaultLocale, ...locales.map((l) => l.code).filter((c) => c !== defaultLocale)]);
  assert.equal(config.i18n.default_locale, defaultLocale);
  assert.equal(config.i18n.structure, 'multiple_folders');
  assert.equal(config.locale, 'tr');
  assert.equal(config.load_config_file, false);
  assert.deepEqual([config.media_folder, config.public_folder], ['public/uploads', '/uploads']);
});

for (const spec of folderCollections) {
  test(`${spec.name}: CMS fields match the schema (names, required, options, hints, i18n)`, () => {
    const c = collection(spec.name);
    const fields = c.fields!.filter((f) => f.name !== 'body');
    assert.deepEqual(compare(fields, spec.shape, spec.name, true), []);
  });

  test(`${spec.name}: folder per locale, Markdown, Latin file name from the slug field, translatable body`, () => {
    const c = collection(spec.name);
    assert.equal(c.folder, `content/${spec.name}`);
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
    const status = c.fields!.find((f) => f.name === 'translationStatus')!;
    assert.equal(status.i18n, true, 'translationStatus is per language, so untranslated stubs have none');
    assert.equal(status.default, undefined, 'a default would be written into every language and turn stubs into broken entries');
  });

  test(`${spec.name}: every Decap pattern accepts the real content`, () => {
    const problems: string[] = [];
    const fields = collection(spec.name).fields!;
    for (const { code } of locales) {
      const dir = new URL(`content/${spec.name}/${code}/`, root);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        for (const [where, field, value] of valuesAt(frontMatterOf(new URL(file, dir).pathname), fields)) {
          const tested = field.widget === 'file' || field.widget === 'image' ? value.split('/').pop()! : value;
          if (field.pattern && !new RegExp(field.pattern[0]).test(tested)) problems.push(`${code}/${file} ${where}: "${value}" fails ${field.pattern[0]}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('settings: one file per locale, fields match the schema; the quick-exit address is edited once, in the default language', () => {
  const c = collection('settings');
  assert.deepEqual(c.files!.map((f) => f.file), config.i18n.locales.map((code) => `content/settings/${code}/site.yml`));
  for (const file of c.files!) {
    const { quickExitUrl, ...perLanguage } = settingsSchema.shape;
    const shape = file.name === defaultLocale ? { ...perLanguage, quickExitUrl } : perLanguage;
    assert.deepEqual(compare(file.fields, shape, `settings/${file.name}`, false), []);
  }
});

test('UI strings: one file per locale with every key the strings test requires, nested as in en.json', () => {
  const c = collection('ui-strings');
  assert.deepEqual(c.files!.map((f) => f.file), config.i18n.locales.map((code) => `content/i18n/${code}.json`));
  const leaves = (fields: CmsField[], prefix = ''): string[] =>
    fields.flatMap((f) => (f.fields ? leaves(f.fields, `${prefix}${f.name}.`) : [`${prefix}${f.name}`]));
  const leafKeys = (tree: UiTree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
  const PLURAL = /_(zero|one|two|few|many|other)$/;
  for (const file of c.files!) {
    const fields = new Set(leaves(file.fields));
    const forms = new Intl.PluralRules(file.name).resolvedOptions().pluralCategories;
    for (const key of leafKeys(english)) {
      if (PLURAL.test(key)) for (const form of forms) assert.ok(fields.has(key.replace(PLURAL, `_${form}`)), `${file.name}: no field for ${key.replace(PLURAL, `_${form}`)}`);
      else assert.ok(fields.has(key), `${file.name}: no field for ${key}`);
    }
    const path = new URL(file.file, root);
    if (existsSync(path)) {
      const hidden = leafKeys(JSON.parse(readFileSync(path, 'utf8'))).filter((k) => !fields.has(k));
      assert.deepEqual(hidden, [], `${file.file} has keys the CMS would not show`);
    }
  }
});

test('/admin/* in public/_headers sends the CSP of admin/csp.ts', async () => {
  // Read as Netlify reads it; tests/e2e/hosts.spec.ts checks Cloudflare's runtime sends the same.
  const { headers: rules, errors } = await netlifyHeaderRules(fileURLToPath(new URL('public/', root)));
  assert.deepEqual(errors, []);
  const admin = rules.find((r) => r.for === '/admin/*');
  assert.ok(admin, 'public/_headers has an /admin/* rule');
  assert.equal(admin.values['Content-Security-Policy'], adminCspHeader());
});
