/**
 * A link on a page in one language must lead to a page in the same language:
 * an Arabic page whose text links to /tr/about/ sends a reader to Turkish
 * text (usually a link kept when the entry was translated). Modelled on
 * withastro/docs' `same-language` check.
 *
 * Not checked: links that say they change language (an `hreflang` attribute:
 * the language switcher, hreflang alternates), pages outside a locale (the
 * language chooser, the site-wide 404), and fallback pages, whose text is in
 * another language on purpose (their links are the source text's own).
 */
import { isLocaleCode } from '../../../../src/i18n/locales.ts';

/**
 * @param {import('../index.mjs').Link} link
 * @param {import('../index.mjs').Page} page
 * @param {import('../index.mjs').Site} site
 * @returns {string | undefined} the reason, with the address to use instead when that page exists
 */
export function sameLanguage(link, page, site) {
  if (!page.locale || page.isFallback || link.hreflang !== undefined) return undefined;
  const [, first, ...rest] = link.url.pathname.split('/');
  if (!first || !isLocaleCode(first) || first === page.locale) return undefined;
  const instead = `/${[page.locale, ...rest].join('/')}`;
  const suggestion = site.exists(instead) ? ` Link to ${instead}${link.url.hash} instead.` : '';
  return `links to a page in another language (${first}) from a page in ${page.locale}.${suggestion}`;
}
