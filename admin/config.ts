/**
 * The Decap CMS configuration, generated: collections and fields from the
 * content schemas (src/schemas/), languages from the locale registry
 * (src/i18n/locales.ts), UI-string fields from their declaration (src/i18n/ui-strings.ts), with the English text from content/i18n/en.json.
 * Nothing here lists a field by hand, so a schema change reaches the CMS on
 * the next build; tests/unit/cms-config.test.ts fails if the two disagree.
 *
 * Built at build time by src/pages/admin/index.astro and handed to
 * `CMS.init({ config })` (admin/main.tsx); there is no config.yml.
 */
import type { z } from 'astro/zod';
import { defaultLocale, locales, type LocaleCode } from '../src/i18n/locales.ts';
import { campaignFields, campaignSchema } from '../src/schemas/campaigns.ts';
import { helplineFields, helplineSchema } from '../src/schemas/helplines.ts';
import { materialFields, materialSchema } from '../src/schemas/materials.ts';
import { pageFields, pageSchema } from '../src/schemas/pages.ts';
import { rightsFields, rightsSchema } from '../src/schemas/rights.ts';
import { settingsSchema } from '../src/schemas/settings.ts';
import { isUiStringSpec, uiStrings, type UiStringSpec, type UiStringTree } from '../src/i18n/ui-strings.ts';
import { backendConfig } from './backend.ts';
import { fieldsFromShape, labelFor, type CmsField } from './fields.ts';
import { fieldLabels } from './labels.ts';
import { localeName } from '../src/lib/content-rules/entries.ts';

/** The language of the CMS's own buttons and messages (Decap ships Turkish). */
export const EDITOR_LOCALE = 'tr';

/** Uploads: written to public/uploads/, linked as /uploads/… (the schemas' patterns expect that). */
export const MEDIA_FOLDER = 'public/uploads';
export const PUBLIC_FOLDER = '/uploads';

/**
 * The Markdown collections: content/<name>/<locale>/<slug>.md, one file per
 * language, all with the same Latin file name taken from the `slug` field.
 */
export const folderCollections = [
  { name: 'campaigns', label: 'Kampanyalar', singular: 'Kampanya', shape: campaignFields, schema: campaignSchema },
  { name: 'rights', label: 'Haklar', singular: 'Hak', shape: rightsFields, schema: rightsSchema },
  { name: 'materials', label: 'Okullar için materyaller', singular: 'Materyal', shape: materialFields, schema: materialSchema },
  { name: 'helplines', label: 'Yardım hatları', singular: 'Yardım hattı', shape: helplineFields, schema: helplineSchema },
  { name: 'pages', label: 'Sayfalar', singular: 'Sayfa', shape: pageFields, schema: pageSchema },
] as const satisfies readonly { name: string; label: string; singular: string; shape: z.ZodRawShape; schema: z.ZodType }[];

/**
 * Collections edited one file per language, without Decap's i18n panes:
 * Decap only supports `single_file` i18n for file collections, and these
 * files are per-language. The entry name is the locale code, which is how
 * admin/rtl.ts knows the text direction.
 */
export const perLocaleCollections = ['settings', 'ui-strings'] as const;

export type UiTree = { [key: string]: string | UiTree };

/** Settings the whole site takes from the default language's file (src/lib/settings.ts). */
export const siteWideSettings = ['quickExitUrl'];

/** Markdown body: translated, no raw HTML run in the preview, no inline images (images go in `image`, with alt text). */
const bodyField: CmsField = {
  name: 'body',
  label: fieldLabels.body ?? 'Body',
  widget: 'markdown',
  i18n: true,
  required: false,
  hint: 'The main text. Use headings (##) and lists; keep sentences short.',
  editor_components: [],
  sanitize_preview: true,
};

function folderCollection({ name, label, singular, shape }: (typeof folderCollections)[number]) {
  return {
    name,
    label,
    label_singular: singular,
    folder: `content/${name}`,
    create: true,
    extension: 'md',
    format: 'frontmatter',
    i18n: true,
    // The file name comes from the explicit Latin `slug` field, never from the
    // title: Decap turns a Persian or Arabic title into an empty slug and the save fails.
    slug: '{{fields.slug}}',
    identifier_field: 'title',
    // `{{slug}}` in a summary is the identifier (the title again); the slug field is `fields.slug`.
    summary: '{{fields.title}} — {{fields.slug}}',
    sortable_fields: ['title', 'slug'],
    fields: [...fieldsFromShape(shape), bodyField],
  };
}

