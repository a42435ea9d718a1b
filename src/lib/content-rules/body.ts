/**
 * Rules for Markdown bodies, on the HTML tree (hast) the Markdown becomes.
 * The build runs them on Sätteri's tree inside the sanitiser
 * (src/lib/sanitize-html.ts), the pre-build content check and the CMS save
 * guard on the tree of src/lib/content-rules/markdown.ts: the same functions.
 *
 * Reasoning (issue 13): a stolen editor account cannot run script, but it
 * can change meaning. These are refused, naming the field (and the line when
 * the parser knows it), rather than quietly cleaned, so the editor learns why:
 * - `tel:` links other than the vetted helpline numbers, written plainly
 *   (`tel:157`): `tel:+905551234567`, the call-forwarding code
 *   `tel:*21*…%23`, Arabic-Indic digits, zero-width characters or an encoded
 *   U+202E in the address;
 * - a `tel:` link whose text is not the number it dials (any digit script
 *   counts: "١٥٧" is 157), and a link that shows a helpline number but goes
 *   elsewhere (a web page, wa.me);
 * - `aria-label` / `aria-labelledby` on links: a screen reader would announce
 *   "Call 157" for another number (GFM footnote back-links, which Markdown
 *   itself labels and which stay on the page, are the one exception);
 * - `<bdo>` and bidi controls, which display "751" as "157";
 * - nesting deeper than MAX_BODY_DEPTH: Sätteri stops at 128 levels and the
 *   page would publish with no body;
 * - relative image paths that leave public/ or content/: Astro reads them
 *   from disk and publishes the file.
 * The sanitiser also removes each of these, so a rule that misses something
 * still publishes nothing harmful.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { HELPLINE_NUMBERS, isHelplineNumber } from './allowlists.ts';
import type { Problem } from './problem.ts';
import { asReadable, bidiProblemIn, spelledDigits, visible } from './text.ts';

/** Deepest element nesting a body may have; Sätteri refuses 128 (lists count two levels each: ul, li). */
export const MAX_BODY_DEPTH = 64;

const BODY = ['body'] as const;

/** The only form a content `tel:` link may take: "tel:" and the vetted number's ASCII digits. */
export function telNumberOf(href: string): string | undefined {
  const match = /^tel:(\d+)$/.exec(href);
  return match && isHelplineNumber(match[1]!) ? match[1] : undefined;
}

/** Whether `href` is a tel: link in any spelling (case, spaces and control characters as browsers ignore them). */
export function isTelHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- C0 controls and space before the scheme, which URL parsing strips (WHATWG URL)
  return /^tel:/i.test(href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
}

/**
 * Elements the sanitiser (src/lib/sanitize-html.ts) removes with everything in them: what is inside
 * never reaches a reader, so the rules read a body's text without it (a link "1<script>x</script>57"
 * shows 157: attacker's review, 2026-12-02).
 */
export const DROP_WITH_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'title',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'portal',
  'fencedframe',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'form',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'label',
  'fieldset',
  'head',
  'meta',
  'base',
  'link',
  'slot',
  'dialog',
  'marquee',
];
const DROPPED = new Set<string>(DROP_WITH_CONTENTS);
/** Not shown either: `<rp>` is for browsers without ruby, which no browser in use is (HTML's rendering section). */
const NOT_SHOWN = new Set<string>(['rp']);

/** The text a link is announced by: its text and the alt text of images inside it. */
export function linkText(node: Element): string {
  let text = '';
  const stack: Nodes[] = [...node.children].reverse();
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') {
      if (DROPPED.has(child.tagName) || NOT_SHOWN.has(child.tagName)) continue;
      if (child.tagName === 'img' && typeof child.properties?.alt === 'string') text += child.properties.alt;
      stack.push(...[...child.children].reverse());
    }
  }
  return text;
}

/** A `tel:` link a reader may be shown: a vetted number, and link text that is exactly that number. */
export function isAllowedTelLink(href: string, text: string): boolean {
  const number = telNumberOf(href);
  return number !== undefined && spelledDigits(text) === number;
}

