/**
 * src/i18n/translator.ts: a key asked for without options is looked up once, and gives what i18next gives
 * every time; calls with options (plurals, values) still go to i18next (issue 17).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import i18next, { type Resource } from 'i18next';
import { dataCollections } from '../../src/collections.ts';
import { defaultLocale, fallbackOrder, localeCodes } from '../../src/i18n/locales.ts';
import { createTranslator } from '../../src/i18n/translator.ts';

const resources = Object.fromEntries(localeCodes.map((code) => [code, JSON.parse(readFileSync(dataCollections.i18n.file(code), 'utf8')) as object]));

/** Every key of a nested strings tree, with its plural forms as one key ("search.results"). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

/** i18next as the translator configures it, without the look-up kept. */
function plainI18next(locale: string) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    resources: Object.fromEntries(Object.entries(resources).map(([code, tree]) => [code, { translation: tree }])) as Resource,
    fallbackLng: [...fallbackOrder, defaultLocale],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance.t.bind(instance) as unknown as (key: string, options?: object) => string;
}

test('every key in every locale, asked for twice, gives what i18next gives (a missing key too)', () => {
  const all = [...new Set(keys(resources[defaultLocale]!)), 'no.such.key'];
  for (const locale of localeCodes) {
    const t = createTranslator(resources, locale) as unknown as (key: string, options?: object) => string;
    const reference = plainI18next(locale);
    for (const key of all) {
      assert.equal(t(key), reference(key), `${locale}: ${key}`);
      assert.equal(t(key), reference(key), `${locale}: ${key}, again`);
    }
  }
});

test('plurals and values still go to i18next each time (Arabic has six forms)', () => {
  const t = createTranslator(resources, 'ar') as unknown as (key: string, options?: object) => string;
  const forms = [0, 1, 2, 3, 11, 100].map((count) => t('search.results', { count }));
  assert.equal(new Set(forms).size, 6, forms.join(' | '));
  assert.equal(t('search.results', { count: 2 }), forms[2]);
  assert.match(t('search.results', { count: 3 }), /3|٣/);
});
