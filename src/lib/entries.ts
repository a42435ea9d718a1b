/**
 * Localized entries and the route table, read from the content layer.
 *
 * - `getLocalizedEntries(collection, locale)`: every slug of a collection as
 *   the reader of `locale` sees it, with fallback (src/lib/fallback.ts).
 * - `getRoutes()`: every page of the site in every locale, each with what its
 *   template needs. The one list behind getStaticPaths
 *   (src/pages/[locale]/[...path].astro) and the sitemap, built from
 *   src/routes.ts and src/collections.ts, so a page in the sitemap always exists.
 *
 * Decap's empty "stub" files (see `withUntranslatedStubs`) and draft translations
 * (saved unfinished in the CMS, issue 14) count as missing.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { collectionNames, collections, hasEntryPages, hasList, splitEntryId, type CollectionName, type EntryPageCollection, type ListCollection } from '../collections.ts';
import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { uiPages, type UiPageId } from '../routes.ts';
import { resolveTranslation, type Resolved } from './fallback.ts';
import { validateContent } from './validate-content.ts';
import type { TranslationStatus } from '../schemas/common.ts';

type AnyEntry<C extends CollectionName> = CollectionEntry<C>;
/**
 * An entry that is a real translation: not a Decap stub, not a draft. A file whose
 * status is `draft` is read as kind "draft" (fileKind in src/schemas/common.ts), so
 * an entry's status is never `draft`.
 */
type RealEntry<C extends CollectionName> = AnyEntry<C> & {
  data: Extract<AnyEntry<C>['data'], { kind: 'entry' }> & { translationStatus: Exclude<TranslationStatus, 'draft'> };
};

/** One slug of a collection as the reader of `locale` sees it (see src/lib/fallback.ts). */
export type Localized<C extends CollectionName> = Resolved<RealEntry<C>>;

const cache = new Map<CollectionName, Promise<Map<string, Map<LocaleCode, RealEntry<CollectionName>>>>>();

/** slug → locale → real entry, for one collection. */
function indexCollection<C extends CollectionName>(collection: C): Promise<Map<string, Map<LocaleCode, RealEntry<C>>>> {
  let promise = cache.get(collection);
  if (!promise) {
    promise = (async () => {
      const entries = (await getCollection(collection)) as AnyEntry<CollectionName>[];
      const bySlug = new Map<string, Map<LocaleCode, RealEntry<CollectionName>>>();
      for (const entry of entries) {
        const { locale, slug } = splitEntryId(entry.id);
        if (!bySlug.has(slug)) bySlug.set(slug, new Map());
        if (entry.data.kind === 'entry') bySlug.get(slug)!.set(locale, entry as RealEntry<CollectionName>);
      }
      return bySlug;
    })();
    cache.set(collection, promise);
  }
  return promise as unknown as Promise<Map<string, Map<LocaleCode, RealEntry<C>>>>;
}

/** Every slug of a collection, as the reader of `locale` sees it. */
export async function getLocalizedEntries<C extends CollectionName>(collection: C, locale: LocaleCode): Promise<Localized<C>[]> {
  const index = await indexCollection(collection);
  return [...index.entries()].map(([slug, translations]) => resolveTranslation(slug, locale, translations)).filter((x): x is Localized<C> => x !== undefined);
}

interface RouteBase {
  locale: LocaleCode;
  /** Path after the locale, ending in a slash ("" for the home page). */
  path: string;
  /** Locales that have a real translation of this page: every locale for UI pages and lists. */
  translatedIn: readonly LocaleCode[];
}
export type UiRoute = RouteBase & { kind: 'ui'; page: UiPageId };
export type ListRoute<C extends ListCollection = ListCollection> = RouteBase & { kind: 'list'; collection: C };
export type EntryRoute<C extends EntryPageCollection = EntryPageCollection> = RouteBase & { kind: 'entry'; collection: C; item: Localized<C> };
export type Route = UiRoute | ListRoute | EntryRoute;

let routes: Promise<Route[]> | undefined;

/**
 * Every page in every locale. Checks the content first (src/lib/validate-content.ts):
 * the checks across entries that no single schema can make stop the build
 * here, before any page is rendered, naming each file and field.
 */
export function getRoutes(): Promise<Route[]> {
  routes ??= (async () => {
    await validateContent();
    const all: Route[] = [];
    for (const locale of localeCodes) {
      const everyLocale = { locale, translatedIn: localeCodes };
      for (const page of Object.keys(uiPages) as UiPageId[]) all.push({ ...everyLocale, kind: 'ui', page, path: uiPages[page].path });
      for (const collection of collectionNames.filter(hasList)) all.push({ ...everyLocale, kind: 'list', collection, path: collections[collection].list });
      for (const collection of collectionNames.filter(hasEntryPages)) {
        for (const item of await getLocalizedEntries(collection, locale)) {
          all.push({ locale, kind: 'entry', collection, item, path: collections[collection].entry(item.slug), translatedIn: item.translatedIn } as EntryRoute);
        }
      }
    }
    return all;
  })();
  return routes;
}

/** Whether a route is listed in the sitemap (every page but the localized 404). */
export const inSitemap = (route: Route) => route.kind !== 'ui' || uiPages[route.page].sitemap;
