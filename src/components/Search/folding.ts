/**
 * Folding: what readers cannot type, mapped to what they can, per locale.
 * One module for both sides (issue 12): scripts/search-index.mjs folds the
 * pages' words into the index, ./search-ui.ts folds what the reader types, so
 * a folded query meets folded text.
 *
 * Pagefind already lower-cases and strips combining marks on both sides
 * (Unicode NFD, then every \p{M}), so "çocuk" and "cocuk", "زَواج" and "زواج",
 * "أمان" and "امان", "zorê" and "zore" meet without us. What it cannot do is
 * fold letters that have no decomposition: Turkish dotless ı, the Pashto
 * letters, the Arabic and Persian forms of yeh and kaf, and digits. That is
 * this table. Each entry says which keyboard types what; every mapping loses
 * a distinction the language makes, which is the point: a search that finds a
 * page for a near spelling beats one that finds nothing, and the ranking still
 * prefers the exact spelling (the text's own words are indexed unfolded too).
 *
 * Sources: the letters of the Turkish (Q and F), Arabic (101), Persian
 * (ISIRI 9147) and Pashto (Afghan standard) keyboard layouts; Unicode's
 * Arabic block charts for the letter shapes. The Pashto choices (what a
 * Persian keyboard types for ټ ډ ړ ږ ښ ګ ڼ ې ۍ) are ours, by shape and
 * sound, and want a native speaker's review.
 */

/** Arabic-Indic (٠–٩) and Extended Arabic-Indic/Persian (۰–۹) digits, typed on Arabic, Persian and Pashto keyboards. Texts write phone numbers in Latin digits. */
const DIGITS: ReadonlyArray<readonly [string, string]> = [...'٠١٢٣٤٥٦٧٨٩'].map((d, i) => [d, String(i)] as const).concat([...'۰۱۲۳۴۵۶۷۸۹'].map((d, i) => [d, String(i)] as const));

/** Tatweel (kashida) only stretches a word; the zero-width non-joiner (ZWNJ) is left out by many keyboards and phones. */
const INVISIBLE = /[\u0640\u200c\u200d]/g;

/**
 * Per locale: [what may be written or typed, what it folds to]. Locales not
 * listed (ru, en) need nothing beyond Pagefind's own folding and the digits.
 */
export const FOLDING_TABLES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  // Turkish: ı has no decomposition, so NFD cannot fold it; İ lower-cases to i + combining dot, which NFD strips.
  // Readers without a Turkish keyboard type i for ı (and c g o s u for ç ğ ö ş ü, which Pagefind folds).
  tr: [['ı', 'i']],
  // Kurmanji (Latin): ê î û ç ş fold by NFD; a Turkish keyboard types ı for i.
  ku: [['ı', 'i']],
  // Arabic: alif maqsura and yeh, ta marbuta and heh are typed for each other; a Persian keyboard types ی and ک.
  ar: [['ى', 'ي'], ['ی', 'ي'], ['ة', 'ه'], ['ک', 'ك']],
  // Persian: an Arabic keyboard types ي and ك where Persian has ی and ک (phones in Iran and Afghanistan often have one).
  fa: [['ي', 'ی'], ['ى', 'ی'], ['ك', 'ک'], ['ة', 'ه']],
  // Pashto typed on a Persian or Arabic keyboard, which has none of the Pashto letters:
  // ټ→ت ډ→د ړ→ر ږ→ژ ښ→ش ګ→گ ڼ→ن, and every yeh (ي ی ې ۍ ى) folds to ی. Then گ and Arabic ك fold to ک,
  // because an Arabic keyboard has only ك. Pashto content also mixes پاسپورټ and پاسپورت: this meets them too.
  ps: [['ټ', 'ت'], ['ډ', 'د'], ['ړ', 'ر'], ['ږ', 'ژ'], ['ښ', 'ش'], ['ګ', 'ک'], ['گ', 'ک'], ['ك', 'ک'], ['ڼ', 'ن'], ['ې', 'ی'], ['ۍ', 'ی'], ['ي', 'ی'], ['ى', 'ی']],
};

const tables = new Map(
  Object.entries(FOLDING_TABLES).map(([locale, pairs]) => {
    const map = new Map<string, string>([...DIGITS, ...pairs]);
    return [locale, { map, pattern: new RegExp(`[${[...map.keys()].join('')}]`, 'gu') }];
  }),
);
const digitsOnly = { map: new Map<string, string>(DIGITS), pattern: new RegExp(`[${DIGITS.map(([d]) => d).join('')}]`, 'gu') };

/**
 * What Pagefind itself does to a word before stemming (pagefind/src/fossick/
 * splitting.rs, pagefind_web_js normalizeDiacritics): lower-case, NFD, drop
 * every combining mark.
 */
export function pagefindNormalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Folds text for search in `locale` (a locale code: "tr", "ps", ...): the
 * locale's table and the digits, then Pagefind's own normalization.
 * The result is lower-case, without combining marks, tatweel or ZWNJ.
 * `fold("Yardım HATTI", "tr")` → "yardim hatti"; `fold("پاسپورټ", "ps")` →
 * "پاسپورت"; `fold("١٥٧", "ar")` → "157". Unknown locales get the digits only.
 */
export function fold(text: string, locale: string): string {
  const { map, pattern } = tables.get(locale) ?? digitsOnly;
  // Turkish and Kurmanji first: lower-casing "I" with the default rules gives "i", with Turkish rules "ı"; both fold to "i".
  return pagefindNormalize(text.replace(INVISIBLE, '')).replace(pattern, (c) => map.get(c) ?? c);
}

/** Words as Pagefind splits them: on white space, keeping letters and digits (so "157YİMER" would stay one word). */
export function words(text: string): string[] {
  return text.split(/\s+/u).map((w) => w.replace(/[^\p{L}\p{N}\p{M}\u200c]/gu, '')).filter(Boolean);
}

/**
 * Separates a page's own text from what scripts/search-index.mjs adds for the
 * index only (folded words, readers' search words). It is not a letter or
 * digit, so Pagefind indexes no word for it, but it stays in the fragment's
 * text: the search page builds excerpts from the words before it.
 */
export const FOLDED_TEXT_MARK = '⁂';
