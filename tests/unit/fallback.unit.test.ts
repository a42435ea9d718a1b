/**
 * Which translation a reader gets (src/lib/fallback.ts) and the locale chain
 * behind it (src/i18n/locales.ts), without a build: missing translations fall
 * back along reader → English → Turkish, never to nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTranslation } from '../../src/lib/fallback.ts';
import { defaultLocale, fallbackOrder, localeChain, localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';

const translations = (...codes: LocaleCode[]) => new Map(codes.map((code) => [code, `text in ${code}`]));

test('localeChain: the reader first, then English, then the default (source) locale, each once', () => {
  assert.deepEqual(localeChain('ar'), ['ar', 'en', 'tr']);
  assert.deepEqual(localeChain('en'), ['en', 'tr']);
  assert.deepEqual(localeChain('tr'), ['tr', 'en']);
  for (const code of localeCodes) {
    const chain = localeChain(code);
    assert.equal(chain[0], code);
    assert.equal(new Set(chain).size, chain.length, `${code}: no repeats`);
    assert.ok(chain.includes(defaultLocale), `${code}: the source locale is always in the chain`);
    for (const fallback of fallbackOrder) assert.ok(chain.includes(fallback));
  }
});

test('a translation in the reader’s language is shown as it is', () => {
  const resolved = resolveTranslation('x', 'ar', translations('tr', 'ar', 'en'))!;
  assert.deepEqual([resolved.contentLocale, resolved.isFallback, resolved.entry], ['ar', false, 'text in ar']);
});

test('missing: English first, then Turkish', () => {
  assert.equal(resolveTranslation('x', 'fa', translations('tr', 'en'))!.contentLocale, 'en');
  const turkish = resolveTranslation('x', 'fa', translations('tr', 'ru'))!;
  assert.deepEqual([turkish.contentLocale, turkish.isFallback, turkish.locale], ['tr', true, 'fa']);
});

test('outside the chain: the first translation in registry order, never nothing', () => {
  // Only Russian and Pashto: neither is in the Persian reader's chain; Pashto comes first in the registry.
  const resolved = resolveTranslation('x', 'fa', translations('ru', 'ps'))!;
  assert.equal(resolved.contentLocale, 'ps');
  assert.equal(resolved.isFallback, true);
});

test('only stubs (no real translation): no page at all', () => {
  assert.equal(resolveTranslation('x', 'tr', new Map()), undefined);
});

test('translatedIn lists the real translations in registry order, for hreflang and the switcher', () => {
  const resolved = resolveTranslation('x', 'ar', translations('en', 'ru', 'tr'))!;
  assert.deepEqual(resolved.translatedIn, ['tr', 'ru', 'en']);
  assert.equal(resolved.slug, 'x');
});
