/**
 * The language of a short text the site shows inside a page in another
 * language, so it can carry its own `lang` and `dir` (issue 10, point 3;
 * WCAG 3.1.2 Language of Parts): screen readers then read a Turkish source
 * title with a Turkish voice on an Arabic page, and the title is a
 * left-to-right isolate inside right-to-left text.
 *
 * Source titles are written once, in the CMS's Turkish pane, and copied to
 * every locale; most are Turkish, some are the English titles of reports. An
 * editor can say the language (the source's `language` field); otherwise it
 * is identified with franc-all (the trigram model the content checks use,
 * tests/content/language-id.ts), asked to choose among the site's languages
 * and German, the languages sources are written in.
 */
import { francAll } from 'franc-all';

/** franc-all's codes (ISO 639-3) → BCP-47 tag and direction. */
const LANGUAGES: Record<string, { lang: string; dir: 'ltr' | 'rtl' }> = {
  tur: { lang: 'tr', dir: 'ltr' },
  eng: { lang: 'en', dir: 'ltr' },
  deu: { lang: 'de', dir: 'ltr' },
  rus: { lang: 'ru', dir: 'ltr' },
  ckb: { lang: 'kmr-Latn', dir: 'ltr' }, // franc-all's only Latin-script Kurdish (see language-id.ts)
  arb: { lang: 'ar', dir: 'rtl' },
  pes: { lang: 'fa', dir: 'rtl' },
  pbu: { lang: 'ps', dir: 'rtl' },
};
const RTL = /^(ar|fa|ps|ur|he|yi|ckb|dv)(-|$)/i;

/**
 * `lang` and `dir` for a text: the declared BCP-47 tag if given (its
 * direction from the tag), else franc-all's best guess among the languages
 * above, else `fallback` (a text too short to judge).
 */
export function textLanguage(text: string, declared: string | undefined, fallback: { lang: string; dir: 'ltr' | 'rtl' }): { lang: string; dir: 'ltr' | 'rtl' } {
  if (declared) return { lang: declared, dir: RTL.test(declared) ? 'rtl' : 'ltr' };
  let best = identified.get(text);
  if (best === undefined) {
    best = francAll(text, { only: Object.keys(LANGUAGES), minLength: 10 })[0]?.[0] ?? 'und';
    identified.set(text, best);
  }
  return LANGUAGES[best] ?? fallback;
}

/** The same titles appear on every locale's page: identified once per build. */
const identified = new Map<string, string>();
