/**
 * The site's public address: canonical URLs, hreflang links, the sitemap,
 * robots.txt, Open Graph, the WhatsApp share and copy-link values all start
 * with it. A wrong one makes every shared link dead, so there is no
 * placeholder: a build without one fails (see `siteUrlIntegration` in
 * astro.config.mjs) instead of shipping `https://example.org/`.
 *
 * Where it comes from, first found wins:
 *   1. `SITE_URL`: set it on any host, and on Cloudflare Pages for a custom domain;
 *   2. `URL`: Netlify's main address of the site (set by Netlify on every build),
 *      https://docs.netlify.com/configure-builds/environment-variables/#deploy-urls-and-metadata;
 *   3. `CF_PAGES_URL`: the address of this Cloudflare Pages deployment
 *      (`https://<hash>.<project>.pages.dev`, set by Cloudflare on every build),
 *      https://developers.cloudflare.com/pages/configuration/build-configuration/#environment-variables.
 * Local builds and tests pass a loopback address in `SITE_URL` (`localSiteUrl`).
 */

/** The variables read, in order of precedence. */
export const SITE_URL_VARIABLES = ['SITE_URL', 'URL', 'CF_PAGES_URL'] as const;
export type SiteUrlVariable = (typeof SITE_URL_VARIABLES)[number];

type Env = Readonly<Record<string, string | undefined>>;

export interface SiteUrl {
  /** Absolute http(s) URL ending in `/`. */
  href: string;
  /** Which variable it came from. */
  variable: SiteUrlVariable;
}

/** The loopback address local builds and tests use: `http://127.0.0.1:<port>/`. */
export function localSiteUrl(port: number | string = 4321): string {
  return `http://127.0.0.1:${port}/`;
}

/** True for 127.0.0.0/8, ::1 and localhost: an address only this machine reaches. */
export function isLoopback(href: string): boolean {
  const { hostname } = new URL(href);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** True when the build runs on Netlify or Cloudflare Pages (their own build variables). */
export function onHost(env: Env): boolean {
  return env.NETLIFY === 'true' || env.CF_PAGES === '1';
}

/**
 * The site URL from the environment, or undefined when no variable is set.
 * Throws (naming the variable) when a variable is set but is not an absolute
 * http(s) URL, or when a loopback address would be deployed from Netlify or
 * Cloudflare Pages.
 */
export function siteUrlFrom(env: Env): SiteUrl | undefined {
  const variable = SITE_URL_VARIABLES.find((name) => env[name]?.trim());
  if (!variable) return undefined;
  const value = env[variable]!.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable}="${value}" is not an absolute URL. Set ${variable} to the site's public address, e.g. https://example.com/.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${variable}="${value}" must start with https:// (or http:// for a local build).`);
  if (onHost(env) && isLoopback(url.href)) throw new Error(`${variable}="${value}" is a loopback address, which nobody else can open; this build runs on a host. Set SITE_URL to the public address.`);
  url.pathname = url.pathname.replace(/\/?$/, '/');
  url.search = '';
  url.hash = '';
  return { href: url.href, variable };
}

/** The message a build without a site URL fails with. */
export function missingSiteUrlMessage(): string {
  return [
    'No site URL: every canonical link, hreflang link, sitemap entry and shared link needs the public address.',
    'Set SITE_URL to it (e.g. SITE_URL=https://example.com/ npm run build).',
    'Netlify sets URL and Cloudflare Pages sets CF_PAGES_URL by themselves; on Cloudflare with a custom domain, set SITE_URL.',
    `For a local build: npm run build -- --local (uses ${localSiteUrl()}).`,
  ].join('\n');
}
