/**
 * Every URL the site has, described once: the pages that are not a
 * collection's (home, search, the localized 404), the menus, and the
 * functions that turn a collection and a slug into a path. Collection URLs
 * themselves are in src/collections.ts.
 *
 * Every path here is the part after the locale, ending in a slash:
 * "campaigns/", "" for a locale's home. `localePath()` adds the locale.
 * Every URL has a locale prefix (/tr/…, /ar/…); `/` is the language chooser.
 *
 * Plain TypeScript, no astro:content: the scripts and the tests read it too.
 * The route list with the entries in it (for getStaticPaths and the sitemap)
 * is built from this by src/lib/entries.ts `getRoutes()`.
 *
 * Adding a page that is not a collection's (a card page, an offer check):
 * one entry in `uiPages` here, and a template in src/templates/ registered in
 * src/pages/[locale]/[...path].astro. CONTRIBUTING.md walks through it.
 */
import { collectionNames, collections, hasList, type CollectionName, type ListCollection } from './collections.ts';
import { isLocaleCode, type LocaleCode } from './i18n/locales.ts';
import { OFFLINE_CHOICES_FILE } from './components/KeepOffline/choices.ts';

/** `/ar/campaigns/fake-job-offers/` from ('ar', 'campaigns/fake-job-offers/'). Paths always end in a slash. */
export function localePath(locale: LocaleCode, path = ''): string {
  const clean = path.replace(/^\/+/, '');
  return `/${locale}/${clean}`.replace(/\/?$/, '/');
}

export interface UiPage {
  /** Path after the locale. */
  readonly path: string;
  /** Listed in the sitemap (the 404 page is not). */
  readonly sitemap: boolean;
  /** Scored by Lighthouse (scripts/measure/lighthouse.mjs). */
  readonly audit: boolean;
}

/** Pages that belong to no collection, in every locale. */
export const uiPages = {
  home: { path: '', sitemap: true, audit: true },
  search: { path: 'search/', sitemap: true, audit: true },
  /** The card to show a call-taker or an official (issue 10, point 6): src/components/PhraseCard/. */
  card: { path: 'card/', sitemap: true, audit: false },
  /**
   * The localized "not found" page. Built at /<locale>/404/, then moved to
   * /<locale>/404.html, where both hosts look for it (src/integrations/hosts.ts);
   * addresses outside a locale get /404.html, which lists every language.
   */
  notFound: { path: '404/', sitemap: false, audit: false },
} as const satisfies Record<string, UiPage>;

export type UiPageId = keyof typeof uiPages;

/** Path after the locale of a collection's list page. */
export const listPath = (name: ListCollection): string => collections[name].list;

/** Path after the locale where an entry is shown (its page, or its anchor on the list). */
export const entryPath = (name: CollectionName, slug: string): string => collections[name].entry(slug);

/**
 * Path after the locale of a material's typeset PDF (issue 10), e.g. "materials/cefm-lesson-plan.pdf":
 * beside the materials list, where src/pages/[locale]/materials/[file].pdf.ts serves it (Astro
 * names that route by its folder; tests/unit/routes.unit.test.ts checks the two agree).
 */
export const materialPdfPath = (file: string): string => `${listPath('materials')}${file}.pdf`;

/** Whether a URL path is a material's PDF: a locale, then materialPdfPath() of a file name, e.g. "/ar/materials/cefm-lesson-plan.pdf". */
export function isMaterialPdf(pathname: string): boolean {
  const inLocale = splitLocale(pathname);
  return inLocale !== undefined && slugIn(materialPdfPath, inLocale.path) !== undefined;
}

/** "/ar/campaigns/x/" → { locale: 'ar', path: 'campaigns/x/' }; undefined when the first segment is not a locale. */
function splitLocale(pathname: string): { locale: LocaleCode; path: string } | undefined {
  const [, first = '', ...rest] = pathname.split('/');
  return isLocaleCode(first) ? { locale: first, path: rest.join('/') } : undefined;
}

/**
 * The slug for which `shape(slug)` is `path`, or undefined: slugIn(entryPath of campaigns, "campaigns/x/") is "x".
 * A slug is not empty and has no slash.
 */
function slugIn(shape: (slug: string) => string, path: string): string | undefined {
  const [before = '', after = ''] = shape('\u0000').split('\u0000');
  if (path.length <= before.length + after.length || !path.startsWith(before) || !path.endsWith(after)) return undefined;
  const slug = path.slice(before.length, path.length - after.length);
  return slug.includes('/') ? undefined : slug;
}

/** A page of the route table, as `routeAt()` recognises it. */
export type RouteKind = { kind: 'ui'; page: UiPageId } | { kind: 'list'; collection: ListCollection } | { kind: 'entry'; collection: CollectionName; slug: string };

/**
 * Which page a URL path is: the inverse of the route table, for the scripts
 * and tests that sort built pages by template (the link checker's source file,
 * the accessibility sweep, the page-weight test). "/ar/campaigns/x/" →
 * { locale: 'ar', kind: 'entry', collection: 'campaigns', slug: 'x' }. UI pages
 * and lists win over entries whose URL shape would also fit (a page slug "search").
 * Undefined outside a locale, or for a path no template makes.
 */
