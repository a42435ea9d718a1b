/**
 * Reading localized entries, with fallback.
 *
 * Every entry exists once per slug; each locale may or may not have its own
 * translation. A reader of any locale gets a page for every slug:
 * - their own translation when it exists;
 * - otherwise the first real one along `localeChain()` (English, then Turkish),
 *   shown with a notice, `<main lang dir>` set to that text's language, and no
 *   hreflang alternate for the missing locale.
 * Decap's empty "stub" files (see `withUntranslatedStubs`) and draft translations
 * (saved unfinished in the CMS, issue 14) count as missing.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localeChain, localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { validateContent } from './validate-content.ts';
import type { TranslationStatus } from '../schemas/common.ts';

export type LocalizedCollection = 'campaigns' | 'rights' | 'materials' | 'helplines' | 'pages';

type AnyEntry<C extends LocalizedCollection> = CollectionEntry<C>;
/**
 * An entry that is a real translation: not a Decap stub, not a draft. A file whose
 * status is `draft` is read as kind "draft" (fileKind in src/schemas/common.ts), so
 * an entry's status is never `draft`.
 */
export type RealEntry<C extends LocalizedCollection> = AnyEntry<C> & {
  data: Extract<AnyEntry<C>['data'], { kind: 'entry' }> & { translationStatus: Exclude<TranslationStatus, 'draft'> };
};

export interface Localized<C extends LocalizedCollection> {
  slug: string;
  /** The locale of the page (the URL). */
  locale: LocaleCode;
  /** The locale the text is actually in. */
  contentLocale: LocaleCode;
  isFallback: boolean;
  entry: RealEntry<C>;
  /** Locales that have a real translation of this slug (for hreflang and the switcher). */
  translatedIn: LocaleCode[];
}

export function splitId(id: string): { locale: LocaleCode; slug: string } {
  const [locale, slug] = id.split('/');
  if (!locale || !slug || !(localeCodes as readonly string[]).includes(locale)) {
    throw new Error(`Content entry "${id}" is not in a locale folder. Put it under content/<collection>/<locale>/<slug>.md, with <locale> one of ${localeCodes.join(', ')}.`);
  }
  return { locale: locale as LocaleCode, slug };
}

const cache = new Map<LocalizedCollection, Promise<Map<string, Map<LocaleCode, RealEntry<LocalizedCollection>>>>>();

/** slug → locale → real entry, for one collection. */
async function indexCollection<C extends LocalizedCollection>(collection: C): Promise<Map<string, Map<LocaleCode, RealEntry<C>>>> {
  let promise = cache.get(collection);
  if (!promise) {
    promise = (async () => {
      await validateContent();
      const entries = (await getCollection(collection)) as AnyEntry<LocalizedCollection>[];
      const bySlug = new Map<string, Map<LocaleCode, RealEntry<LocalizedCollection>>>();
      for (const entry of entries) {
        const { locale, slug } = splitId(entry.id);
        if (!bySlug.has(slug)) bySlug.set(slug, new Map());
        if (entry.data.kind === 'entry') bySlug.get(slug)!.set(locale, entry as RealEntry<LocalizedCollection>);
      }
      return bySlug;
    })();
    cache.set(collection, promise);
  }
  return promise as unknown as Promise<Map<string, Map<LocaleCode, RealEntry<C>>>>;
}

function resolve<C extends LocalizedCollection>(slug: string, locale: LocaleCode, translations: Map<LocaleCode, RealEntry<C>>): Localized<C> | undefined {
  const translatedIn = localeCodes.filter((code) => translations.has(code));
  const contentLocale = localeChain(locale).find((code) => translations.has(code)) ?? translatedIn[0];
  if (!contentLocale) return undefined; // only stubs: nothing to show in any language
  return { slug, locale, contentLocale, isFallback: contentLocale !== locale, entry: translations.get(contentLocale)!, translatedIn };
}

/** Every slug of a collection, as the reader of `locale` sees it. */
export async function getLocalizedEntries<C extends LocalizedCollection>(collection: C, locale: LocaleCode): Promise<Localized<C>[]> {
  const index = await indexCollection(collection);
  return [...index.entries()]
    .map(([slug, translations]) => resolve(slug, locale, translations))
    .filter((x): x is Localized<C> => x !== undefined);
}

export async function getLocalizedEntry<C extends LocalizedCollection>(collection: C, slug: string, locale: LocaleCode): Promise<Localized<C> | undefined> {
  const translations = (await indexCollection(collection)).get(slug);
  return translations && resolve(slug, locale, translations);
}

/** getStaticPaths for `[locale]/<collection>/[slug]`: every slug in every locale, translated or not. */
export async function localizedPaths<C extends LocalizedCollection>(collection: C) {
  const paths = [];
  for (const locale of localeCodes) {
    for (const item of await getLocalizedEntries(collection, locale)) {
      paths.push({ params: { locale, slug: item.slug }, props: { item } });
    }
  }
  return paths;
}
