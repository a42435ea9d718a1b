/**
 * The sitemap, with hreflang alternates that list only real translations
 * (a fallback page is not an alternate). Built from the same entries as the
 * pages, so it cannot list a page that does not exist. /admin/ is never in it.
 */
import type { APIRoute } from 'astro';
import { getLocale, localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { getLocalizedEntries, type LocalizedCollection } from '../lib/entries.ts';
import { localePath } from '../lib/urls.ts';

const uiPages = ['', 'campaigns/', 'rights/', 'materials/', 'helplines/', 'card/', 'search/'];
const entryRoutes: Record<LocalizedCollection, (slug: string) => string> = {
  campaigns: (slug) => `campaigns/${slug}/`,
  rights: (slug) => `rights/${slug}/`,
  materials: (slug) => `materials/${slug}/`,
  helplines: (slug) => `helplines/#${slug}`,
  pages: (slug) => `${slug}/`,
};

export const GET: APIRoute = async ({ site, url }) => {
  // site is always set by a build (src/integrations/hosts.ts).
  const base = site ?? url;
  const abs = (locale: LocaleCode, path: string) => new URL(localePath(locale, path), base).href.replace(/\/#/, '/#');
  const urls: { loc: string; alternates: { hreflang: string; href: string }[] }[] = [];
  const add = (path: string, translatedIn: readonly LocaleCode[]) => {
    const alternates = translatedIn.map((code) => ({ hreflang: getLocale(code).hreflang, href: abs(code, path) }));
    for (const locale of localeCodes) urls.push({ loc: abs(locale, path), alternates });
  };
  for (const path of uiPages) add(path, localeCodes);
  for (const collection of ['campaigns', 'rights', 'materials', 'pages'] as const) {
    for (const item of await getLocalizedEntries(collection, 'tr')) add(entryRoutes[collection](item.slug), item.translatedIn);
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls.map((u) => [
      `<url><loc>${u.loc}</loc>`,
      ...u.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${a.href}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${new URL('/', base).href}"/>`,
      '</url>',
    ].join('')),
    '</urlset>',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
