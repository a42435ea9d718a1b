/**
 * Readability of the text readers see (issue 10, point 7: plain words on the pages people in danger
 * read). Two formulas, one per language they were fitted on:
 *
 *   - Turkish: Ateşman's reading ease (Ateşman, E. 1997, "Türkçede okunabilirliğin ölçülmesi",
 *     Dil Dergisi 58, 71–74), an adaptation of Flesch's reading ease to Turkish:
 *       198.825 − 40.175 × syllables/word − 2.610 × words/sentence
 *     0–100 and higher is easier; 70–89 "easy", 90–100 "very easy".
 *   - English: Flesch–Kincaid grade level (Kincaid et al. 1975), through the npm `flesch-kincaid`
 *     package, with syllables counted by the npm `syllable` package (both by the unified collective):
 *       0.39 × words/sentence + 11.8 × syllables/word − 15.59
 *     a US school grade; lower is easier.
 *
 * The other locales have no budget: no formula for Arabic, Persian, Pashto or Kurmanji is fitted as
 * these two are, and their text is translated from the Turkish, whose sentences the budget keeps short.
 *
 * Counting, the same for both languages:
 *   - a *block* is a heading, paragraph, list item, table cell or a front-matter text field; a block
 *     always ends a sentence (a list item without a full stop is still one sentence for a reader);
 *     inside a block, sentences are split with the platform's ICU sentence segmenter
 *     (`Intl.Segmenter`), which keeps abbreviations such as "md." and "Art." inside a sentence,
 *     and after a full stop before a digit ("… olabilir. 157'yi arayın.", which ICU joins), but not
 *     after an abbreviation before a number ("Law No. 6458", which ICU splits);
 *   - a *word* is a run of non-space characters holding at least one letter, so "e-posta",
 *     "Wi-Fi" and "112'yi" are one word each; numbers on their own ("157", "7/24"), arrows and
 *     symbols are not words (the formulas were fitted on prose, and a number is read the same in
 *     every version of a sentence);
 *   - syllables: Turkish by vowel count (below), English by `syllable`; every word has at least one.
 */
import { syllable } from 'syllable';
import { fleschKincaid } from 'flesch-kincaid';

export type ReadabilityLanguage = 'tr' | 'en';

/** Sentence, word and syllable counts of a text. */
export interface Counts {
  sentences: number;
  words: number;
  syllables: number;
}

/**
 * Syllables of a Turkish word: its number of vowels.
 *
 * Written here rather than taken from a library because it is the rule itself, not an
 * approximation: in Turkish every syllable has exactly one vowel, and there are no diphthongs
 * (Ateşman 1997 counts syllables this way; Turkish Language Association, "Hece"). npm's syllable
 * counters are for English (they use English spelling rules and a dictionary of exceptions) and
 * would miscount Turkish words. Letters are lower-cased with the Turkish rules (İ → i, I → ı).
 * Kurmanji and other Latin-script words in Turkish text (Wi-Fi, Google) are counted the same way.
 */
export function turkishSyllables(word: string): number {
  return (word.toLocaleLowerCase('tr').match(/[aâeıiîoöuüû]/g) ?? []).length;
}

/** Syllables of one word in `language`, at least 1 (an acronym such as "TCK" or "PMM" is still a word). */
export function syllablesOf(word: string, language: ReadabilityLanguage): number {
  const letters = word.replace(/[^\p{L}'’-]/gu, '');
  const n = language === 'tr' ? turkishSyllables(letters) : syllable(letters);
  return Math.max(1, n);
}

/** The words of a text: whitespace-separated runs holding at least one letter, trimmed of punctuation. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => /\p{L}/u.test(token));
}

/** The sentences of one block (a block always ends a sentence). Empty sentences (symbols only) are dropped. */
export function sentencesOf(block: string, language: ReadabilityLanguage): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(block)) {
    // "Law No. | 6458": an abbreviation before a number does not end a sentence.
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION_AT_END.test(sentences[last]!) && /^\p{N}/u.test(segment)) sentences[last] += segment;
    else sentences.push(segment);
  }
  return sentences
    .flatMap((s) => s.split(SENTENCE_BEFORE_DIGIT))
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/**
 * A full stop after a word of four or more letters, then a sentence that starts with a digit and
 * goes on in lower case ("… olabilir. 157'yi arayın."): ICU does not break there (UAX #29 rule
 * SB8 looks past the digits to the lower-case suffix), a reader does.
 */
const SENTENCE_BEFORE_DIGIT = /(?<=\p{L}{4}[.!?])\s+(?=\p{N})/u;
/** A word of one to three letters and a full stop ("No.", "Art.", "md.", "s."): an abbreviation. */
const ABBREVIATION_AT_END = /(?:^|[\s(])\p{L}{1,3}\.\s*$/u;

/** Counts over blocks of text (each block ends a sentence). */
export function countBlocks(blocks: readonly string[], language: ReadabilityLanguage): Counts {
  const counts: Counts = { sentences: 0, words: 0, syllables: 0 };
  for (const block of blocks) {
    for (const sentence of sentencesOf(block, language)) {
      const words = wordsOf(sentence);
      counts.sentences += 1;
      counts.words += words.length;
      for (const word of words) counts.syllables += syllablesOf(word, language);
    }
  }
  return counts;
}

/**
 * Ateşman's reading ease (Ateşman 1997): 198.825 − 40.175 × syllables/word − 2.610 × words/sentence.
 * About 0–100 (it can leave that range), higher is easier; NaN for a text with no words.
 */
export function atesman({ sentences, words, syllables }: Counts): number {
  if (!sentences || !words) return Number.NaN;
  return 198.825 - 40.175 * (syllables / words) - 2.61 * (words / sentences);
}

/**
 * Flesch–Kincaid grade level (Kincaid et al. 1975; npm `flesch-kincaid`):
 * 0.39 × words/sentence + 11.8 × syllables/word − 15.59. A US school grade, lower is easier; NaN for no words.
 */
export function fleschKincaidGrade({ sentences, words, syllables }: Counts): number {
  return fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
}

/** The score a language is budgeted by: Ateşman for Turkish, Flesch–Kincaid grade for English. */
export function scoreOf(counts: Counts, language: ReadabilityLanguage): number {
  return language === 'tr' ? atesman(counts) : fleschKincaidGrade(counts);
}

/** Whether a score meets a budget: Ateşman at least `budget`, a grade at most `budget`. */
export function meetsBudget(score: number, budget: number, language: ReadabilityLanguage): boolean {
  return language === 'tr' ? score >= budget : score <= budget;
}
