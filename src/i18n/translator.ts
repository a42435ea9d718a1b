/**
 * One i18next translate function per locale, from UI strings already loaded.
 * Shared by the site (src/i18n/ui.ts, from the content layer) and the CMS
 * previews (admin/previews.tsx, from the bundled JSON), so both resolve keys,
 * plurals, interpolation and the fallback chain the same way.
 */
import i18next, { type Resource, type TFunction } from 'i18next';
import { defaultLocale, fallbackOrder } from './locales.ts';

/**
 * `resources`: locale code → nested strings (content/i18n/<code>.json). Synchronous: nothing is fetched.
 * The strings do not change once loaded, so a key asked for without options gives the same string every
 * time: each is looked up once (issue 17: i18next's look-ups were 0.29 s of the 3.5 s Astro spent
 * rendering the peer pages, most of them a key without options). Calls with options (counts, values) go
 * to i18next each time.
 */
export function createTranslator(resources: Record<string, object>, locale: string): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    resources: Object.fromEntries(Object.entries(resources).map(([code, tree]) => [code, { translation: tree }])) as Resource,
    fallbackLng: [...fallbackOrder, defaultLocale],
    interpolation: { escapeValue: false }, // Astro and React escape on output.
    returnNull: false,
    initAsync: false,
  });
  const translate = instance.t.bind(instance) as unknown as (key: unknown, ...rest: unknown[]) => unknown;
  const plain = new Map<string, unknown>();
  return ((key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string') return translate(key, ...rest);
    if (!plain.has(key)) plain.set(key, translate(key));
    return plain.get(key);
  }) as unknown as TFunction;
}
