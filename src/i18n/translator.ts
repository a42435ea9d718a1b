/**
 * One i18next translate function per locale, from UI strings already loaded.
 * Shared by the site (src/i18n/ui.ts, from the content layer) and the CMS
 * previews (admin/previews.tsx, from the bundled JSON), so both resolve keys,
 * plurals, interpolation and the fallback chain the same way.
 */
import i18next, { type Resource, type TFunction } from 'i18next';
import { defaultLocale, fallbackOrder } from './locales.ts';

/** `resources`: locale code → nested strings (content/i18n/<code>.json). Synchronous: nothing is fetched. */
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
  return instance.t.bind(instance);
}
