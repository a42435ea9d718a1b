/**
 * The sitemap, with hreflang alternates that list only real translations
 * (a fallback page is not an alternate). Built from the same route table as
 * the pages (src/lib/entries.ts `getRoutes()`), so it cannot list a page that
 * does not exist. /admin/ and the localized 404 pages are never in it.
 */
import type { APIRoute } from 'astro';
import { getLocale, localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { getRoutes, inSitemap } from '../lib/entries.ts';
import { localePath } from '../routes.ts';

export const GET: APIRoute = async ({ site, url }) => {
  // site is always set by a build (src/integrations/hosts.ts).
  const base = site ?? url;
  const abs = (locale: LocaleCode, path: string) => new URL(localePath(locale, path), base).href;
  // One <url> per page per locale; every locale of a path shares its alternates.
  const translatedIn = new Map<string, readonly LocaleCode[]>();
  for (const route of (await getRoutes()).filter(inSitemap)) if (!translatedIn.has(route.path)) translatedIn.set(route.path, route.translatedIn);
  const urls = [...translatedIn].flatMap(([path, codes]) => {
    const alternates = codes.map((code) => ({ hreflang: getLocale(code).hreflang, href: abs(code, path) }));
    return localeCodes.map((locale) => ({ loc: abs(locale, path), alternates }));
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls.map((u) =>
      [
        `<url><loc>${u.loc}</loc>`,
        ...u.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${a.href}"/>`),
        `<xhtml:link rel="alternate" hreflang="x-default" href="${new URL('/', base).href}"/>`,
        '</url>',
      ].join(''),
    ),
    '</urlset>',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
