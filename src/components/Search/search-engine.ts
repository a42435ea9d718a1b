/**
 * How the search page turns what a reader typed into a ranked list of pages,
 * on top of Pagefind's own search (issue 12). Pure logic: ./search-ui.ts
 * gives it Pagefind and this locale's data; a Node script can give it the same.
 *
 * Pagefind alone ANDs every word, matches a word only as written or as the
 * start of a longer one, and stems after folding diacritics. Readers type
 * sentences, inflected forms, near spellings and letters of another keyboard.
 * So, for each word the reader typed (common words left out, ./stop-words.ts):
 *
 * 1. Folding: the word as typed, and folded (./folding.ts). The index holds
 *    each page's folded words too (scripts/search-index.mjs), so "yardim"
 *    meets "yardım" and "مرستی" meets "مرستې".
 * 2. Stems that meet: also the word a letter or two shorter. Pagefind folds
 *    diacritics before it stems, so one word can get two stems that never
 *    meet (Russian "принудительный" → "принудительныи", whose stem is not a
 *    start of "принудительн"; Turkish "pasaportunuz" → "pasapor", "pasaport"
 *    → "pasaport"): the shorter form is a start of both. Reported upstream:
 *    docs/upstream/pagefind-fold-before-stem.md.
 *    A word that finds nothing is shortened further, down to SHORTEST_FORM,
 *    the way Pagefind itself falls back to the longest known start of a word.
 * 3. Sentences find pages: each word is searched on its own, and a page's
 *    score for the query is the sum of its best score for each word
 *    (Pagefind's BM25 scores add up the same way across a query's terms).
 *    Pages with every word come first; when fewer than FEW pages have every
 *    word, pages with most of the words follow, by how many, then by score.
 * 4. One wrong letter still finds: when that leaves almost nothing, the
 *    words that found nothing are replaced by the nearest words of the
 *    site's own word list (edit distance 1 or 2, after folding), fetched only
 *    then, and the search runs again with them.
 */
import { fold, words as splitWords } from './folding.ts';

/** One result of Pagefind's search() (pagefind_web_js/lib/coupled_search.ts), as much as we use. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page's text (the fragment's content split on white space). */
  words: number[];
  data(): Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  content: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** What search-index.mjs writes to /pagefind/extra/<locale>.json. */
export interface LocaleSearchData {
  stop: string[];
  /** Result id (fragment name) → [url, title, type]. */
  pages: Record<string, [string, string, string]>;
}

export interface Hit {
  id: string;
  score: number;
  /** How many of the query's words the page matched. */
  matched: number;
  /** Word positions matched on the page, for the excerpt. */
  locations: number[];
  /** A Pagefind result for this page: its data() loads the fragment (text for the excerpt). */
  result: PagefindResult;
}

export interface Found {
  hits: Hit[];
  /** The words searched for, folded, as typed or corrected (for highlighting). */
  terms: string[];
  /** When some words were replaced by the nearest known words: the corrected query. */
  correction?: string;
  /** Whether the correction's results are shown (the words as typed found nothing). */
  corrected: boolean;
}

/** Words shorter than this are not corrected: one letter away from a short word are too many other words. */
const MIN_CORRECTED_LENGTH = 4;
/** Fewer pages than this with every word: also show pages with some of the words, and look for corrections. */
export const FEW = 3;
/** No word is shortened below this many letters, */
const SHORTEST_FORM = 4;
/** nor below this share of its letters: "pasaportumu" down to "pasapor", "pasaprot" (a typo) not to "pasa". */
const SHORTEST_SHARE = 0.7;
/** Each letter taken off a word makes its matches count a little less than the word as typed. */
const SHORTER_FORM_WEIGHT = 0.8;
/** Article and prepositions written onto a word, longest first (Arabic: وال بال كال فال لل ال). */
const ARTICLES: Record<string, readonly string[]> = { ar: ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] };
/** A word found on at least this share of the language's pages is common: it adds to the score but does not knock out pages. */
const COMMON_SHARE = 0.6;