/** Two bases: a relative reference resolves to the base's own origin under both; any address with a host of its own does not. */
const BASES = ['https://a.invalid/page/', 'https://b.invalid/page/'] as const;

/** Parses a URL the way a browser would (tabs and newlines removed, control characters and spaces trimmed). */
function parseUrl(value: unknown, base: string): URL | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex -- C0 controls and space around an address, which URL parsing strips (WHATWG URL)
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (cleaned === '') return undefined;
  try {
    return new URL(cleaned, base);
  } catch {
    return undefined;
  }
}

/** A link target a reader may follow: the web, e-mail, a phone number, or a page of this site. */
export function isSafeLinkUrl(value: unknown): boolean {
  const url = parseUrl(value, BASES[0]);
  return url !== undefined && ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol);
}

/**
 * An address on this site, so loading it makes no request to another host:
 * a path or relative reference. Checked against two made-up origins, so that
 * no address an editor can type (not even "https://a.invalid/…") passes as same-site.
 */
export function isSameSiteUrl(value: unknown): boolean {
  return BASES.every((base) => parseUrl(value, base)?.origin === new URL(base).origin);
}

/**
 * The vetted helpline number a link's text shows to a reader, when the link does not dial it: undefined
 * when it shows none. A link that shows 112, 157 or 183 must dial that number (tel:); only a link to a
 * page of this site may name one among words ("YİMER 157'nin sayfası"). Read as a reader sees it
 * (compatibility forms as their digits: "¹⁵⁷", "𝟏𝟓𝟕"; invisible characters ignored):
 * - text without a letter: its digits, in any script, whatever stands between them ("(157)",
 *   "☎ 157", "1-5-7"), and its digit groups in reverse order, as a right-to-left line shows "7 5 1";
 * - any other text, on a link away from this site: a helpline number standing apart from other
 *   digits and letters, its digits possibly spaced or hyphenated ("YİMER: 1 5 7").
 * Attacker's reviews, 2026-12-02.
 * @param text the link's text as published (linkText)
 * @param href the link's address, if any
 */
export function helplineNumberShown(text: string, href: string | undefined): string | undefined {
  const readable = asReadable(text);
  if (!/\p{L}/u.test(readable)) return helplineNumberOfGroups(readable.match(/\p{Nd}+/gu) ?? []);
  if (href !== undefined && isSameSiteUrl(href)) return undefined;
  // A number standing apart, its digits possibly spaced or hyphenated ("YİMER: 1 5 7"), in either order.
  for (const match of readable.matchAll(/(?<![\p{Nd}\p{L}])\p{Nd}+(?:[\s-]+\p{Nd}+)*(?![\p{Nd}\p{L}])/gu)) {
    const groups = match[0].split(/[\s-]+/);
    const shown = groups.find((group) => isHelplineNumber(spelledDigits(group) ?? '')) ?? helplineNumberOfGroups(groups);
    if (shown !== undefined) return spelledDigits(shown) ?? shown;
  }
  return undefined;
}

/**
 * The helpline number digit groups spell read together, in their order or the reverse one (a
 * right-to-left line shows "7 5 1" as 157), in any script; undefined when they spell none.
 * @param groups runs of decimal digits, e.g. ["7", "5", "1"]
 * @returns the number as dialled ("157"), or undefined
 */
export function helplineNumberOfGroups(groups: readonly string[]): string | undefined {
  for (const candidate of [groups.join(''), [...groups].reverse().join('')]) {
    const digits = spelledDigits(candidate);
    if (digits !== undefined && isHelplineNumber(digits)) return digits;
  }
  return undefined;
}

/** The aria-label GFM gives a footnote's back-link: "Back to reference 1", "Back to reference 1-2" (Sätteri, as github.com). */
const FOOTNOTE_BACK_LABEL = /^Back to reference \d+(?:-\d+)?$/;

