/**
 * Every UI string key exists in every locale, with every plural form that
 * locale's CLDR rules need (Arabic: zero, one, two, few, many, other; Russian:
 * one, few, many, other), and every {{placeholder}} of the English master.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { locales } from '../../src/i18n/locales.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const load = (code: string) => flatten(JSON.parse(readFileSync(new URL(`../../content/i18n/${code}.json`, import.meta.url), 'utf8')) as Tree);

const master = load('en');
const baseKeys = new Set([...master.keys()].map((k) => k.replace(PLURAL, '')));
const pluralKeys = new Set([...master.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

for (const locale of locales) {
  test(`${locale.code}: has every UI string key, with the plural forms it needs`, () => {
    const strings = load(locale.code);
    const needed = new Intl.PluralRules(locale.code).resolvedOptions().pluralCategories;
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

  test(`${locale.code}: no empty strings, and the same {{placeholders}} as English`, () => {
    const strings = load(locale.code);
    for (const [key, value] of strings) {
      assert.ok(value.trim().length > 0, `${locale.code}: "${key}" is empty`);
      const base = key.replace(PLURAL, '');
      const english = master.get(key) ?? master.get(`${base}_other`);
      if (english !== undefined && !PLURAL.test(key)) {
        assert.deepEqual(placeholders(value), placeholders(english), `${locale.code}: "${key}" placeholders differ from English`);
      }
    }
  });
}
