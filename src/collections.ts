/**
 * Every content collection, described once: its fields and schema, how the
 * CMS names it, where its files are, the URL of its list and of each entry,
 * and its key in the menus.
 *
 * Everything else derives from this file: the content layer
 * (src/content.config.ts), the route table and every template's URL
 * (src/routes.ts, src/lib/entries.ts), the sitemap, the main menu, the search
 * filters, the cross-entry checks (src/lib/validate-content.ts), the Decap
 * CMS config (admin/config.ts), the CMS save guard, the translation report
 * (scripts/content/), the benchmark and Lighthouse (scripts/measure/), and
 * the tests. tests/unit/one-place.unit.test.ts fails if a collection name or
 * a URL shape is written anywhere else.
 *
 * Adding a collection: a schema in src/schemas/, one entry here, a template
 * in src/templates/ registered in src/pages/[locale]/[...path].astro, and the
 * UI strings its template uses. CONTRIBUTING.md walks through it.
 */
import { z } from 'astro/zod';
import { localeCodes, type LocaleCode } from './i18n/locales.ts';
import { campaignFields, campaignSchema } from './schemas/campaigns.ts';
import { helplineFields, helplineSchema } from './schemas/helplines.ts';
import { materialFields, materialSchema } from './schemas/materials.ts';
import { offerCheckFields, offerCheckSchema } from './schemas/offer-checks.ts';
import { pageFields, pageSchema } from './schemas/pages.ts';
import { rightsFields, rightsSchema } from './schemas/rights.ts';
import { settingsSchema } from './schemas/settings.ts';

export interface CollectionSpec {
  /** The front-matter fields: the CMS form is generated from them (admin/fields.ts). */
  readonly fields: z.ZodRawShape;
  /** What the build accepts: the fields, or Decap's untranslated stub (withUntranslatedStubs). */
  readonly schema: z.ZodType;
  /** How the CMS names the collection, in the editors' language (admin/config.ts EDITOR_LOCALE). */
  readonly cms: { readonly label: string; readonly singular: string };
  /** Path after the locale of the list page, e.g. "campaigns/"; none when the collection has no list. */
  readonly list?: string;
  /** Path after the locale where an entry is shown: its own page, or an anchor on the list page. */
  readonly entry: (slug: string) => string;
  /** Whether each entry has a page of its own (false: it is a section of the list page, `entry` has a #fragment). */
  readonly entryPage: boolean;
  /** UI-string key of the collection's name: main menu, search type filter, list links. */
  readonly navKey?: string;
  /** UI-string key of the text on the collection's card on the home page (and a browse link on the search page). */
  readonly homeCard?: string;
  /** Which page Lighthouse scores for this collection (scripts/measure/lighthouse.mjs): one per template is enough. */
  readonly audit?: 'list' | 'entry';
}

/**
 * The Markdown collections: `content/<name>/<locale>/<slug>.md`, one file per
 * language, the same file name (slug) in every language. Order matters: it is
 * the order of the main menu, the home page's cards and the CMS's collections.
 */
