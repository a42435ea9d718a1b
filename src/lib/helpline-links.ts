/**
 * Helpline numbers in text become `tel:` links (issue 10, point 2): editors
 * write "call 157", readers tap it. Latin, Arabic-Indic and Persian digits
 * ("157", "١٥٧", "۱۵۷") are all found; the link dials the number in ASCII
 * digits (`tel:157`) and shows it as written, isolated left-to-right
 * (`dir="ltr"`, which makes the link a bidi isolate) so it reads in order
 * inside Arabic, Persian and Pashto sentences.
 *
 * Reasoning:
 * - Which numbers: those of the helplines collection
 *   (content/helplines/<locale>/<slug>.md, `number`), and only those on the
 *   vetted list in code (HELPLINE_NUMBERS, issue 13). An editor cannot make a
 *   link to any other number this way, and the links this step makes go
 *   through the sanitiser and its content rules like any link an editor
 *   writes (src/lib/sanitize-html.ts: this step runs just before it, in its hook): a `tel:`
 *   link to a vetted number whose text is that number.
 * - What counts as the number: a run of digits that is not part of a longer
 *   number. Not linked: a run with a digit or a Latin or Cyrillic letter right
 *   before it (an Arabic-script letter there is an attached particle: "و157",
 *   "and 157"), or with
 *   another group of digits right before or after it (only a space, hyphen,
 *   dot or slash between): "0 312 157 00 00" is another phone number, and
 *   "157 7 gün" would read as "1577" (tests/content/numbers-apart.content.test.ts
 *   asks for "157, 7 gün"). A letter after the number is a suffix ("157'yi",
 *   "157ê") and stays outside the link.
 * - Where: everywhere in a body except inside links, code (code, pre, kbd,
 *   samp, var) and struck-out text (del, s).
 * - The same segmentation serves front-matter text (src/components/HelplineText/HelplineText.astro),
 *   so "what to do" lists link their numbers too.
 *
 * Own code rather than a library: finding our helpline numbers is ours; the
 * tree walking is a plain loop over hast, the syntax-tree format the unified
 * ecosystem (and Sätteri) use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { parseYaml, splitFrontMatter } from './front-matter.ts';
import { isHelplineNumber, type HelplineNumber } from './content-rules/allowlists.ts';
import { MAX_BODY_DEPTH, treeDepth } from './content-rules/body.ts';
import { spelledDigits } from './content-rules/text.ts';

/** Elements whose text is never linked. */
const NOT_INSIDE = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'var', 'del', 's', 'script', 'style', 'button', 'textarea']);

/** A run of decimal digits in any script (Unicode general category Nd). */
const DIGITS = /\p{Nd}+/gu;
/** Before a number: a digit, or a letter of a script that does not attach particles to the next word (Arabic "و157", "and 157", is a number). */
const JOINED_BEFORE = /[\p{N}\p{L}]/u;
const ATTACHED_PARTICLE = /\p{Script=Arabic}/u;
/** Another group of digits joined to the run by at most one separator: part of a longer number. */
const GROUP_BEFORE = /\p{Nd}[ \u00A0\-./]?$/u;
const GROUP_AFTER = /^[ \u00A0\-./]?\p{Nd}/u;

export type Segment = { text: string } | { text: string; number: HelplineNumber };

/**
 * Splits `text` into plain text and helpline numbers, in order; joining the
 * segments' `text` gives `text` back. `numbers`: the numbers to find, as
 * dialled (ASCII digits).
 */
export function segmentHelplineNumbers(text: string, numbers: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(DIGITS)) {
    const start = match.index;
    const end = start + match[0].length;
    const number = spelledDigits(match[0]);
    if (number === undefined || !numbers.includes(number) || !isHelplineNumber(number)) continue;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const previous = before.slice(-1);
    if ((JOINED_BEFORE.test(previous) && !ATTACHED_PARTICLE.test(previous)) || GROUP_BEFORE.test(before) || GROUP_AFTER.test(after)) continue;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: match[0], number });
    last = end;
  }
  if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last) });
  return segments;
}

/** The link for one number: `<a href="tel:157" dir="ltr">١٥٧</a>`. */
function telLink(text: string, number: HelplineNumber): Element {
  return { type: 'element', tagName: 'a', properties: { href: `tel:${number}`, dir: 'ltr' }, children: [{ type: 'text', value: text }] };
}

function linkChildren(children: readonly ElementContent[], numbers: readonly string[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'text') {
      const segments = segmentHelplineNumbers(child.value, numbers);
      if (segments.length === 1 && !('number' in segments[0]!)) return [child];
      return segments.map((s): ElementContent => ('number' in s ? telLink(s.text, s.number) : ({ type: 'text', value: s.text } satisfies Text)));
    }
    // An editor's own tel: link ([157](tel:157)) is isolated like ours; the sanitiser judges its address and text.
    if (
      child.type === 'element' &&
      child.tagName === 'a' &&
      typeof child.properties.href === 'string' &&
      /^tel:/i.test(child.properties.href) &&
      child.properties.dir === undefined
    ) {
      return [{ ...child, properties: { ...child.properties, dir: 'ltr' } }];
    }
    if (child.type === 'element' && !NOT_INSIDE.has(child.tagName)) return [{ ...child, children: linkChildren(child.children, numbers) }];
    return [child];
  });
}

/**
 * A copy of a hast tree with every helpline number in its text made a
 * `tel:` link (see above). Pure: hast in, hast out. Iterates as deep as the
 * tree goes; the sanitiser that follows refuses trees deeper than it allows.
 */
export function linkHelplineNumbers(root: Root, numbers: readonly string[]): Root {
  return { ...root, children: linkChildren(root.children as ElementContent[], numbers) as RootContent[] };
}

/**
 * The numbers of the helplines collection, read from its files
 * (`<contentDir>/helplines/<locale>/*.md`, front matter `number`), that are
 * on the vetted list, sorted. The collection's schema refuses any other
 * number, so the two agree on a site that builds.
 */
export function helplineNumbersIn(contentDir: string): HelplineNumber[] {
  const folder = join(contentDir, 'helplines');
  const found = new Set<HelplineNumber>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const frontMatter = splitFrontMatter(readFileSync(join(entry.parentPath, entry.name), 'utf8'))?.yaml;
    let number: unknown;
    try {
      number = frontMatter === undefined ? undefined : parseYaml(frontMatter).number;
    } catch {
      continue; // the front-matter check names the file and the line (scripts/build/content-check.mjs)
    }
    if (typeof number === 'string' && isHelplineNumber(number)) found.add(number);
  }
  return [...found].sort();
}

/**
 * The step that links the helpline numbers of every Markdown body, as
 * `(root) => root` for the sanitiser's hook to run first
 * (sanitizeHtmlPluginAfter in src/lib/sanitize-html.ts, listed in
 * src/lib/markdown-pipeline.ts), so the links it makes are checked and
 * cleaned with everything else. The numbers are read once per pipeline:
 * once in the main thread, and once in each Markdown thread as it starts (src/lib/markdown-workers.ts).
 */
export function helplineLinker(options: { contentDir: string }): (root: Root) => Root {
  let numbers: readonly string[] | undefined;
  return (root) => {
    // A tree deeper than bodies may be is left as it is to the sanitiser, which refuses it naming the file.
    if (treeDepth(root) > MAX_BODY_DEPTH) return root;
    numbers ??= helplineNumbersIn(options.contentDir);
    return linkHelplineNumbers(root, numbers);
  };
}
