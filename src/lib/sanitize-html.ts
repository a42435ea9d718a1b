/**
 * Sanitises the HTML of every Markdown body before it reaches a page, and
 * refuses bodies that would mislead readers.
 *
 * Reasoning: editors sign in to the CMS with a password, and a stolen account
 * must not be able to run script on pages read by people in danger, send their
 * browser to another host, dress content up as the site's own controls, or
 * change which number a reader calls. Markdown allows raw HTML, so Sätteri
 * parses it (`features.rawHtml`) into real elements, and this plugin:
 *
 * 1. refuses the body, failing the build with the reason, if it breaks a
 *    content rule (src/lib/content-rules/body.ts: tel: links to anything but
 *    a vetted helpline, link text that is not the number dialled, aria-label
 *    on links, <bdo>, bidi controls, nesting deeper than Sätteri can return);
 * 2. gives every heading an id from its text, as Astro would;
 * 3. cleans the tree with hast-util-sanitize, the maintained sanitiser of the
 *    unified ecosystem (GitHub's rules are its default), against our own
 *    tighter allowlist. Elements not listed are unwrapped (their text stays);
 *    elements that hold code, load or embed something, take input or parse
 *    differently (script, style, iframe, object, svg, math, form, template…)
 *    are removed with their contents; attributes not listed are dropped
 *    (every on* handler, style, srcdoc, formaction, xlink:href, data-*,
 *    classes other than the few Markdown itself makes). Links keep http(s),
 *    mailto, same-site and vetted tel: addresses; images keep same-site
 *    addresses only (loading an image from another host tells that host who is
 *    reading); a removed image leaves its alt text;
 * 4. prefixes every id (and the aria references to ids) with "user-content-"
 *    (hast-util-sanitize's `clobberPrefix`, as GitHub does), so a heading
 *    "## main" or "## help-now-title" cannot take the page's own ids, and
 *    rewrites the body's in-page links (#section) to match.
 *
 * Why the heading ids are made here: Astro's Sätteri processor runs its own
 * heading-id plugin after the user's HAST plugins and keeps an id that is
 * already set (@astrojs/markdown-satteri, satteri-processor.ts:
 * `hastPlugins.push(...userHastPlugins); … push(createHeadingIdsPlugin())`,
 * and `typeof existingId === 'string' ? existingId : slugger.slug(text)`).
 * Left to it, headings got unprefixed ids after this plugin had run. Setting
 * them here, with the same slugger, puts them through the prefix, and Astro's
 * `headings` metadata lists the prefixed ids the page really has.
 *
 * `sanitizeTree` is pure (hast in, hast out) so it can be tested without a
 * build; `sanitizeHtmlPlugin` runs it first among the HAST plugins.
 */
import { readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { HastPluginDefinition, HastVisitorContext, MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { HELPLINE_NUMBERS, isHelplineNumber } from './content-rules/allowlists.ts';
import { bodyNeedsTree } from './content-rules/body-scan.ts';
import { spelledDigits } from './content-rules/text.ts';
import { mayHaveTable } from './table-reflow.ts';
import {
  bodyTreeProblems,
  DROP_WITH_CONTENTS,
  isAllowedTelLink,
  isSafeLinkUrl,
  isSameSiteUrl,
  isFootnoteBackLink,
  isTelHref,
  linkText,
  localImageProblem,
  type ImagePathOptions,
} from './content-rules/body.ts';
import { formatProblem, type Problem } from './content-rules/problem.ts';

/** Removed together with their contents: DROP_WITH_CONTENTS (./content-rules/body.ts), where the rules read a body's text without them. */

/** Kept as they are (with the attributes below); everything else not dropped is unwrapped. <bdo> is not here: it reverses text. */
const TAG_NAMES = [
  'a',
  'img',
  'input',
  'blockquote',
  'q',
  'del',
  'ins',
  'time',
  'details',
  'summary',
  'ol',
  'ul',
  'li',
  'dl',
  'dt',
  'dd',
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'span',
  'abbr',
  'b',
  'bdi',
  'cite',
  'code',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  's',
  'samp',
  'small',
  'strong',
  'sub',
  'sup',
  'u',
  'var',
  'wbr',
  'ruby',
  'rp',
  'rt',
  'pre',
  'figure',
  'figcaption',
  'section',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'col',
  'colgroup',
];

const NUMBER = /^\d{1,5}$/;
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,3}$/;
/** What GitHub's slugger makes of a heading in any script (letters, marks, digits, - and _), and what raw HTML may use. */
const ID = /^[\p{L}\p{M}\p{N}_-]{1,100}$/u;

export const ID_PREFIX = 'user-content-';

/** The allowlist, in hast-util-sanitize's terms: property names as hast spells them, values as lists or patterns. */
export const sanitizeSchema: Schema = {
  tagNames: TAG_NAMES,
  strip: DROP_WITH_CONTENTS,
  attributes: {
    // `title` only on <abbr>, where it is the expansion: elsewhere it names a link or image that has no text of its own,
    // for screen readers only (`[](https://wa.me/… "157")` is announced "157, link": attacker's review, 2026-12-02),
    // and a tooltip is no use on a phone. The rules read every title for phone numbers (content-rules/markdown.ts).
    '*': [
      ['lang', LANGUAGE_TAG],
      ['dir', 'ltr', 'rtl', 'auto'],
      ['id', ID],
    ],
    abbr: ['title'],
    // aria-label survives only on GFM footnote back-links (see prepare); it never names a content link.
    a: ['href', ['hrefLang', LANGUAGE_TAG], ['ariaDescribedBy', ID], 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', ['width', NUMBER], ['height', NUMBER], ['loading', 'lazy', 'eager']],
    input: [
      ['type', 'checkbox'],
      ['disabled', true],
      ['checked', true],
    ],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    details: [['open', true]],
    ol: [
      ['start', NUMBER],
      ['reversed', true],
      ['className', 'contains-task-list'],
    ],
    ul: [['className', 'contains-task-list']],
    li: [['className', 'task-list-item']],
    code: [['className', /^language-[\w+#-]{1,30}$/]],
    h2: [['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    td: [
      ['colSpan', NUMBER],
      ['rowSpan', NUMBER],
      ['align', 'left', 'right', 'center'],
    ],
    th: [
      ['colSpan', NUMBER],
      ['rowSpan', NUMBER],
      ['align', 'left', 'right', 'center'],
      ['scope', 'row', 'col', 'rowgroup', 'colgroup'],
    ],
    col: [['span', NUMBER]],
    colgroup: [['span', NUMBER]],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'] },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], col: ['table'], colgroup: ['table'], caption: ['table'] },
  clobber: ['id', 'ariaDescribedBy', 'ariaLabelledBy', 'name'],
  clobberPrefix: ID_PREFIX,
  allowComments: false,
  allowDoctypes: false,
};

export { isSafeLinkUrl, isSameSiteUrl };

/**
 * After sanitising: ids for headings that have none, made by GitHub's slugger
 * as Astro makes them, with the prefix (every heading must leave with an id:
 * Astro's own heading-id step would give the others an unprefixed one); and
 * no empty class lists (the sanitiser empties a list of refused classes, which
 * would print as class="").
 */
function finish(root: Root): void {
  const slugger = new GithubSlugger();
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      dropEmptyLists(node);
      if (HEADINGS.includes(node.tagName) && typeof node.properties.id !== 'string') node.properties.id = headingId(slugger, linkText(node));
    }
    if (node.type === 'element' || node.type === 'root') for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** A heading's id as finish() gives it: GitHub's slug of its text (`slugger` keeps the document's earlier slugs), prefixed. */
const headingId = (slugger: GithubSlugger, text: string) => `${ID_PREFIX}${slugger.slug(text) || 'heading'}`;

/** The sanitiser empties a list of refused classes, which would print as class="": such lists go. */
function dropEmptyLists(element: Element): void {
  for (const [key, value] of Object.entries(element.properties)) if (Array.isArray(value) && value.length === 0) delete element.properties[key];
}

const withoutPrefix = (value: unknown) => (typeof value === 'string' && value.startsWith(ID_PREFIX) ? value.slice(ID_PREFIX.length) : value);

/**
 * Before hast-util-sanitize: what its schema cannot say (it judges each
 * attribute on its own). Returns the replacement for `node`.
 */
function prepare(node: RootContent): ElementContent[] {
  if (node.type !== 'element') return node.type === 'text' ? [node] : node.type === 'comment' || node.type === 'doctype' ? [] : [node as ElementContent];
  const properties: Properties = { ...node.properties };
  if (node.tagName === 'img' && !isSameSiteUrl(properties.src)) {
    // A removed image keeps its words.
    const alt = typeof properties.alt === 'string' ? properties.alt.trim() : '';
    return alt ? [{ type: 'text', value: alt }] : [];
  }
  if (node.tagName === 'input' && String(properties.type).toLowerCase() !== 'checkbox') return [];
  // GFM table alignment arrives as style="text-align: …"; styles go, so keep it as the align attribute.
  const align = typeof properties.style === 'string' ? /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i.exec(properties.style) : null;
  if (align && (node.tagName === 'td' || node.tagName === 'th')) properties.align = align[1]!.toLowerCase();
  // "sr-only" (shown to screen readers only) is for Markdown's own footnotes heading: on any other heading it would
  // have screen readers announce words no one sees ("call 157 on WhatsApp instead": attacker's review, 2026-12-02).
  if (node.tagName === 'h2' && properties.className !== undefined && !(withoutPrefix(String(properties.id)) === 'footnote-label' && linkText(node) === 'Footnotes'))
    delete properties.className;
  if (node.tagName === 'a') {
    const href = typeof properties.href === 'string' ? properties.href : undefined;
    if (href !== undefined && (isTelHref(href) ? !isAllowedTelLink(href, linkText(node)) : !isSafeLinkUrl(href))) delete properties.href;
    if (!isFootnoteBackLink(node)) delete properties.ariaLabel;
    // In-page links follow the prefixed ids.
    if (typeof properties.href === 'string' && /^#./.test(properties.href)) properties.href = `#${ID_PREFIX}${withoutPrefix(properties.href.slice(1))}`;
  }
  // Markdown's own footnote ids already carry the prefix; the sanitiser adds it again, so take it off here.
  for (const key of ['id', 'ariaDescribedBy']) {
    const value = properties[key];
    if (value !== undefined) properties[key] = (Array.isArray(value) ? value.map((v) => withoutPrefix(v)) : withoutPrefix(value)) as Properties[string];
  }
  return [{ ...node, properties, children: node.children.flatMap(prepare) }];
}

export class BodyError extends Error {
  override name = 'BodyError';
}

/** The problems, one per line, as the build prints them under the file's name. */
export function bodyErrorMessage(problems: Problem[]): string {
  return `the body cannot be published (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `    - ${formatProblem(p)}`).join('\n')}`;
}

/**
 * Returns a sanitised copy of a hast tree. Throws BodyError if the body breaks
 * a content rule (src/lib/content-rules/body.ts), so the build names the file.
 * `source` and `lineOffset` let the error give the file's line numbers.
 */
export function sanitizeTree(root: Root, options: { source?: string; lineOffset?: number | (() => number) } = {}): Root {
  const { source, lineOffset } = options;
  // A lineOffset to compute (it reads the file) is asked for only when the body is refused: the
  // rules are pure, so the second run finds the same problems, now with the file's line numbers.
  let problems = bodyTreeProblems(root, { source, lineOffset: typeof lineOffset === 'number' ? lineOffset : 0 });
  if (problems.length && typeof lineOffset === 'function') problems = bodyTreeProblems(root, { source, lineOffset: lineOffset() });
  if (problems.length) throw new BodyError(bodyErrorMessage(problems));
  return cleanTree(root);
}

/**
 * The cleaning alone, without the refusal: what would publish if a content
 * rule ever let something through. It removes the same things the rules
 * refuse (tel: links that are not allowed, aria-label on links, <bdo>), so
 * the two layers hold each other up. Call it on a tree of at most MAX_BODY_DEPTH levels.
 */
export function cleanTree(root: Root): Root {
  const prepared: Root = { type: 'root', children: root.children.flatMap(prepare) as RootContent[] };
  const clean = sanitize(prepared, sanitizeSchema) as Root;
  finish(clean);
  return clean;
}

/**
 * What cleanTree makes of one element's own attributes (hast properties), its
 * children left aside: the same prepare and hast-util-sanitize steps, on a
 * copy. For elements that stay elements (TAG_NAMES) and whose cleaning does
 * not look at their children: a link without tel:, a list, a heading (whose
 * id is the caller's to give, as finish() gives it from the whole document).
 * @throws Error if the element would not stay itself (dropped or unwrapped)
 */
function cleanProperties(element: Readonly<Element>): Properties {
  const copy: Element = { type: 'element', tagName: element.tagName, properties: { ...element.properties }, children: [] };
  const [clean] = (sanitize({ type: 'root', children: prepare(copy) }, sanitizeSchema) as Root).children;
  if (clean?.type !== 'element' || clean.tagName !== element.tagName) throw new Error(`<${element.tagName}> cannot be cleaned on its own`);
  dropEmptyLists(clean);
  return clean.properties;
}

/** Lines of the file before its body (the front matter), so a problem's line is the file's line. */
function lineOffsetOf(fileURL: URL | undefined, source: string): number {
  if (!fileURL || fileURL.protocol !== 'file:') return 0;
  try {
    // Astro hands over the body trimmed (content-entry-type.js: `parsed.content.trim()`): find it in the file.
    const text = readFileSync(fileURL, 'utf8').replace(/^\uFEFF/, '');
    const at = source.trim() ? text.lastIndexOf(source) : -1;
    return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
  } catch {
    return 0;
  }
}

/**
 * Sätteri HAST plugin (a factory, called once per body): the sanitiser, first
 * among the HAST plugins. A body that is plain Markdown (isPlainMarkdown) is
 * cleaned element by element (plainMarkdownSanitizer); any other body
 * (raw HTML, a helpline number, a table…) is replaced by its sanitised copy
 * as a whole (wholeTreeSanitizer). Both give the same HTML
 * (tests/content/sanitize-plain-markdown.content.test.ts). `first`: a step run
 * on the whole tree before it is checked and cleaned, in the same hook (the
 * build gives the helpline links, src/lib/markdown-pipeline.ts).
 *
 * Why one hook for both (issue 17): Sätteri keeps the tree in its own
 * arena; each `before` hook has it build the whole tree as JavaScript
 * objects, and each replacement of the root is encoded back into the arena.
 * Two hooks did that twice per body (about 1.5 s CPU on the peer content);
 * one hook does it once, and the sanitiser sees the very tree the first
 * step returned.
 */
export function sanitizeHtmlPluginAfter(first?: (root: Root) => Root) {
  return (context?: PluginFactoryContext): HastPluginDefinition => (context && isPlainMarkdown(context.source) ? plainMarkdownSanitizer() : wholeTreeSanitizer(first, context));
}

/**
 * The sanitiser as one `before` hook on the whole tree (see sanitizeHtmlPluginAfter): what every
 * body that is not plain Markdown (isPlainMarkdown) gets. Exported for the test that compares the two.
 * @param first a step run on the tree before it is checked and cleaned (the helpline links)
 * @param context Sätteri's context for this body: its source and file, for the line numbers of a refusal
 */
export function wholeTreeSanitizer(first?: (root: Root) => Root, context?: PluginFactoryContext): HastPluginDefinition {
  // The file is read for its front matter's length only when a body is refused.
  const options = context ? { source: context.source, lineOffset: () => lineOffsetOf(context.fileURL, context.source) } : {};
  return {
    name: 'sanitize-html',
    before(root, ctx) {
      ctx.replaceNode(root as Nodes, sanitizeTree(first ? first(root as Root) : (root as Root), options));
    },
  };
}

/** Lengths of the vetted helpline numbers, in digits: a run of digits shorter or longer cannot spell one. */
const SHORTEST_NUMBER = Math.min(...HELPLINE_NUMBERS.map((n) => n.length));
const LONGEST_NUMBER = Math.max(...HELPLINE_NUMBERS.map((n) => n.length));

/**
 * Whether a body is plain Markdown, whose tree the sanitiser can check and clean element by
 * element (plainMarkdownSanitizer) with the same result as the whole tree (issue 17: building
 * each body's whole tree as JavaScript for the whole-tree hook, and encoding it back, was most of
 * the 2.8 s that Sätteri and our plugins took for the peer content's bodies in one thread, 0.7 s
 * now, and the build's content sync went from ~4.8 to ~3.7 s). An over-approximation, like
 * bodyNeedsTree, which it starts from: `true` only when, by its source,
 * - no body rule can fire (bodyNeedsTree: no raw HTML, autolink or character reference, no bidi
 *   control, no tel:, no image, no reference or footnote definition, no link text without a
 *   letter, no nesting deeper than MAX_BODY_DEPTH), so the tree has only the elements Markdown
 *   itself makes (p, h1-h6, blockquote, ul, ol, li, pre, code, em, strong, del, a, br, hr);
 * - no table (mayHaveTable: a one-column table needs no pipe, and its delimiter row then has a
 *   colon, found by a reviewer), no fenced code block (its class), no task list box (`[ ]` or
 *   `[x]` and a space): the attributes these bring are left to the whole-tree cleaning;
 * - no run of digits that spells a vetted helpline number (HELPLINE_NUMBERS, in any script):
 *   there is nothing for the helpline linker to link, which runs only in the whole-tree hook.
 * Checked with and without backslashes, so an escape cannot hide a sequence.
 * tests/content/sanitize-plain-markdown.content.test.ts renders every body of content/, the hostile
 * fixtures and 3,000 generated ones both ways and compares the HTML (the benchmark's 2,100 pages:
 * docs/build-speed.md, "Session 16").
 * @param source a body's Markdown, without its front matter
 * @returns true when plainMarkdownSanitizer gives the same result as wholeTreeSanitizer; false when unsure
 */
export function isPlainMarkdown(source: string): boolean {
  // The phone-number rule is the CMS's and the content check's, not the renderer's: its scan is skipped here.
  if (bodyNeedsTree(source, { phoneNumbers: false })) return false;
  for (const text of source.includes('\\') ? [source, source.replace(/\\/g, '')] : [source]) {
    if (mayHaveTable(text) || /```|~~~|\[[\sxX]\](?:\s|$)/.test(text)) return false;
    for (const [run] of text.matchAll(/\p{Nd}+/gu)) {
      // Measured in UTF-16 units: a digit takes one or two.
      if (run.length < SHORTEST_NUMBER || run.length > 2 * LONGEST_NUMBER) continue;
      if (isHelplineNumber(spelledDigits(run) ?? '')) return false;
    }
  }
  return true;
}

/**
 * The sanitiser for plain Markdown (isPlainMarkdown): Sätteri hands over only the elements whose
 * attributes the cleaning can change (links, lists with a start, headings), in document order,
 * and each gets what cleanTree would give it (cleanProperties), headings their ids as finish()
 * gives them. Every other node stays in Sätteri's arena, untouched, as the whole-tree cleaning
 * would leave it. A fresh slugger per body: the factory is called once per compile.
 */
function plainMarkdownSanitizer(): HastPluginDefinition {
  const slugger = new GithubSlugger();
  const update = (node: Readonly<Element>, ctx: HastVisitorContext, properties: Properties) => {
    // An attribute to remove: the element is replaced (its children with it). setProperty(key, null) would not do:
    // Sätteri keeps the key, and a later plugin that rebuilds the tree (menu paths) prints it as `start=""`.
    if (Object.keys(node.properties).some((key) => properties[key] === undefined)) {
      ctx.replaceNode(node, { type: 'element', tagName: node.tagName, properties, children: [...node.children] });
      return;
    }
    for (const [key, value] of Object.entries(properties)) if (JSON.stringify(node.properties[key]) !== JSON.stringify(value)) ctx.setProperty(node, key, value);
  };
  return {
    name: 'sanitize-html',
    element: [
      { filter: ['a', 'ol'], visit: (node, ctx) => update(node, ctx, cleanProperties(node)) },
      {
        filter: HEADINGS,
        visit(node, ctx) {
          const properties = cleanProperties(node);
          if (typeof properties.id !== 'string') properties.id = headingId(slugger, ctx.textContent(node));
          update(node, ctx, properties);
        },
      },
    ],
  };
}

/** The sanitiser alone (see sanitizeHtmlPluginAfter). */
export const sanitizeHtmlPlugin = sanitizeHtmlPluginAfter();

/**
 * Sätteri MDAST plugin: a Markdown image whose path leaves public/ or
 * content/ fails the build (Astro would read the file from disk and publish
 * it). Runs before Astro's own image collection.
 */
export function imagePathPlugin(options: { projectRoot: string; realPath?: ImagePathOptions['realPath'] }) {
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!context.fileURL) return null;
    const file = decodeURIComponent(context.fileURL.pathname).slice(options.projectRoot.replace(/\/?$/, '/').length);
    return {
      name: 'image-paths',
      image(node) {
        const problem = localImageProblem(node.url, { file, ...(options.realPath ? { realPath: options.realPath } : {}) });
        if (problem) throw new BodyError(bodyErrorMessage([problem]));
      },
    };
  };
}