export const collections = {
  campaigns: {
    fields: campaignFields,
    schema: campaignSchema,
    cms: { label: 'Kampanyalar', singular: 'Kampanya' },
    list: 'campaigns/',
    entryPage: true,
    entry: (slug: string) => `campaigns/${slug}/`,
    navKey: 'nav.campaigns',
    homeCard: 'home.knowSignsIntro',
    audit: 'entry',
  },
  rights: {
    fields: rightsFields,
    schema: rightsSchema,
    cms: { label: 'Haklar', singular: 'Hak' },
    list: 'rights/',
    entryPage: true,
    entry: (slug: string) => `rights/${slug}/`,
    navKey: 'nav.rights',
    homeCard: 'home.knowRightsIntro',
    audit: 'entry',
  },
  materials: {
    fields: materialFields,
    schema: materialSchema,
    cms: { label: 'Okullar için materyaller', singular: 'Materyal' },
    list: 'materials/',
    entryPage: true,
    entry: (slug: string) => `materials/${slug}/`,
    navKey: 'nav.materials',
    homeCard: 'home.forSchoolsIntro',
    audit: 'entry',
  },
  helplines: {
    fields: helplineFields,
    schema: helplineSchema,
    cms: { label: 'Yardım hatları', singular: 'Yardım hattı' },
    list: 'helplines/',
    // Helplines have no page each: every one is a section of the list, with its slug as id.
    entryPage: false,
    entry: (slug: string) => `helplines/#${slug}`,
    navKey: 'nav.helplines',
    audit: 'list',
  },
  pages: {
    fields: pageFields,
    schema: pageSchema,
    cms: { label: 'Sayfalar', singular: 'Sayfa' },
    entryPage: true,
    entry: (slug: string) => `${slug}/`,
  },
  /**
   * "Check an offer" (issue 16): yes/no questions from the facts sheet's warning signs, one page
   * per entry and locale (src/templates/OfferCheckEntry.astro, src/components/OfferCheck/). No list:
   * the home page and the campaigns named in an entry's `campaigns` field link to it.
   */
  'offer-checks': {
    fields: offerCheckFields,
    schema: offerCheckSchema,
    cms: { label: 'Teklif kontrolü', singular: 'Teklif kontrolü' },
    entryPage: true,
    entry: (slug: string) => `check/${slug}/`,
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
/** Collections whose entries have a page of their own (not an anchor on the list). */
export type EntryPageCollection = { [C in CollectionName]: (typeof collections)[C]['entryPage'] extends true ? C : never }[CollectionName];
/** Collections with a list page. */
export type ListCollection = { [C in CollectionName]: (typeof collections)[C] extends { list: string } ? C : never }[CollectionName];

export const collectionNames = Object.keys(collections) as CollectionName[];

export const hasEntryPages = (name: CollectionName): name is EntryPageCollection => collections[name].entryPage;
export const hasList = (name: CollectionName): name is ListCollection => 'list' in collections[name];

/**
 * Collections of one data file per language, edited without Decap's i18n
 * panes (Decap supports only single-file i18n for file collections): site
 * settings and the UI strings. `cms` is the CMS collection's name and label.
 */
export const dataCollections = {
  settings: {
    folder: 'content/settings',
    pattern: '*/site.yml',
    file: (locale: LocaleCode) => `content/settings/${locale}/site.yml`,
    schema: settingsSchema,
    /** Written by admin/formats.ts (`site-yaml`): YAML as the build reads it. */
    cms: { name: 'settings', label: 'Site ayarları', format: 'site-yaml' },
  },
  /** UI strings; completeness is checked by tests/content/ui-strings.content.test.ts. */
  i18n: {
    folder: 'content/i18n',
    pattern: '*.json',
    file: (locale: LocaleCode) => `content/i18n/${locale}.json`,
    schema: z.record(z.string(), z.unknown()),
    /** Written by admin/formats.ts (`ui-json`): JSON as the repository keeps it. */
    cms: { name: 'ui-strings', label: 'Arayüz metinleri (düğmeler, menüler)', format: 'ui-json' },
  },
} as const;

/** The folder that holds a collection's language folders: "content/campaigns". */
export const collectionFolder = (name: CollectionName) => `content/${name}`;

/** Where an entry's file is, relative to the project: "content/campaigns/ar/fake-job-offers.md". */
export const entryFile = (name: CollectionName, locale: LocaleCode, slug: string) => `${collectionFolder(name)}/${locale}/${slug}.md`;

/**
 * An entry's id in the content layer is its path inside the collection folder,
 * without extension: "<locale>/<slug>" (src/content.config.ts). Throws, naming
 * the fix, when the file is not in a locale folder.
 */
export function splitEntryId(id: string): { locale: LocaleCode; slug: string } {
  const [locale, slug, ...rest] = id.split('/');
  if (!locale || !slug || rest.length > 0 || !(localeCodes as readonly string[]).includes(locale)) {
    throw new Error(`Content entry "${id}" is not in a locale folder. Put it under content/<collection>/<locale>/<slug>.md, with <locale> one of ${localeCodes.join(', ')}.`);
  }
  return { locale: locale as LocaleCode, slug };
}

/**
 * The schema a content file is checked against, from its path in the project:
 * "content/campaigns/tr/x.md" → the campaigns schema, "content/settings/tr/site.yml"
 * → the settings schema. Undefined for any other file (UI strings have their
 * declaration, src/i18n/ui-strings.ts). For checks that run outside Astro
 * (scripts/build/content-check.mjs, the content-rule tests).
 */
export function schemaForFile(projectPath: string): z.ZodType | undefined {
  const path = projectPath.split('\\').join('/');
  const name = collectionNames.find((n) => path.startsWith(`${collectionFolder(n)}/`));
  if (name) return collections[name].schema;
  return path.startsWith(`${dataCollections.settings.folder}/`) ? dataCollections.settings.schema : undefined;
}