/**
 * A GFM footnote back-link, whose aria-label Markdown writes and which keeps it on the page: the
 * attribute `data-footnote-backref`, an in-page address, and exactly Markdown's own label. Raw HTML
 * with the attribute and any other label is not one (attacker's review, 2026-12-02: `<a href="#x"
 * data-footnote-backref aria-label="call …">` made a screen reader announce another number).
 */
export function isFootnoteBackLink(node: Element): boolean {
  const { href, ariaLabel, dataFootnoteBackref } = node.properties ?? {};
  return dataFootnoteBackref !== undefined && typeof href === 'string' && href.startsWith('#') && typeof ariaLabel === 'string' && FOOTNOTE_BACK_LABEL.test(ariaLabel);
}

const numbers = HELPLINE_NUMBERS.join(', ');

/** `lineOf`: the node's line, asked for only when there is a problem to report (finding it can mean searching the source). */
function linkProblems(node: Element, lineOf: () => number | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (p: Omit<Problem, 'path' | 'line'>): Problem => {
    const line = lineOf();
    return { path: BODY, ...(line ? { line } : {}), ...p };
  };
  const href = typeof node.properties?.href === 'string' ? node.properties.href : undefined;
  const text = linkText(node).trim();
  const shownHref = href === undefined ? undefined : visible(href);
  const shownText = visible(text);
  if (href !== undefined && isTelHref(href)) {
    const number = telNumberOf(href);
    if (number === undefined) {
      problems.push(
        at({
          tr: `"${shownHref}" bağlantısı aranamaz: telefon bağlantıları yalnızca onaylı yardım hatlarına (${numbers}) ve yalnızca rakamla yazılır, örneğin [157](tel:157).`,
          en: `the link "${shownHref}" is not allowed: tel: links may only dial a vetted helpline (${numbers}), written as tel:157 with ASCII digits and nothing else`,
        }),
      );
    } else if (spelledDigits(text) !== number) {
      problems.push(
        at({
          tr: `${number} numarasını arayan bağlantının metni "${shownText}"; metin aranan numaranın kendisi olmalı, örneğin [${number}](tel:${number}).`,
          en: `the link that dials ${number} reads "${shownText}"; its text must be that number (in any digit script), e.g. [${number}](tel:${number})`,
        }),
      );
    }
  } else {
    const shown = helplineNumberShown(text, href);
    if (shown !== undefined) {
      problems.push(
        at({
          tr: `"${shownText}" bir numara gibi görünüyor ama bağlantı başka bir yere gidiyor (${shownHref ?? 'adres yok'}). Numara gösteren bir bağlantı o numarayı aramalı: [${shown}](tel:${shown}).`,
          en: `the link text "${shownText}" is a number but the link goes to ${shownHref ?? 'nowhere'}; a link that shows a number must dial it (tel:${shown})`,
        }),
      );
    }
  }
  for (const attribute of ['ariaLabel', 'ariaLabelledBy'] as const) {
    if (node.properties?.[attribute] !== undefined && !(attribute === 'ariaLabel' && isFootnoteBackLink(node))) {
      const name = attribute === 'ariaLabel' ? 'aria-label' : 'aria-labelledby';
      problems.push(
        at({
          tr: `bağlantılarda ${name} kullanılamaz: ekran okuyucu, görünen metinden farklı bir şey okur. Bağlantının metni yeterli.`,
          en: `${name} is not allowed on links in content: a screen reader would announce something other than the visible text`,
        }),
      );
    }
  }
  return problems;
}

function elementProblems(node: Element, lineOf: () => number | undefined): Problem[] {
  const problems: Problem[] = [];
  if (node.tagName === 'bdo') {
    const line = lineOf();
    problems.push({
      path: BODY,
      ...(line ? { line } : {}),
      tr: '<bdo> kullanılamaz: yazıyı ters sırada gösterir ("751" → "157"). Site sayıları kendisi doğru yönde gösterir.',
      en: '<bdo> is not allowed: it displays text in reverse order ("751" as "157"); the site isolates numbers itself',
    });
  }
  for (const [name, value] of Object.entries(node.properties ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string') continue;
      // The line only once there is a problem: the same problem, with its line.
      const problem = bidiProblemIn(BODY, item) && bidiProblemIn(BODY, item, lineOf());
      if (problem) {
        problems.push({ ...problem, tr: `${name} özelliğinde ${problem.tr}`, en: `attribute ${name} ${problem.en}` });
        break;
      }
    }
  }
  if (node.tagName === 'a') problems.push(...linkProblems(node, lineOf));
  return problems;
}

