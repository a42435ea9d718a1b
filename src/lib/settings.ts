import { getCollection } from 'astro:content';
import { dataCollections, splitEntryId } from '../collections.ts';
import { defaultLocale, localeChain, type LocaleCode } from '../i18n/locales.ts';

export interface SiteSettings {
  siteName: string;
  tagline: string;
  /** One destination for the whole site, taken from the default locale's settings. */
  quickExitUrl: string;
}

/** Site settings in the reader's language, falling back along the same chain as entries. */
export async function getSettings(locale: LocaleCode): Promise<SiteSettings> {
  const all = await getCollection('settings');
  const byLocale = new Map(all.map((s) => [splitEntryId(s.id).locale, s.data]));
  const source = byLocale.get(defaultLocale);
  if (!source) throw new Error(`${dataCollections.settings.file(defaultLocale)} is missing: the site needs its name and quick-exit destination.`);
  if (!source.quickExitUrl) throw new Error(`${dataCollections.settings.file(defaultLocale)} has no quickExitUrl: the quick-exit button needs its destination.`);
  const local =
    localeChain(locale)
      .map((c) => byLocale.get(c))
      .find(Boolean) ?? source;
  return { siteName: local.siteName, tagline: local.tagline, quickExitUrl: source.quickExitUrl };
}
