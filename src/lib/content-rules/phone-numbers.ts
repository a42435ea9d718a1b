/**
 * Phone numbers written as text. Readers call the numbers this site tells them to, so the only
 * numbers it may tell them are the vetted helplines (./allowlists.ts HELPLINE_NUMBERS: 112, 157,
 * 183, which the call strip and the helplines page show from the helplines collection). A `tel:`
 * link is already held to that list (./body.ts); a number written as words was not: "Yardım için
 * artık 0 850 555 12 34 numarasını arayın" in a body, a helpline's title or a UI string passed every
 * check (attacker's review, 2026-12-02). Now any phone number in text an editor writes is refused,
 * by the build's content check and by the CMS before it saves; a new number has to be vetted and
 * added by developers, as the helplines are.
 *
 * Finding the numbers is libphonenumber-js's work (Google's libphonenumber metadata, "max": numbers
 * valid by each country's patterns, so dates, years, amounts and law numbers are not taken for
 * phone numbers), with Türkiye as the country of numbers written without a country code. It reads
 * Arabic-Indic and Persian digits too. The short helpline codes are not phone numbers to it, so they
 * never count here.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { HELPLINE_NUMBERS } from './allowlists.ts';
import { asReadable, spelledDigits } from './text.ts';
import type { FieldPath, Problem } from './problem.ts';

/**
 * Seven digits or more, in any script, with at most eight characters that are neither letters nor
 * digits between each two: what every phone number libphonenumber finds has (it allows a few
 * separators). Tested on the text as shown (asShown) before the library reads it.
 */
