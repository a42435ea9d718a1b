/**
 * A result's excerpt: a few words of the page around what the reader searched
 * for, as plain text parts (the UI wraps matched words in <mark>; nothing is
 * ever parsed as HTML, so nothing an editor writes becomes markup here).
 *
 * Ours rather than Pagefind's `excerpt`: the fragment's text ends with what
 * scripts/search-index.mjs added for the index only (folded words, readers'
 * search words, after FOLDED_TEXT_MARK), which must never be shown; and a
 * match there (the reader typed "yardim") should light up the page's own word
 * ("yardım").
 */
import { FOLDED_TEXT_MARK, fold } from './folding.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Pagefind's word separators (pagefind_web_js/lib/excerpt.ts): the positions it reports count words split this way. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
const bare = (word: string, locale: string) => fold(word.replace(/[^\p{L}\p{N}\p{M}]/gu, ''), locale);

/**
 * `content`: the fragment's text. `locations`: word positions Pagefind matched
 * (any searches for this page). `terms`: the query's words, folded, used when
 * Pagefind's positions fall only in the added text. `length`: words to show.
 * Returns the parts in reading order, with "…" where the page text goes on.
 */
export function excerptParts(content: string, locations: readonly number[], terms: readonly string[], locale: string, length: number): ExcerptPart[] {
  const all = content.split(WORD_SEPARATORS);
  const markAt = all.indexOf(FOLDED_TEXT_MARK);
  const words = markAt >= 0 ? all.slice(0, markAt) : all;
  const marked = new Set<number>();
  const matchedFolds = new Set<string>();
  for (const at of locations) {
    if (at < words.length) marked.add(at);
    else if (all[at] !== undefined) matchedFolds.add(bare(all[at], locale));
  }
  if (matchedFolds.size || marked.size === 0) {
    const prefixes = terms.map((t) => [...t]).map((t) => t.slice(0, Math.max(4, Math.ceil(t.length * 0.7))).join(''));
    words.forEach((word, i) => {
      const f = bare(word, locale);
      if (f && (matchedFolds.has(f) || (marked.size === 0 && prefixes.some((p) => p && f.startsWith(p))))) marked.add(i);
    });
  }

  // The window of `length` words with the most matches, starting a little before its first match.
  let start = 0;
  if (marked.size && words.length > length) {
    const sorted = [...marked].sort((a, b) => a - b);
    let best = -1;
    for (const first of sorted) {
      const count = sorted.filter((at) => at >= first && at < first + length).length;
      if (count > best) [best, start] = [count, first];
    }
    start = Math.max(0, Math.min(start - 2, words.length - length));
  }
  const end = Math.min(words.length, start + length);

  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    push(words[i]!, marked.has(i));
  }
  if (end < words.length) push(' …', false);
  return parts;
}
