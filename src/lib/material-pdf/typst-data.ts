/**
 * A material's Markdown body as a plain JSON tree for the Typst template (material.typ).
 *
 * Reasoning: the template receives the text as data (`sys.inputs`), never as
 * Typst markup, so an editor's "#", "*" or "$" is printed as written and cannot
 * run Typst code; there is nothing to escape. The tree is built from the same
 * HTML tree the site renders and the CMS checks (`markdownToTree` in
 * content-rules/markdown.ts: micromark + GFM, raw HTML parsed as browsers do),
 * so the PDF has the paragraphs, lists and tables the page has.
 *
 * Only what prints is kept: headings, paragraphs, lists, tables, quotes, rules,
 * code, and inline strong, emphasis, strike-through, code, line breaks and
 * links (a link keeps its words; its address becomes a footnote). Elements that
 * are not text (script, style, images, embeds, forms) are dropped with their
 * contents; any other element is read through to its text.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { markdownToTree } from '../content-rules/markdown.ts';

export type Inline = { t: 'text'; v: string } | { t: 'strong' | 'emph' | 'del'; c: Inline[] } | { t: 'code'; v: string } | { t: 'br' } | { t: 'link'; c: Inline[]; url?: string };

export type Block =
  | { t: 'par'; c: Inline[] }
  | { t: 'heading'; level: number; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'table'; columns: number; header: Inline[][]; rows: Inline[][][] }
  | { t: 'quote'; c: Block[] }
  | { t: 'rule' }
  | { t: 'pre'; v: string };

/** Elements that are not text: dropped with everything inside them. */
const DROP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'img',
  'picture',
  'video',
  'audio',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
]);
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'hr',
  'pre',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'nav',
  'figure',
  'details',
  'dl',
  'dt',
  'dd',
  'main',
]);

type Node = RootContent | ElementContent;
const isElement = (node: Node): node is Element => node.type === 'element';

function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (isElement(node) && !DROP.has(node.tagName)) return node.children.map(textOf).join('');
  return '';
}

/**
 * Where a link leads, as printed: absolute addresses of the web (http, https),
 * and the site's own pages made absolute with `site`. `tel:` and in-page links
 * print their words only (the number is the words).
 */
function printedUrl(href: unknown, site: URL): string | undefined {
  if (typeof href !== 'string' || href === '' || href.startsWith('#')) return undefined;
  try {
    const url = new URL(href, site);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function inlines(nodes: readonly Node[], site: URL): Inline[] {
  const out: Inline[] = [];
  const push = (item: Inline) => {
    const last = out.at(-1);
    if (item.t === 'text' && last?.t === 'text') last.v += item.v;
    else out.push(item);
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      push({ t: 'text', v: node.value.replace(/\s+/g, ' ') });
    } else if (isElement(node) && !DROP.has(node.tagName)) {
      const children = () => inlines(node.children, site);
      switch (node.tagName) {
        case 'strong':
        case 'b':
          push({ t: 'strong', c: children() });
          break;
        case 'em':
        case 'i':
          push({ t: 'emph', c: children() });
          break;
        case 'del':
        case 's':
          push({ t: 'del', c: children() });
          break;
        case 'code':
          push({ t: 'code', v: textOf(node) });
          break;
        case 'br':
          push({ t: 'br' });
          break;
        case 'a': {
          const url = printedUrl(node.properties?.href, site);
          push(url ? { t: 'link', c: children(), url } : { t: 'link', c: children() });
          break;
        }
        default:
          for (const child of children()) push(child);
      }
    }
  }
  return out;
}

/** Trims a paragraph's leading and trailing spaces; undefined if nothing is left. */
function paragraph(content: Inline[]): { t: 'par'; c: Inline[] } | undefined {
  const first = content[0];
  if (first?.t === 'text') first.v = first.v.trimStart();
  const last = content.at(-1);
  if (last?.t === 'text') last.v = last.v.trimEnd();
  const cleaned = content.filter((n) => !(n.t === 'text' && n.v === ''));
  return cleaned.length > 0 ? { t: 'par', c: cleaned } : undefined;
}

function tableBlock(table: Element, site: URL): Block {
  const rows: Element[] = [];
  const collect = (el: Element) => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) collect(child);
    }
  };
  collect(table);
  const cells = rows.map((row) => row.children.filter(isElement).filter((c) => c.tagName === 'th' || c.tagName === 'td'));
  const columns = Math.max(1, ...cells.map((r) => r.length));
  const pad = (row: Inline[][]) => [...row, ...Array.from({ length: columns - row.length }, () => [])];
  const asInlines = (row: Element[]) => pad(row.map((cell) => paragraph(inlines(cell.children, site))?.c ?? []));
  const hasHeader = cells[0]?.some((c) => c.tagName === 'th') ?? false;
  const [head, ...body] = hasHeader ? cells : [[], ...cells];
  return { t: 'table', columns, header: pad(asInlines(head ?? []).slice(0, columns)), rows: body.map(asInlines) };
}

function blocks(nodes: readonly Node[], site: URL): Block[] {
  const out: Block[] = [];
  let run: Node[] = [];
  const flush = () => {
    const par = paragraph(inlines(run, site));
    if (par) out.push(par);
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node) || (!BLOCK.has(node.tagName) && node.tagName !== 'li')) {
      if (node.type === 'text' || isElement(node)) run.push(node);
      continue;
    }
    flush();
    const tag = node.tagName;
    if (tag === 'p' || tag === 'dt' || tag === 'dd') {
      const par = paragraph(inlines(node.children, site));
      if (par) out.push(par);
    } else if (/^h[1-6]$/.test(tag)) {
      const content = paragraph(inlines(node.children, site));
      if (content) out.push({ t: 'heading', level: Number(tag[1]), c: content.c });
    } else if (tag === 'ul' || tag === 'ol') {
      const items = node.children
        .filter(isElement)
        .filter((li) => li.tagName === 'li')
        .map((li) => blocks(li.children, site));
      const start = Number(node.properties?.start ?? 1);
      out.push({ t: 'list', ordered: tag === 'ol', start: Number.isInteger(start) ? start : 1, items });
    } else if (tag === 'table') {
      out.push(tableBlock(node, site));
    } else if (tag === 'blockquote') {
      out.push({ t: 'quote', c: blocks(node.children, site) });
    } else if (tag === 'hr') {
      out.push({ t: 'rule' });
    } else if (tag === 'pre') {
      out.push({ t: 'pre', v: textOf(node).replace(/\n$/, '') });
    } else {
      out.push(...blocks(node.children, site));
    }
  }
  flush();
  return out;
}

/**
 * The body of a material as blocks for material.typ.
 * `site` makes the site's own links absolute (footnotes print where a link leads).
 * Headings keep their Markdown level minus one: the body's `##` sections are the
 * document's first level, under the title.
 */
export function markdownToTypstData(markdown: string, site: URL): Block[] {
  const { hast } = markdownToTree(markdown);
  return blocks((hast as Root).children, site).map((b) => (b.t === 'heading' ? { ...b, level: Math.max(1, b.level - 1) } : b));
}