/**
 * The helplines page's Pagefind metadata with its helplines' numbers
 * (src/pages/[locale]/helplines/index.astro), and its weight (issue 12: a
 * search for 112, 157 or 183 shows the helplines page first). Heading weight
 * on the number is not enough: many pages say "157'yi arayın", and Pagefind
 * adds a score for each form ("157", "157yi", "157ye"), while metadata adds
 * weight × IDF once, whatever the page's length.
 */
export const HELPLINE_NUMBERS_META = 'helplines';
export const RANKING = { metaWeights: { [HELPLINE_NUMBERS_META]: 20 } };

interface WordHits {
  /** Page id → best score and the locations matched. */
  pages: Map<string, { score: number; locations: number[]; result: PagefindResult }>;
  /** Whether the word as typed or folded found pages (not only a shortened form). */
  exact: boolean;
}

/**
 * Forms of one word to search for, best first, with the weight of their
 * matches: as typed, folded, then shorter by a letter at a time, down to
 * SHORTEST_FORM letters or SHORTEST_SHARE of the word, whichever is longer.
 */
export function wordForms(typed: string, locale: string): Array<{ form: string; weight: number; exact: boolean }> {
  const folded = fold(typed, locale);
  const forms = [{ form: typed.toLowerCase(), weight: 1, exact: true }];
  if (folded !== typed.toLowerCase()) forms.push({ form: folded, weight: 1, exact: true });
  // Arabic: the word without its article and the prepositions written onto it ("الديون" → "ديون"), which the
  // Snowball stemmer does not always take off (it stems "الديون" to "الد"). Light stemming (Larkey et al. 2002).
  const article = (ARTICLES[locale] ?? []).find((a) => folded.startsWith(a) && [...folded].length - [...a].length >= 3);
  if (article) forms.push({ form: folded.slice(article.length), weight: 1, exact: true });
  const letters = [...folded];
  const shortest = Math.max(SHORTEST_FORM, Math.ceil(letters.length * SHORTEST_SHARE));
  for (let length = letters.length - 1; length >= shortest; length--) {
    forms.push({ form: letters.slice(0, length).join(''), weight: SHORTER_FORM_WEIGHT ** (letters.length - length), exact: false });
  }
  return forms;
}

async function searchWord(api: PagefindApi, typed: string, locale: string, filters: Record<string, string>): Promise<WordHits> {
  const pages: WordHits['pages'] = new Map();
  let exact = false;
  const forms = wordForms(typed, locale);
  const found = await Promise.all(forms.map(({ form }) => api.search(form, { filters })));
  forms.forEach(({ weight, exact: isExact }, i) => {
    const results = found[i]?.results ?? [];
    if (isExact && results.length) exact = true;
    // A shorter form must find every page the longer ones found. If it does not, Pagefind found none of the words
    // it starts (the Turkish stemmer turns "kelimebirkac" into "kelimebirkaç", which the folded index never has)
    // and fell back to the longest indexed start of it ("kelime"): other words altogether.
    if (!isExact && pages.size && [...pages.keys()].some((id) => !results.some((r) => r.id === id))) return;
    for (const r of results) {
      const score = r.score * weight;
      const seen = pages.get(r.id);
      if (!seen) pages.set(r.id, { score, locations: [...r.words], result: r });
      else {
        seen.locations.push(...r.words);
        if (score > seen.score) Object.assign(seen, { score, result: r });
      }
    }
  });
  return { pages, exact };
}

/**
 * Combines each word's pages. A page's score is the sum of its best score for
 * each word. Pages are ranked by how many of the (uncommon) words they have,
 * then by score: pages with every word first, then the rest. A sentence's
 * verbs and pronouns ("they want", "istiyorlar") are on few pages, so a page
 * about the sentence's subject must not drop out for lacking one of them.
 */