export function routeAt(pathname: string): ({ locale: LocaleCode } & RouteKind) | undefined {
  const inLocale = splitLocale(pathname);
  if (!inLocale) return undefined;
  const { locale, path } = inLocale;
  for (const page of Object.keys(uiPages) as UiPageId[]) if (uiPages[page].path === path) return { locale, kind: 'ui', page };
  for (const name of collectionNames.filter(hasList)) if (collections[name].list === path) return { locale, kind: 'list', collection: name };
  for (const name of collectionNames) {
    if (!collections[name].entryPage) continue;
    const slug = slugIn(collections[name].entry, path);
    if (slug !== undefined) return { locale, kind: 'entry', collection: name, slug };
  }
  return undefined;
}

/** The main menu: every collection with a list page and a name, in the registry's order. */
export const mainNav: readonly { path: string; labelKey: string }[] = collectionNames.filter(hasList).flatMap((name) => {
  const spec = collections[name];
  return 'navKey' in spec ? [{ path: spec.list, labelKey: spec.navKey }] : [];
});

/**
 * The sections a reader can browse: the home page's cards, and the search
 * page's links for readers without JavaScript.
 */
export const browseSections: readonly { path: string; labelKey: string; textKey: string }[] = collectionNames.flatMap((name) => {
  const spec = collections[name];
  return 'homeCard' in spec && 'list' in spec ? [{ path: spec.list, labelKey: spec.navKey, textKey: spec.homeCard }] : [];
});

/** The slug of the page that tells readers how to browse more safely (linked beside the quick exit), and its path. */
export const browseSafelySlug = 'browse-safely';
export const browseSafelyPath = collections.pages.entry(browseSafelySlug);

/**
 * Pages of the `pages` collection the site links to by slug: the footer, and
 * the quick exit's "browse safely" link. They are editors' entries: if one is
 * renamed, the build's link check names every page that still links to it.
 */
const linkedPages: readonly { slug: string; labelKey: string }[] = [
  { slug: 'about', labelKey: 'nav.about' },
  { slug: browseSafelySlug, labelKey: 'nav.browseSafely' },
  { slug: 'privacy', labelKey: 'nav.privacy' },
  { slug: 'accessibility', labelKey: 'nav.accessibility' },
];
export const footerPages: readonly { path: string; labelKey: string }[] = linkedPages.map(({ slug, labelKey }) => ({ path: collections.pages.entry(slug), labelKey }));

/** Their slugs: the CMS refuses to delete them (src/lib/content-rules/entries.ts, `referrersOf`). */
export const linkedPageSlugs: readonly string[] = linkedPages.map((page) => page.slug);

/**
 * The first path segments after the locale that the site's own routes use: its pages that are no
 * collection's ("search", "card", "404"), the lists ("campaigns", "helplines", …) and the folders of
 * the other collections' entries ("check" for offer checks). A `pages` entry lives at `<slug>/`, so
 * a page with one of these slugs would take the path of a page the site needs (a page "helplines"
 * in place of the list of helplines, in every language through the fallback: found by an
 * attacker's review, 2026-12-02). src/lib/content-rules/entries.ts `pageSlugIsFree` refuses them,
 * in the build and in the CMS before it writes.
 * @returns sorted segments, e.g. ["404", "campaigns", "card", "check", "helplines", "materials", "rights", "search"]
 */
export function siteRouteSegments(): string[] {
  const first = (path: string) => path.split(/[/#]/)[0] ?? '';
  const segments = new Set<string>();
  for (const page of Object.values(uiPages)) segments.add(first(page.path));
  for (const name of collectionNames) {
    if (name === 'pages') continue;
    if (hasList(name)) segments.add(first(collections[name].list));
    segments.add(first(collections[name].entry('x')));
  }
  segments.delete('');
  return [...segments].sort();
}

/**
 * The "Keep for offline" service worker of a locale (issue 16, part 2): its script, built by
 * scripts/build/offline-worker.mjs, its scope, the locale's folder, and the list of pages the reader
 * may choose to save too, next to the script ("/ar/offline-sw.js", "/ar/", "/ar/offline-pages.json").
 */
export const offlineWorkerPath = (locale: LocaleCode): { script: string; scope: string; choices: string } => ({
  script: localePath(locale, 'offline-sw.js').replace(/\/$/, ''),
  scope: localePath(locale),
  choices: localePath(locale, OFFLINE_CHOICES_FILE).replace(/\/$/, ''),
});

/**
 * Collections whose pages the reader may choose to save too, after the three `offlinePages`
 * (issue 16: "and the pages the reader chooses"), in this order: the text pages a reader may want
 * without internet. The pages collection (about, privacy…) is not offered.
 */
export const offlineChoiceCollections: readonly CollectionName[] = ['offer-checks', 'campaigns', 'rights', 'materials'];

/** Paths after the locale of the pages "Keep for offline" stores: the home page, the helplines and the card. */
export const offlinePages: readonly string[] = [uiPages.home.path, listPath('helplines'), uiPages.card.path];
