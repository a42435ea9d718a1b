/**
 * The Decap CMS configuration, generated: collections, their labels and
 * folders from the collection registry (src/collections.ts), fields from its
 * schemas, languages from the locale registry (src/i18n/locales.ts),
 * UI-string fields from their declaration (src/i18n/ui-strings.ts) with the
 * English text from content/i18n/en.json (./ui-string-fields.ts). Nothing here
 * lists a field or a collection by hand, so a registry or schema change reaches
 * the CMS on the next build; tests/unit/cms-config.unit.test.ts fails if the two disagree.
 *
 * Built at build time by src/pages/admin/index.astro and handed to
 * `CMS.init({ config })` (admin/main.tsx); there is no config.yml.
 */
import { collectionFolder, collectionNames, collections, dataCollections, type CollectionName } from '../src/collections.ts';
import { defaultLocale, locales, type LocaleCode } from '../src/i18n/locales.ts';
import { localeName } from '../src/lib/content-rules/entries.ts';
import { bodyText } from '../src/schemas/common.ts';
import type { UiTree } from '../src/i18n/ui.ts';
import { backendConfig } from './backend.ts';
import { fieldsFromShape, type CmsField } from './fields.ts';
import { uiStringFields } from './ui-string-fields.ts';

/** The language of the CMS's own buttons and messages (Decap ships Turkish). */
export const EDITOR_LOCALE = 'tr';

/** Uploads: written to public/uploads/, linked as /uploads/… (the schemas' patterns expect that). */
const MEDIA_FOLDER = 'public/uploads';
const PUBLIC_FOLDER = '/uploads';

/**
 * Collections edited one file per language, without Decap's i18n panes:
 * Decap only supports `single_file` i18n for file collections, and these
 * files are per-language. The entry name is the locale code, which is how
 * admin/rtl.ts knows the text direction.
 */
export const perLocaleCollections = Object.values(dataCollections).map((c) => c.cms.name);

/** Settings the whole site takes from the default language's file (src/lib/settings.ts). */
export const siteWideSettings = ['quickExitUrl'];

/** Markdown body: translated, no raw HTML run in the preview, no inline images (images go in `image`, with alt text). */
const bodyField: CmsField = {
  name: 'body',
  label: bodyText.label,
  widget: 'markdown',
  i18n: true,
  required: false,
  hint: bodyText.hint,
  editor_components: [],
  sanitize_preview: true,
};

/**
 * A Markdown collection: content/<name>/<locale>/<slug>.md, one file per
 * language, all with the same Latin file name taken from the `slug` field.
 */
function folderCollection(name: CollectionName) {
  const { cms, fields } = collections[name];
  return {
    name,
    label: cms.label,
    label_singular: cms.singular,
    folder: collectionFolder(name),
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
    fields: [...fieldsFromShape(fields), bodyField],
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
      ...collectionNames.map(folderCollection),
      {
        name: dataCollections.settings.cms.name,
        label: dataCollections.settings.cms.label,
        format: dataCollections.settings.cms.format,
        delete: false,
        editor: { preview: false },
        // Site-wide settings (the quick-exit address) only in the default language's file: edited once, used everywhere.
        files: filePerLocale(dataCollections.settings.file, (code) =>
          withoutI18n(fieldsFromShape(dataCollections.settings.schema)).filter((f) => code === defaultLocale || !siteWideSettings.includes(f.name)),
        ),
      },
      {
        name: dataCollections.i18n.cms.name,
        label: dataCollections.i18n.cms.label,
        format: dataCollections.i18n.cms.format,
        delete: false,
        editor: { preview: false },
        files: filePerLocale(dataCollections.i18n.file, (code) => uiStringFields(englishStrings, code)),
      },
    ],
  };
}