function combine(perWord: WordHits[], pageCount: number): Hit[] {
  const common = perWord.map((w) => pageCount > 0 && w.pages.size >= COMMON_SHARE * pageCount);
  const counts = common.every(Boolean) ? common.map(() => true) : common.map((c) => !c);
  const pages = new Map<string, Hit>();
  perWord.forEach(({ pages: hits }, i) => {
    for (const [id, { score, locations, result }] of hits) {
      const hit = pages.get(id) ?? { id, score: 0, matched: 0, locations: [], result };
      hit.score += score;
      if (counts[i]) hit.matched += 1;
      hit.locations.push(...locations);
      pages.set(id, hit);
    }
  });
  return [...pages.values()].sort((a, b) => b.matched - a.matched || b.score - a.score);
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent
 * transpositions, Damerau 1964), stopping early once it exceeds `max`.
 * Works on code points. Returns max + 1 for anything further than max.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[t.length]!;
}

/**
 * The known words nearest to `word` (folded), best first: smallest edit
 * distance (1 for words of up to five letters, else up to 2), then the most
 * frequent (`known` is ordered most frequent first).
 */
export function nearestWords(word: string, known: readonly string[], limit = 3): string[] {
  const max = [...word].length <= 5 ? 1 : 2;
  const scored: Array<{ w: string; d: number; rank: number }> = [];
  known.forEach((w, rank) => {
    if (w === word) return;
    const d = editDistance(word, w, max);
    if (d <= max) scored.push({ w, d, rank });
  });
  return scored.sort((x, y) => x.d - y.d || x.rank - y.rank).slice(0, limit).map((s) => s.w);
}

export interface FindOptions {
  filters?: Record<string, string>;
  /** Loads this locale's word list for "Did you mean" (called only when a search finds almost nothing). */
  loadWords?: () => Promise<readonly string[]>;
}

/**
 * Searches for what the reader typed. `query` as typed; `locale` a locale
 * code; `data` the locale's stop words. With an empty query and filters, lists
 * every page that matches the filters (Pagefind's filter-only search).
 */
export async function find(api: PagefindApi, query: string, locale: string, data: Pick<LocaleSearchData, 'stop'> & Partial<Pick<LocaleSearchData, 'pages'>>, options: FindOptions = {}): Promise<Found> {
  const filters = options.filters ?? {};
  const typed = splitWords(query);
  if (typed.length === 0) {
    const response = await api.search(null, { filters });
    return { hits: (response?.results ?? []).map((r) => ({ id: r.id, score: r.score, matched: 0, locations: [], result: r })), terms: [], corrected: false };
  }
  const stop = new Set(data.stop);
  const content = typed.filter((w) => !stop.has(fold(w, locale)));
  const searched = content.length ? content : typed;

  const perWord = await Promise.all(searched.map((w) => searchWord(api, w, locale, filters)));
  const pageCount = Object.keys(data.pages ?? {}).length;
  const hits = combine(perWord, pageCount);
  const terms = searched.map((w) => fold(w, locale));
  if (hits.length >= FEW || !options.loadWords) return { hits, terms, corrected: false };

  // Almost nothing: replace each word the site never uses (nor a longer word starting with it) by its nearest known word.
  // (Pagefind may still have found a page or two for it, by the longest start of it that some word has.)
  const known = await options.loadWords();
  const replacements = searched.map((w) => {
    const f = fold(w, locale);
    if ([...f].length < MIN_CORRECTED_LENGTH || known.some((k) => k.startsWith(f))) return undefined;
    return nearestWords(f, known)[0];
  });
  if (!replacements.some(Boolean)) return { hits, terms, corrected: false };
  const correctedWords = searched.map((w, i) => replacements[i] ?? w);
  const correctedPerWord = await Promise.all(correctedWords.map((w, i) => (replacements[i] ? searchWord(api, w, locale, filters) : Promise.resolve(perWord[i]!))));
  const correctedHits = combine(correctedPerWord, pageCount);
  const correction = correctedWords.join(' ');
  // The words as typed are not the site's words and found less: show what the nearest words find, and say so.
  if (correctedHits.length > hits.length) return { hits: correctedHits, terms: correctedWords.map((w) => fold(w, locale)), correction, corrected: true };
  return { hits, terms, correction: correctedHits.length ? correction : undefined, corrected: false };
}