const DIGIT_RUN = /\p{Nd}(?:[^\p{L}\p{Nd}\n]{0,8}\p{Nd}){6,}/u;
/** What mayHoldPhoneNumber's walk allows between two digits of a number: at most MAX_GAP characters that are not letters, not counting SKIPPED_IN_GAP. */
const MAX_GAP = 8;
const LETTER = /\p{L}/u;
/** Invisible characters and Markdown's emphasis, code and escape marks ("0 850 **********555** 12 34"). */
const SKIPPED_IN_GAP = /[*_~`\\\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * A text as a reader sees it, for finding numbers: compatibility forms as their plain characters
 * (NFKC: "𝟎𝟖𝟓𝟎", "０８５０", "⁰⁸⁵⁰" as 0850, the figure and thin spaces as spaces), invisible characters
 * taken out, every script's digits as ASCII digits (Devanagari, Bengali…: libphonenumber reads only
 * some), and every run of white space, a line break included, as one space, as a browser shows it.
 * (Attacker's review, 2026-12-02: each of these hid a number.)
 */
function asShown(text: string): string {
  return (
    asReadable(text)
      // A digit with marks on it ("0⃣", a keycap) is still that digit.
      .replace(/(\p{Nd})\p{M}+/gu, '$1')
      .replace(/\p{Nd}/gu, (digit) => spelledDigits(digit) ?? digit)
      // libphonenumber wants a number to stand apart: "Tel0850 555 12 34", "0850 555 12 34ü" and
      // "0850/555/12/34" are numbers to a reader, so letters and signs other than its own separators
      // (+ ( ) - . and spaces) do not touch digits here.
      .replace(/(?<=\p{Nd})(?=[^\d\s+().-])|(?<=[^\d\s+().-])(?=\p{Nd})/gu, ' ')
      .replace(/[^\p{L}\p{N}\s+().-]/gu, ' ')
      .replace(/\s+/gu, ' ')
  );
}

/** Whether `text` has at least `count` digits or other numeric characters, in any script or form. */
export function hasDigits(text: string, count: number): boolean {
  let found = 0;
  for (const _ of text.matchAll(/[\p{Nd}\p{No}]/gu)) if (++found >= count) return true;
  return false;
}

/**
 * Whether `text` may hold a phone number: seven digits or more (in any script, as NFKC shows them),
 * with at most MAX_GAP characters that are not letters between each two, invisible characters and
 * Markdown's emphasis, code and escape marks not counted ("0 850 **********555** 12 34"). A cheap
 * test, so that the library reads only the few texts with such a run (dates such as 30.11.2026 have
 * one); false means `text` holds no phone number (phoneNumbersIn finds none).
 */
export function mayHoldPhoneNumber(text: string): boolean {
  // Most texts have fewer than seven digits in any form (\p{No}: "⁰", "⓪"): nothing more to do then.
  if (!hasDigits(text, 7)) return false;
  // Then a walk from digit to digit, not a regular expression: the build runs this on every body
  // (./body-scan.ts), and on the peer content's digit-rich bodies a /\p{Nd}(…){6,}/u test over the
  // normalised text took ~0.3-1.2 s of the Markdown thread, this walk ~0.1 s (issue 17).
  const shown = text.normalize('NFKC');
  let run = 0;
  let previous = -1;
  for (const match of shown.matchAll(/\p{Nd}/gu)) {
    // Far apart (more than four times the gap: not even Markdown's marks make up for that), or not.
    if (previous < 0 || match.index - previous - 1 > 4 * MAX_GAP) run = 1;
    else {
      let gap = shown.slice(previous + 1, match.index);
      if (gap.length > MAX_GAP) gap = gap.replace(SKIPPED_IN_GAP, '');
      run = gap.length <= MAX_GAP && !LETTER.test(gap) ? run + 1 : 1;
    }
    if (run >= 7) return true;
    previous = match.index;
  }
  return false;
}

/**
 * The phone numbers in a text, as a reader sees them there (asShown: "0 850 555 12 34"), in order; []
 * when it has none. Numbers without a country code are read as Türkiye's.
 */
export function phoneNumbersIn(text: string): string[] {
  if (!hasDigits(text, 7)) return [];
  const shown = asShown(text);
  if (!DIGIT_RUN.test(shown)) return [];
  return findPhoneNumbersInText(shown, 'TR').map(({ startsAt, endsAt }) => shown.slice(startsAt, endsAt));
}

/** The problem of a text that holds a phone number (phoneNumbersIn), at `path`; undefined when it holds none. */
export function phoneNumberProblem(path: FieldPath, text: string, line?: number): Problem | undefined {
  const [number] = phoneNumbersIn(text);
  return number === undefined ? undefined : phoneNumberFound(path, number, line);
}

/** The problem of `number` (as written) found at `path`. */
export function phoneNumberFound(path: FieldPath, number: string, line?: number): Problem {
  return {
    path,
    ...(line ? { line } : {}),
    tr: `bir telefon numarası var: "${number}". Sitede okurlara yalnızca onaylı yardım hatları (${HELPLINE_NUMBERS.join(', ')}) verilebilir; yeni bir numara için geliştiricilere başvurun, numarayı onlar doğrulayıp ekler.`,
    en: `contains the phone number "${number}": the site may give readers only the vetted helplines (${HELPLINE_NUMBERS.join(', ')}; src/lib/content-rules/allowlists.ts); a new number has to be vetted and added by developers`,
  };
}

/** Fields whose strings are never shown as text, or are checked by rules of their own (the helpline's vetted `number`, the addresses links and files take). */
const NOT_TEXT_FIELDS = new Set(['keywords', 'sourceHash', 'slug', 'number', 'url', 'href', 'path']);

/**
 * Every phone number in parsed data (front matter, a settings or UI-strings file), at any depth, one
 * problem per string; NOT_TEXT_FIELDS are left out. A value that contains itself (a
 * YAML alias of its own parent) is walked once: ./text.ts `rawDataProblems` reports it.
 */
export function phoneNumberProblemsIn(data: unknown, path: FieldPath = [], seen: Set<object> = new Set()): Problem[] {
  if (typeof data === 'string') {
    // Every string, an address too: a summary of "https://wa.me/905551234567" shows the number.
    const problem = phoneNumberProblem(path, data);
    return problem ? [problem] : [];
  }
  if (!data || typeof data !== 'object' || data instanceof Date || seen.has(data)) return [];
  seen.add(data);
  if (Array.isArray(data)) return data.flatMap((item, i) => phoneNumberProblemsIn(item, [...path, i], seen));
  return Object.entries(data).flatMap(([key, value]) => (NOT_TEXT_FIELDS.has(key) ? [] : phoneNumberProblemsIn(value, [...path, key], seen)));
}
