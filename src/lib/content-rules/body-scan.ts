/**
 * Whether a Markdown body needs its tree built at all to be checked: a scan
 * of the source text that says "cannot break any body rule" for most bodies,
 * so the pre-build content check parses (micromark + hast-util-raw,
 * ./markdown.ts) only the rest (issue 17: that parse was about 20 s of CPU on
 * the peer content, beside Astro on a 2-core machine, and Astro's render runs
 * the same rules on every body anyway, src/lib/sanitize-html.ts).
 *
 * It answers `false` only when no rule of ./body.ts or ./markdown.ts can
 * fire, by what each rule needs to see in the tree (CommonMark 0.31 and GFM
 * syntax; "stripped" below is the source with its backslashes removed, so an
 * escape cannot hide a sequence):
 * - raw HTML (<bdo>, aria-label, <a>, <img>), autolinks and character
 *   references (&#x202E;) need `<` or `&`;
 * - a bidi control in a text node or an attribute needs the control itself
 *   in the source, or (the rules percent-decode) `%E2%80%` / `%E2%81%` in the
 *   stripped source;
 * - a `tel:` address needs `tel:` in the stripped source (any case);
 * - images, and link or footnote reference definitions, need `![` or `]:`;
 *   without a definition `[text][label]` and `[label]` are plain text;
 * - the remaining links are inline links `[text](address)`, whose text ends
 *   at a `](`: the link-text rule (a helpline number that dials elsewhere)
 *   needs text of digits and spaces only, so a `](` whose text back to the
 *   nearest `[` has a letter cannot break it (the real text starts at or before
 *   that `[`, and letters outside HTML, references and images stay text);
 *   GFM's bare links (www., https://, e-mail addresses) always show letters;
 * - a link away from the site that shows a helpline number among words needs that number's digits
 *   (any script, or a compatibility form such as "¹⁵⁷") somewhere in the source;
 * - a phone number in the text (./phone-numbers.ts) needs a run of seven digits or more, with at
 *   most eight characters that are not letters between each two (Markdown's own marks included);
 * - nesting deeper than MAX_BODY_DEPTH needs, on some line, that many
 *   columns of container markers and indentation (each blockquote level
 *   takes one, each list level two), or that many emphasis, strikethrough or
 *   link delimiters in one paragraph: a bound on the depth is counted.
 * When unsure, it answers `true`. tests/unit/body-scan.unit.test.ts checks
 * that every body the rules refuse (fixtures and thousands of generated
 * ones) is one it sends to the parser.
 */
import { helplineNumberOfGroups, MAX_BODY_DEPTH } from './body.ts';
import { hasDigits, mayHoldPhoneNumber } from './phone-numbers.ts';
import { isHelplineNumber } from './allowlists.ts';
import { asReadable, BIDI_CONTROL, spelledDigits } from './text.ts';

/** Elements a line's own block can add below its containers: table, tbody, tr, td (or pre, code), a bare link, a task box, with room to spare. */
const LEAF_LEVELS = 8;

/** Container markers and indentation at the start of a line: blockquote `>`, list markers, spaces, tabs. */
const CONTAINER_PREFIX = /^[ \t>*+\-0-9.)]*/;
/** Emphasis, strikethrough and link delimiters. */
const INLINE_DELIMITER = /[*_~[]/g;

/** An upper bound on the element nesting of the body's tree (see the module comment). */
export function nestingBound(markdown: string): number {
  let worst = 0;
  let containers = 0;
  let inline = 0;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (/^[ \t]*$/.test(line)) {
      // A blank line ends every paragraph: inline nesting cannot cross it.
      containers = 0;
      inline = 0;
      continue;
    }
    // Columns of containers: each marker or space one, a tab four.
    const prefix = CONTAINER_PREFIX.exec(line)![0];
    let columns = prefix.length;
    for (let i = prefix.indexOf('\t'); i >= 0; i = prefix.indexOf('\t', i + 1)) columns += 3;
    containers = Math.max(containers, columns + 1);
    inline += line.match(INLINE_DELIMITER)?.length ?? 0;
    worst = Math.max(worst, containers + inline);
  }
  return worst + LEAF_LEVELS;
}

/**
 * Whether a helpline number stands in the text as a reader sees it (compatibility forms as their digits:
 * "¹⁵⁷"), in any script: a link away from the site may not show one even among words (./body.ts
 * `helplineNumberShown`), GFM's bare links included ("157@example.org").
 */
function showsHelplineNumber(markdown: string, stripped: string): boolean {
  // Only where a link away from the site can be: an inline link with a scheme or a host ("](https:", "](//",
  // "](/\\" which browsers read as "//"), or a bare web or e-mail address. A path or anchor stays on the site.
  const away = /\]\(\s*(?:[a-z][a-z\d+.-]*:|[\\/]{2}|\/\\)|https?:|www\.|@/i;
  if (!hasDigits(stripped, 3) || (!away.test(markdown) && !away.test(stripped))) return false;
  const shown = asReadable(stripped);
  // Runs of any script's digits, and of ASCII digits alone: a bare e-mail address takes only those ("۱۵۷157@…" links "157@…").
  for (const [run] of [...shown.matchAll(/\p{Nd}+/gu), ...shown.matchAll(/[0-9]+/g)]) if (isHelplineNumber(spelledDigits(run) ?? '')) return true;
  // Digits spaced or hyphenated ("1 5 7", "7-5-1"), in either order.
  for (const [run] of shown.matchAll(/\p{Nd}+(?:[\s-]+\p{Nd}+)+/gu)) {
    if (helplineNumberOfGroups(run.split(/[\s-]+/)) !== undefined) return true;
  }
  return false;
}

/** Whether some inline link `[text](…)` could have text without a letter (see the module comment). */
function mayHaveDigitLinkText(stripped: string): boolean {
  for (let close = stripped.indexOf(']('); close >= 0; close = stripped.indexOf('](', close + 1)) {
    const open = stripped.lastIndexOf('[', close);
    if (open >= 0 && !/\p{L}/u.test(stripped.slice(open + 1, close))) return true;
  }
  return false;
}

/**
 * Whether `markdown` (a body, without its front matter) must be parsed to be
 * checked; `false` means no body rule can fire on it.
 * @param markdown the body's Markdown source
 * @param options.phoneNumbers whether the phone-number rule counts (default true): the site's renderer
 *   (src/lib/sanitize-html.ts isPlainMarkdown) does not apply it, the CMS and the content check do, so
 *   it passes false and skips that scan, ~0.2 s of the peer content's Markdown thread (issue 17)
 * @returns true when a body rule might apply (or the scan cannot tell), false when none can
 */
export function bodyNeedsTree(markdown: string, { phoneNumbers = true }: { phoneNumbers?: boolean } = {}): boolean {
  if (/[<&]/.test(markdown) || BIDI_CONTROL.test(markdown)) return true;
  const stripped = markdown.replace(/\\/g, '');
  if (/%e2%8[01]%|tel:/i.test(stripped) || stripped.includes('![') || stripped.includes(']:')) return true;
  if (mayHaveDigitLinkText(stripped) || (phoneNumbers && mayHoldPhoneNumber(stripped)) || showsHelplineNumber(markdown, stripped)) return true;
  return nestingBound(markdown) > MAX_BODY_DEPTH;
}
