/**
 * Every UI string key exists in every locale, with every plural form that
 * locale's CLDR rules need (Arabic: zero, one, two, few, many, other; Russian:
 * one, few, many, other), and every {{placeholder}} of the English master.
 * Plural forms: the `other` form has exactly the English placeholders; the
 * others may leave {{count}} out (Arabic says "one result" in words), but
 * none may use a placeholder English does not have.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataCollections } from '../../src/collections.ts';
import { locales } from '../../src/i18n/locales.ts';
import { PLURAL_SUFFIX as PLURAL, pluralCategories } from '../../src/i18n/plurals.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const load = (code: string) => flatten(JSON.parse(readFileSync(new URL(`../../${dataCollections.i18n.file(code as 'en')}`, import.meta.url), 'utf8')) as Tree);

const master = load('en');
const baseKeys = new Set([...master.keys()].map((k) => k.replace(PLURAL, '')));
const pluralKeys = new Set([...master.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

for (const locale of locales) {
  test(`${locale.code}: has every UI string key, with the plural forms it needs`, () => {
    const strings = load(locale.code);
    const needed = pluralCategories(locale.code);
    const missing: string[] = [];
    for (const key of baseKeys) {
      if (pluralKeys.has(key)) {
        for (const form of needed) if (!strings.has(`${key}_${form}`)) missing.push(`${key}_${form}`);
      } else if (!strings.has(key)) {
        missing.push(key);
      }
    }
    assert.deepEqual(missing, [], `content/i18n/${locale.code}.json is missing keys`);
  });

  test(`${locale.code}: no empty strings, and the same {{placeholders}} as English (plural forms too)`, () => {
    const strings = load(locale.code);
    for (const [key, value] of strings) {
      assert.ok(value.trim().length > 0, `${locale.code}: "${key}" is empty`);
      const base = key.replace(PLURAL, '');
      const english = master.get(key) ?? master.get(`${base}_other`);
      if (english === undefined) continue;
      if (!PLURAL.test(key) || key.endsWith('_other')) {
        assert.deepEqual(placeholders(value), placeholders(english), `${locale.code}: "${key}" placeholders differ from English`);
      } else {
        const unknown = placeholders(value).filter((name) => !placeholders(english).includes(name));
        assert.deepEqual(unknown, [], `${locale.code}: "${key}" uses placeholders English does not have`);
      }
    }
  });
}
