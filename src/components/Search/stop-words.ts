/**
 * Common words of each language, which a search leaves out when the query has
 * other words (issue 12): "my passport was taken" looks for "passport taken",
 * so a page need not contain "my" and "was" to be found.
 *
 * Build time only: scripts/search-index.mjs writes the reader's locale's list
 * into that locale's search data (/pagefind/extra/<index>.json), which the
 * search page fetches on first use. Never import this into the browser bundle.
 *
 * Lists: the npm package `stopword` (maintained; lists for Turkish, Arabic,
 * Persian, Russian and English). It has none for Kurmanji (its `kur` list is
 * Sorani, in Arabic script) or Pashto, and no package on npm has: those two
 * lists are ours, function words only (pronouns, particles, prepositions,
 * conjunctions), and want a native speaker's review. The Persian list of
 * `stopword` lacks the pronouns and the object marker readers type in
 * sentences; we add those.
 */
import { ara, eng, fas, rus, tur } from 'stopword';
import { fold } from './folding.ts';

const FROM_PACKAGE: Record<string, readonly string[]> = { tr: tur, ar: ara, fa: fas, ru: rus, en: eng };

const OURS: Record<string, readonly string[]> = {
  // Kurmanji: conjunctions, prepositions and postpositions, pronouns (direct and oblique), the copula, ezafe.
  ku: ['û', 'an', 'jî', 'ji', 'bi', 'di', 'de', 'da', 'li', 'ra', 're', 'bo', 'ku', 'ev', 'ew', 'vê', 'vî', 'wê', 'wî', 'ez', 'min', 'tu', 'te', 'em', 'me', 'hûn', 'we', 'ewan', 'wan', 'xwe', 'yê', 'ya', 'yên', 'ye', 'e', 'ne', 'na', 'heye', 'hene', 'bû', 'wek', 'çi'],
  // Pashto: prepositions and postpositions, conjunctions, pronouns and their clitics, the copula, the future particle.
  ps: ['د', 'او', 'په', 'چې', 'له', 'سره', 'ته', 'کې', 'هم', 'یا', 'دا', 'دغه', 'هغه', 'زه', 'زما', 'ما', 'مې', 'ته', 'ستا', 'تاسو', 'ستاسو', 'موږ', 'زموږ', 'دوی', 'یې', 'دې', 'دي', 'ده', 'دی', 'وو', 'به', 'لپاره', 'څخه', 'باندې', 'پر', 'تر', 'نه', 'هر'],
};
const ADDED: Record<string, readonly string[]> = {
  // Persian pronouns, the object marker را is in the package; "me", "my", "is", the verb prefix and plural suffix written apart.
  fa: ['من', 'مرا', 'مرا', 'تو', 'او', 'ما', 'شما', 'آنها', 'ایشان', 'است', 'هست', 'بود', 'شد', 'می', 'های', 'ها', 'این', 'آن', 'یک'],
};

/** The stop words of `locale`, folded as search folds them (./folding.ts), sorted and without duplicates. */
export function stopWords(locale: string): string[] {
  const words = [...(FROM_PACKAGE[locale] ?? []), ...(OURS[locale] ?? []), ...(ADDED[locale] ?? [])];
  return [...new Set(words.map((w) => fold(w, locale).trim()).filter(Boolean))].sort();
}