/**
 * Elements the sanitiser drops with their contents (DROP_WITH_CONTENTS, and the raw-text ones): opened
 * and never closed, one takes the rest of the body with it, and the page silently ends there
 * (attacker's reviews, 2026-12-02: "Giriş <textarea>", an `<object>` or `<select>` on its own line, an
 * unclosed `<!--`, each hid every paragraph after it). Void elements have no end tag; `plaintext` none.
 */
const VOID = new Set(['embed', 'param', 'source', 'track', 'meta', 'base', 'link', 'input', 'area', 'col', 'img', 'br', 'hr', 'wbr', 'keygen']);
const SWALLOWING = DROP_WITH_CONTENTS.filter((name) => !VOID.has(name));

/**
 * The first SWALLOWING element a body's Markdown opens more often than it closes (its code blocks and
 * code spans left out: there a tag is text), or undefined.
 * @param source a body's Markdown
 */
export function unclosedSwallowingElement(source: string): string | undefined {
  const outsideCode = source.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
  for (const name of SWALLOWING) {
    const opened = outsideCode.match(new RegExp(`<${name}(?=[\\s/>])`, 'gi'))?.length ?? 0;
    const closed = outsideCode.match(new RegExp(`</${name}\\s*>`, 'gi'))?.length ?? 0;
    if (opened > (name === 'plaintext' ? 0 : closed)) return name;
  }
  if ((outsideCode.match(/<!--/g)?.length ?? 0) > (outsideCode.match(/-->/g)?.length ?? 0)) return '!--';
  return undefined;
}

export interface BodyCheckOptions {
  /** The body's Markdown, to find bidi controls wherever they are (code, comments). */
  source?: string;
  /** Lines in the file before the body (front matter), so problems give the file's line numbers. */
  lineOffset?: number;
}

/**
 * Everything wrong with a body's tree, in document order; [] when it may be
 * published. Iterative, so a tree too deep for recursion is still measured.
 */
export function bodyTreeProblems(tree: Root, { source, lineOffset = 0 }: BodyCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const lower = source?.toLowerCase();
  /** The line of a node: its position if the parser kept one (micromark does), else where its address or tag first appears in the source (Sätteri keeps none). */
  const lineOf = (node: Nodes) => {
    // hast-util-raw leaves a text node after a hard line break ("a\\" then a new line) with an end and no start.
    const start = node.position?.start as NonNullable<Nodes['position']>['start'] | undefined;
    if (start?.line) return start.line + lineOffset;
    if (lower === undefined || node.type !== 'element') return undefined;
    const href = node.properties?.href;
    const at = typeof href === 'string' && lower.includes(href.toLowerCase()) ? lower.indexOf(href.toLowerCase()) : lower.indexOf(`<${node.tagName}`);
    return at < 0 ? undefined : lower.slice(0, at).split('\n').length + lineOffset;
  };
  const swallowing = source === undefined ? undefined : unclosedSwallowingElement(source);
  if (swallowing) {
    problems.push({
      path: BODY,
      tr: `<${swallowing}> açılmış ama kapatılmamış: ondan sonraki her şey sayfada görünmez. </${swallowing}> ile kapatın ya da silin.`,
      en: `<${swallowing}> is opened and never closed: everything after it would vanish from the page; close it (</${swallowing}>) or remove it`,
    });
  }
  // The source first: a bidi control in a comment or code never reaches a text node, but still displays in the editor.
  let sourceBidi: Problem | undefined;
  if (source !== undefined) {
    const lines = source.split('\n');
    const index = lines.findIndex((l) => bidiProblemIn(BODY, l) !== undefined);
    if (index >= 0) problems.push((sourceBidi = bidiProblemIn(BODY, lines[index]!, index + 1 + lineOffset)!));
  }
  let deepest = 0;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (node.type === 'text') {
      // Written as a character reference (&#x202E;), a control is only visible in the tree.
      const problem = bidiProblemIn(BODY, node.value, lineOf(node));
      if (problem && !(sourceBidi && (problem.line === undefined || problem.line === sourceBidi.line))) problems.push(problem);
    }
    if (node.type === 'element') problems.push(...elementProblems(node, () => lineOf(node)));
    if ((node.type === 'element' || node.type === 'root') && depth <= MAX_BODY_DEPTH) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as ElementContent, node.type === 'element' ? depth + 1 : depth]);
    }
  }
  if (deepest > MAX_BODY_DEPTH) problems.unshift(depthProblem(deepest));
  return problems;
}

