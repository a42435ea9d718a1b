/**
 * robots.txt: every public page may be crawled; the CMS may not (it is for
 * staff, and /admin/ also sends X-Robots-Tag: noindex). The Sitemap line must
 * be an absolute URL, so this is built from `site` rather than kept in public/.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site, url }) => {
  // site is always set by a build (src/integrations/hosts.ts).
  const base = site ?? url;
  const lines = ['User-agent: *', 'Allow: /', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap.xml', base).href}`, ''];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
