/**
 * Shared helpers for e2e tests: the built pages, read from the sitemap, and
 * where the fixture site is. Pages are found by their URL shape from the
 * registries (src/routes.ts), never by an editor's slug.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFor } from '../../scripts/lib/config.mjs';
import { collectionNames, collections, type CollectionName } from '../../src/collections.ts';
import { routeAt, uiPages, type RouteKind } from '../../src/routes.ts';

const root = resolve(import.meta.dirname, '../..');
const config = configFor.e2e(process.env);
/** The built site under test (DIST_DIR, default dist/). */
export const dist = `${resolve(root, config.distDir)}/`;
/** The fixture site (tests/fixtures/site/ over the real content), served next to dist/ by tests/playwright.config.ts. */
export const fixture = `http://127.0.0.1:${config.fixturePort}`;

/** Every page path in the sitemap (e.g. "/ar/rights/<slug>/"), without fragments, de-duplicated. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(`${dist}sitemap.xml`, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return [...new Set(paths)];
}

/** Whether a URL path is a page of the given template (a UI page, a list, or any entry of a collection). */
export function isTemplate(pathname: string, template: { kind: 'ui' | 'list' | 'entry'; id: string }): boolean {
  const route = routeAt(pathname) as (RouteKind & { locale: string }) | undefined;
  if (!route || route.kind !== template.kind) return false;
  return route.kind === 'ui' ? route.page === template.id : route.collection === template.id;
}

/** Every template the registries describe: the UI pages in the sitemap, each collection's list and its entries. */
export const templates = [
  ...(Object.keys(uiPages) as (keyof typeof uiPages)[]).filter((id) => uiPages[id].sitemap).map((id) => ({ kind: 'ui' as const, id })),
  ...collectionNames.flatMap((name) => [
    ...('list' in collections[name] ? [{ kind: 'list' as const, id: name }] : []),
    ...(collections[name].entryPage ? [{ kind: 'entry' as const, id: name }] : []),
  ]),
];

/** The first page of each template in a locale, from the sitemap: undefined where a template has no page. */
export function onePagePerTemplate(locale: string): (string | undefined)[] {
  const paths = sitemapPaths().filter((p) => p.startsWith(`/${locale}/`));
  return templates.map((template) => paths.find((p) => isTemplate(p, template)));
}

/** The first entry page of a collection in a locale, from the sitemap; fails the test when there is none. */
export function firstEntryPath(collection: CollectionName, locale: string): string {
  const path = sitemapPaths().find((p) => p.startsWith(`/${locale}/`) && isTemplate(p, { kind: 'entry', id: collection }));
  if (!path) throw new Error(`No ${collection} entry page for ${locale} in the sitemap.`);
  return path;
}

export function readDist(path: string): string {
  return readFileSync(`${dist}${path.replace(/^\//, '')}`, 'utf8');
}

/** The fixture site's entries the tests name (tests/fixtures/site/content/): editors can rename their own freely. */
export const fixtureSlugs = {
  /** A campaign in all 7 languages (tr source, the rest machine), long enough to scroll, with words the search tests look for. */
  campaign: 'fixture-campaign',
  /** A rights page in all 7 languages. Both it and the campaign carry the Turkish test word "fikstürsözcüğü". */
  right: 'fixture-right',
  /** A campaign in Turkish only, a Decap stub in Persian and a machine translation in Russian. */
  untranslated: 'fixture-untranslated',
  /** A campaign with an uploaded image, in Turkish and Arabic. */
  illustrated: 'fixture-illustrated',
  /** A campaign in Turkish whose body has headings and raw ids named like the page's own (help-now-title, main), and links to them (issue 13). */
  headingIds: 'fixture-heading-ids',
  /** A page in Arabic with helpline numbers in three digit scripts, other numbers, code, and menu paths with English labels (issue 10). */
  numbersAndPaths: 'numbers-and-paths',
  /** An offer check (issue 16) in Turkish and Arabic: three questions (one whose sign is "no"), linked from the fixture campaign. */
  offer: 'fixture-offer',
  /** A page with a speaker's recording (issue 16): Turkish (MP3), Pashto (Opus, .opus) and Kurmanji (Opus, .ogg); other languages fall back to the Turkish text and recording. */
  recording: 'fixture-recording',
} as const;
