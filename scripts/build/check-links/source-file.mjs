/**
 * The Markdown file behind a built page, so a problem is reported where an
 * editor can fix it (content/pages/tr/about.md:12), not in the built HTML.
 * Like withastro/docs' `tryFindSourceFileForPathname` and `indexOfHref`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryFile } from '../../../src/collections.ts';
import { isLocaleCode } from '../../../src/i18n/locales.ts';
import { routeAt } from '../../../src/routes.ts';

/**
 * @param {string} root the project folder
 * @param {string} pagePath the page's URL path, e.g. "/ar/campaigns/debt-bondage/"
 * @param {string | undefined} contentLocale the language the page's text is in (a fallback page shows another locale's file)
 * @returns {string | undefined} the file, relative to `root`, when the page shows an entry
 */
export function sourceFileFor(root, pagePath, contentLocale) {
  const route = routeAt(pagePath);
  if (route?.kind !== 'entry') return undefined;
  const textLocale = contentLocale ?? route.locale;
  if (!isLocaleCode(textLocale)) return undefined;
  const file = entryFile(route.collection, textLocale, route.slug);
  return existsSync(join(root, file)) ? file : undefined;
}

/**
 * The 1-based line of a source file where a link's address is written, or undefined.
 * @param {string} root
 * @param {string} file relative to root
 * @param {string} href the address as written in the page
 */
export function lineOf(root, file, href) {
  const text = readFileSync(join(root, file), 'utf8');
  const index = text.indexOf(href);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}
