/**
 * Plural UI strings, the i18next way: one key per CLDR plural category,
 * `search.results_one`, `search.results_other`, … (Arabic needs six, Turkish
 * two). The one definition of that key shape, for the CMS's field generator
 * (admin/ui-string-fields.ts) and the strings tests.
 */

/** The suffix of a plural key: "_one", "_few", …; the category is group 1. */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The plural categories a locale's strings need, from CLDR through Intl.PluralRules. */
export const pluralCategories = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
