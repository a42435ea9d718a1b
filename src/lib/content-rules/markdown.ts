/**
 * A body's Markdown, checked without the site's build: for the CMS save guard
 * (in the browser) and the pre-build content check.
 *
 * Reasoning: the site renders Markdown with Sätteri, a native (Rust) module
 * that does not run in the CMS page. micromark is the CommonMark + GFM
 * reference parser, and hast-util-raw parses raw HTML the way browsers do
 * (parse5), so the tree here is the tree the site renders; the rules that run
 * on it are the same functions (./body.ts) the build runs on Sätteri's tree.
 * tests/unit/content-rules.unit.test.ts runs every hostile body through both.
 */
import type { Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { bodyTreeProblems, depthProblem, DROP_WITH_CONTENTS, localImageProblem, MAX_BODY_DEPTH, type ImagePathOptions } from './body.ts';
import { mayHoldPhoneNumber, phoneNumberFound, phoneNumbersIn } from './phone-numbers.ts';
import type { Problem } from './problem.ts';

export interface MarkdownCheckOptions extends Partial<ImagePathOptions> {
  /** Lines in the file before the body, so problems give the file's line numbers. */
  lineOffset?: number;
}

/** Markdown images (`![alt](path)`): the ones Astro reads from disk. Iterative, like the depth count. */
function imagePaths(tree: MdastNodes): { url: string; line?: number }[] {
  const found: { url: string; line?: number }[] = [];
  const stack: MdastNodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'image') found.push({ url: node.url, ...(node.position ? { line: node.position.start.line } : {}) });
    if ('children' in node) stack.push(...(node.children as MdastNodes[]));
  }
  return found.reverse();
}

/** The HTML tree of a body, raw HTML parsed into elements, as the site's renderer builds it. */
export function markdownToTree(markdown: string): { mdast: MdastNodes; hast: Root } {
  const mdast = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  // hast-util-raw reads positions through String(file): the source is all it needs for line numbers.
  const file = { toString: () => markdown } as unknown as NonNullable<Parameters<typeof raw>[1]>['file'];
  const hast = raw(toHast(mdast, { allowDangerousHtml: true }) as Root, { file }) as Root;
  return { mdast, hast };
}

const BODY_FIELD = ['body'] as const;
const DROPPED = new Set<string>(DROP_WITH_CONTENTS);

/**
 * Elements that break a line: their text does not run on into the text before or after them. Every
 * other element's text is read together with its neighbours', as a browser shows it
 * ("0 850 <b>555</b> 12 34" is one number).
 */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Never shown: `<rp>` is for browsers without ruby, which no browser in use is (HTML's rendering section). */
const NOT_SHOWN = new Set(['rp']);

/**
 * Phone numbers in what a body shows (./phone-numbers.ts), one problem per number, at the line of
 * the element or text it was found in: the text of every element as a browser joins it (BLOCKS
 * apart, an image as its alt text, which the sanitiser also puts in place of an image from another
 * host) and each element's title. What is not shown is not read: what the sanitiser removes with
 * its contents (DROP_WITH_CONTENTS: "555<script>x</script> 12"), `<rp>`; nor are link addresses.
 * Attacker's reviews, 2026-12-02.
 */
function bodyPhoneNumberProblems(tree: Root, source: string, lineOffset: number): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const hidden = (node: Root | RootContent) => node.type === 'element' && (DROPPED.has(node.tagName) || NOT_SHOWN.has(node.tagName));
  const textOf = (node: Root | RootContent): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element' && node.tagName === 'img') return typeof node.properties?.alt === 'string' ? node.properties.alt : '';
    if (!('children' in node) || hidden(node)) return '';
    return node.children.map((child) => (child.type === 'element' && BLOCKS.has(child.tagName) ? ` ${textOf(child)} ` : textOf(child as RootContent))).join('');
  };
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (hidden(node)) continue;
    const texts = node.type === 'text' ? [node.value] : node.type === 'element' ? [textOf(node), node.properties?.title] : [];
    for (const text of texts) {
      if (typeof text !== 'string' || !mayHoldPhoneNumber(text)) continue;
      for (const number of phoneNumbersIn(text)) {
        if (reported.has(number)) continue;
        reported.add(number);
        // hast-util-raw leaves some nodes with a position that has no start.
        const line = (node.position?.start as { line?: number } | undefined)?.line;
        problems.push(phoneNumberFound(BODY_FIELD, number, line === undefined ? undefined : line + lineOffset));
      }
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as RootContent);
  }
  // The source too, without its link addresses and tags: where this parser and the site's renderer build
  // different trees (hast-util-raw drops text after an unclosed <table> that Sätteri keeps), the words are
  // still there.
  for (const number of phoneNumbersIn(source.replace(/\]\([^)]*\)/g, ']').replace(/<[^>]*>/g, ''))) {
    if (!reported.has(number)) problems.push(phoneNumberFound(BODY_FIELD, number));
  }
  return problems;
}

/** Everything wrong with a body; [] when it may be published. */
export function markdownBodyProblems(markdown: string, { lineOffset = 0, file, realPath }: MarkdownCheckOptions = {}): Problem[] {
  let trees: ReturnType<typeof markdownToTree>;
  try {
    trees = markdownToTree(markdown);
  } catch (error) {
    // Recursion in the tree builders gives out long after MAX_BODY_DEPTH; anything else is reported as it is.
    if (error instanceof RangeError) return [depthProblem(MAX_BODY_DEPTH + 1)];
    throw error;
  }
  const problems = bodyTreeProblems(trees.hast, { source: markdown, lineOffset });
  problems.push(...bodyPhoneNumberProblems(trees.hast, markdown, lineOffset));
  if (file) {
    for (const { url, line } of imagePaths(trees.mdast)) {
      const problem = localImageProblem(url, { file, ...(realPath ? { realPath } : {}) });
      if (problem) problems.push({ ...problem, ...(line ? { line: line + lineOffset } : {}) });
    }
  }
  return problems;
}
