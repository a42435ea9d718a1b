/**
 * `npm run translations:extract [-- locale…]`: back-translation extracts, one
 * Markdown file per translated locale, in docs/translation-review/extract/
 * (scripts/content/translation-extract.ts; the method: docs/translation-review/README.md).
 */
import { defaultLocale, isLocaleCode, localeCodes } from '../../src/i18n/locales.ts';
import { writeExtracts } from '../content/translation-extract.ts';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((code) => !isLocaleCode(code));
if (unknown.length) {
  console.error(`Not a locale: ${unknown.join(', ')}. Known: ${localeCodes.join(', ')}.`);
  process.exit(1);
}
for (const line of writeExtracts(wanted.length ? wanted : localeCodes.filter((l) => l !== defaultLocale))) console.log(line);
