/**
 * UI strings through i18next, one instance per locale.
 *
 * Why i18next and not astro-i18next: astro-i18next has been unmaintained
 * since 2023; on Astro 7 it fails with `MISSING_EXPORT AstroI18nextConfig`,
 * and with an `.mjs` config it silently prints raw keys. i18next alone gives us
 * CLDR plural rules (Arabic has six forms, Russian four) through Intl.PluralRules.
 *
 * Strings live in `content/i18n/<locale>.json` so translators edit them in the CMS.
 */
import type { TFunction } from 'i18next';
import { getCollection } from 'astro:content';
import type { LocaleCode } from './locales.ts';
import { createTranslator } from './translator.ts';

/** The nested UI strings of one locale, as in content/i18n/<locale>.json. */
export type UiTree = { [key: string]: string | UiTree };

/**
 * Every locale's UI strings, raw, by locale code: for the few pages that show
 * every language at once (the language chooser, the site-wide 404) and the CMS
 * config. Everything else translates through `Astro.locals.t`.
 */
export async function uiStringFiles(): Promise<Map<string, UiTree>> {
  return new Map((await getCollection('i18n')).map((f) => [f.id, f.data as UiTree]));
}

let instances: Promise<Map<string, TFunction>> | undefined;

async function createInstances(): Promise<Map<string, TFunction>> {
  const files = await uiStringFiles();
  const resources = Object.fromEntries(files);
  return new Map([...files.keys()].map((code) => [code, createTranslator(resources, code)]));
}

/**
 * The translate function for a locale: `t('help.call', { number: '157' })`.
 * Pages and components read it from `Astro.locals.t` (src/middleware.ts), set once per page.
 */
export async function useTranslations(locale: LocaleCode): Promise<TFunction> {
  instances ??= createInstances();
  const t = (await instances).get(locale);
  if (!t) throw new Error(`No UI strings for locale "${locale}": add content/i18n/${locale}.json`);
  return t;
}

/** Private-use characters around a placeholder's index: no translation contains them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * A translated string split at its placeholders, so markup can go around the
 * values: `parts(t, 'notice.fallback', ['language', 'source'])` →
 * `['Bu sayfa henüz şu dile çevrilmedi: ', { name: 'language' }, '. …']`.
 * Used to give a value in another language its own `lang` and `dir` (a
 * language's name in its own script inside the reader's sentence).
 */
export function translationParts(t: TFunction, key: string, names: readonly string[]): (string | { name: string })[] {
  const text = t(key, Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]))) as string;
  return text
    .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'u'))
    .map((part, i) => (i % 2 === 1 ? { name: names[Number(part)]! } : part))
    .filter((part) => part !== '');
}