/** A field list for one language file: no per-field i18n (the file is the language). */
function withoutI18n(fields: CmsField[]): CmsField[] {
  return fields.map(({ i18n: _i18n, ...field }) => ({
    ...field,
    ...(field.fields && { fields: withoutI18n(field.fields) }),
    ...(field.field && { field: withoutI18n([field.field])[0] }),
  }));
}

/** "Arapça (العربية)": staff pick languages by name, not by code. */
function localeLabel(code: LocaleCode): string {
  return localeName(code);
}

/**
 * Fields for content/i18n/<locale>.json: every key declared in
 * src/i18n/ui-strings.ts, nested as declared, each plural key expanded to the
 * forms the locale needs (Arabic has six, Turkish two). The hint is the
 * declaration's note for translators, with the English text to translate.
 */
export function uiStringFields(english: UiTree, code: LocaleCode, declared: UiStringTree = uiStrings): CmsField[] {
  const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const out: CmsField[] = [];
  for (const [key, spec] of Object.entries(declared)) {
    if (!isUiStringSpec(spec)) {
      const group = english[key];
      out.push({ name: key, label: labelFor(key), widget: 'object', collapsed: true, fields: uiStringFields(typeof group === 'object' ? group : {}, code, spec) });
      continue;
    }
    if (spec.plural) {
      const sample = english[`${key}_other`];
      for (const form of forms) {
        out.push({ name: `${key}_${form}`, label: `${labelFor(key)} (${form})`, widget: 'string', hint: hintFor(spec, typeof sample === 'string' ? `${sample} (other)` : undefined) });
      }
      continue;
    }
    const sample = english[key];
    out.push({ name: key, label: labelFor(key), widget: typeof sample === 'string' && sample.length > 80 ? 'text' : 'string', hint: hintFor(spec, typeof sample === 'string' ? sample : undefined) });
  }
  return out;
}

function hintFor(spec: UiStringSpec, english: string | undefined): string {
  return `${spec.description}${english === undefined ? '' : ` English: “${english}”`}`;
}

export interface BuildOptions {
  /** content/i18n/en.json: the English text shown in each UI-string field's hint. */
  englishStrings: UiTree;
  /** decap-server's port for local editing (admin/backend.ts). */
  decapServerPort: number;
}

/** Every locale, the default (source) language first, as the editor lists them. */
const localesDefaultFirst: LocaleCode[] = [defaultLocale, ...locales.map((l) => l.code).filter((c) => c !== defaultLocale)];

/**
 * A file collection with one file per language, listed under the language's name.
 * (Decap allows i18n on a file collection only as a single file, so each language is its own file entry.)
 */
function filePerLocale(path: (code: LocaleCode) => string, fields: (code: LocaleCode) => CmsField[]) {
  return localesDefaultFirst.map((code) => ({ name: code, label: localeLabel(code), file: path(code), fields: fields(code) }));
}

/** The whole Decap config, ready for `CMS.init({ config })`. */
export function buildCmsConfig({ englishStrings, decapServerPort }: BuildOptions) {
  return {
    load_config_file: false,
    locale: EDITOR_LOCALE,
    ...backendConfig(decapServerPort),
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    // Upload names: lowercase ASCII, so they match the schemas' /uploads/[\w.-]+ patterns.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // Decap shows the first locale in the left pane and validates it on save: the source language.
    i18n: { structure: 'multiple_folders', locales: localesDefaultFirst, default_locale: defaultLocale },
    editor: { preview: true },
    collections: [
      ...folderCollections.map(folderCollection),
      {
        name: 'settings',
        label: 'Site ayarları',
        format: 'site-yaml',
        delete: false,
        editor: { preview: false },
        // Site-wide settings (the quick-exit address) only in the default language's file: edited once, used everywhere.
        files: filePerLocale(
          (code) => `content/settings/${code}/site.yml`,
          (code) => withoutI18n(fieldsFromShape(settingsSchema)).filter((f) => code === defaultLocale || !siteWideSettings.includes(f.name)),
        ),
      },
      {
        name: 'ui-strings',
        label: 'Arayüz metinleri (düğmeler, menüler)',
        format: 'ui-json',
        delete: false,
        editor: { preview: false },
        files: filePerLocale((code) => `content/i18n/${code}.json`, (code) => uiStringFields(englishStrings, code)),
      },
    ],
  };
}

export type DecapConfig = ReturnType<typeof buildCmsConfig>;