/** Refused nesting, with what to do about it. */
export function depthProblem(depth: number): Problem {
  const shown = depth > MAX_BODY_DEPTH + 1 ? `${MAX_BODY_DEPTH + 1}+` : String(depth);
  return {
    path: BODY,
    tr: `metin çok derin iç içe geçmiş (${shown} düzey; en çok ${MAX_BODY_DEPTH}): liste içinde liste veya iç içe HTML öğeleri. Listeleri düzleştirin.`,
    en: `the body nests ${shown} levels deep (lists inside lists, or HTML elements inside each other); at most ${MAX_BODY_DEPTH} are allowed`,
  };
}

/** The deepest element nesting of a tree, counted without recursion (stops counting past `limit`). */
export function treeDepth(tree: Root, limit = MAX_BODY_DEPTH + 1): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest >= limit) return deepest;
    if (node.type === 'element' || node.type === 'root') for (const child of node.children) stack.push([child, node.type === 'element' ? depth + 1 : depth]);
  }
  return deepest;
}

/** Raster images, as uploads allow (src/lib/validate-content.ts). */
const LOCAL_IMAGE = /^[\p{L}\p{N}_\-. /]+\.(?:jpe?g|png|webp|avif)$/iu;

export interface ImagePathOptions {
  /** The entry's file, relative to the project root: "content/pages/tr/about.md". */
  file: string;
  /**
   * Where the path really leads once symbolic links are followed (relative
   * to the project root), or undefined if it does not exist. Given by the
   * build (node:fs); the CMS, which has no file system, leaves it out.
   */
  realPath?: (projectPath: string) => string | undefined;
}

/**
 * A Markdown image path (`![alt](path)`) that Astro would read from disk
 * must stay inside public/ or content/. Paths starting with "/" and full URLs
 * are addresses, not files (the sanitiser keeps only same-site ones).
 */
export function localImageProblem(src: string, { file, realPath }: ImagePathOptions): Problem | undefined {
  if (src.startsWith('/') || URL.canParse(src)) return undefined;
  const refuse: Problem = {
    path: BODY,
    tr: `"${visible(src)}" resmi kullanılamaz: resimler yalnızca public/ (örneğin /uploads/…) veya content/ klasöründen gelebilir ve JPG, PNG, WebP veya AVIF olmalı.`,
    en: `the image "${visible(src)}" is not allowed: body images must be JPG, PNG, WebP or AVIF files inside public/ or content/`,
  };
  let decoded: string;
  try {
    decoded = decodeURI(src); // as Astro does before reading the file
  } catch {
    return refuse;
  }
  if (!LOCAL_IMAGE.test(decoded)) return refuse;
  // Resolve as a path relative to the entry's folder, inside an imaginary project root.
  const resolved = decodeURIComponent(new URL(decoded, `file:///project/${file}`).pathname).replace(/^\/project\//, '');
  const inside = (path: string) => /^(?:public|content)\//.test(path) && !path.split('/').includes('..');
  if (!inside(resolved)) return refuse;
  const real = realPath?.(resolved);
  if (real !== undefined && !inside(real)) return refuse;
  return undefined;
}
