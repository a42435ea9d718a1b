/**
 * The generated CMS config against the real content: every Decap pattern
 * accepts every value the content has (content passes the schema, so a
 * stricter CMS would lock editors out of it), and every UI string in
 * content/i18n/ has a field. The config's own rules: tests/unit/cms-config.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { buildCmsConfig } from '../../admin/config.ts';
import type { CmsField } from '../../admin/fields.ts';
import { collectionFolder, collectionNames, dataCollections } from '../../src/collections.ts';
import { locales } from '../../src/i18n/locales.ts';
import { PLURAL_SUFFIX, pluralCategories } from '../../src/i18n/plurals.ts';
import type { UiTree } from '../../src/i18n/ui.ts';
import { readMarkdown } from '../../src/lib/content-files.ts';

const root = new URL('../../', import.meta.url);
const english = JSON.parse(readFileSync(new URL(dataCollections.i18n.file('en'), root), 'utf8')) as UiTree;
const config = buildCmsConfig({ englishStrings: english, decapServerPort: 8081 });
type Collection = { name: string; fields?: CmsField[]; files?: { name: string; file: string; fields: CmsField[] }[]; [key: string]: unknown };
const collection = (name: string) => (config.collections as Collection[]).find((c) => c.name === name)!;

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

for (const name of collectionNames) {
  test(`${name}: every Decap pattern accepts the real content`, () => {
    const problems: string[] = [];
    const fields = collection(name).fields!;
    for (const { code } of locales) {
      const dir = new URL(`${collectionFolder(name)}/${code}/`, root);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        for (const [where, field, value] of valuesAt(readMarkdown(new URL(file, dir)).data, fields)) {
          const tested = field.widget === 'file' || field.widget === 'image' ? value.split('/').pop()! : value;
          if (field.pattern && !new RegExp(field.pattern[0]).test(tested)) problems.push(`${code}/${file} ${where}: "${value}" fails ${field.pattern[0]}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('UI strings: one file per locale with every key the strings test requires, nested as in en.json', () => {
  const c = collection(dataCollections.i18n.cms.name);
  assert.deepEqual(c.files!.map((f) => f.file), config.i18n.locales.map((code) => dataCollections.i18n.file(code)));
  const leaves = (fields: CmsField[], prefix = ''): string[] =>
    fields.flatMap((f) => (f.fields ? leaves(f.fields, `${prefix}${f.name}.`) : [`${prefix}${f.name}`]));
  const leafKeys = (tree: UiTree, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`)));
  for (const file of c.files!) {
    const fields = new Set(leaves(file.fields));
    const forms = pluralCategories(file.name);
    for (const key of leafKeys(english)) {
      if (PLURAL_SUFFIX.test(key)) for (const form of forms) assert.ok(fields.has(key.replace(PLURAL_SUFFIX, `_${form}`)), `${file.name}: no field for ${key.replace(PLURAL_SUFFIX, `_${form}`)}`);
      else assert.ok(fields.has(key), `${file.name}: no field for ${key}`);
    }
    const path = new URL(file.file, root);
    if (existsSync(path)) {
      const hidden = leafKeys(JSON.parse(readFileSync(path, 'utf8'))).filter((k) => !fields.has(k));
      assert.deepEqual(hidden, [], `${file.file} has keys the CMS would not show`);
    }
  }
});

