/**
 * Sanitises the HTML of every Markdown body before it reaches a page.
 *
 * Reasoning: editors sign in to the CMS with a password, and a stolen account
 * must not be able to run script on pages read by people in danger, send their
 * browser to another host, or dress content up as the site's own controls (a
 * fake quick-exit button). Markdown allows raw HTML, so Sätteri parses it
 * (`features.rawHtml`) into real elements, and this plugin rebuilds the tree
 * from an allowlist. An allowlist, because a denylist misses the next trick:
 *
 * - Elements not listed are unwrapped (their text stays). Elements that hold
 *   code, load or embed something, take input, or parse differently from
 *   ordinary HTML (script, style, iframe, object, svg, math, form, template,
 *   meta, base, link...) are removed with everything inside them.
 * - Attributes not listed are dropped: every on* handler, style (CSS can load
 *   URLs, and the page's CSP blocks style attributes anyway), srcdoc,
 *   formaction, xlink:href, name, data-* and classes other than the few
 *   Markdown itself produces.
 * - URLs are read with the WHATWG URL parser, the one browsers use, after the
 *   HTML parser has already decoded entities. So "jav&#x09;ascript:",
 *   " JaVaScRiPt:" and "&#106;avascript&colon;" are all seen as javascript:.
 *   Links keep http(s), mailto, tel and same-site addresses; images keep
 *   same-site addresses only, because loading an image from another host tells
 *   that host who is reading. A removed image leaves its alt text.
 * - ids get the "user-content-" prefix (as GitHub and GFM footnotes do) so
 *   content cannot clobber the page's own ids or window globals.
 *
 * The function is pure (hast in, hast out) so it can be tested without a
 * build; `sanitizeHtmlPlugin` runs it first among the HAST plugins.
 */
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/** Removed together with their contents. */
const DROP_WITH_CONTENTS = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'title',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'picture',
  'form', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'label', 'fieldset',
  'head', 'meta', 'base', 'link', 'slot', 'dialog', 'marquee',
]);

/** Attributes every allowed element may keep. */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir', 'id', 'className'];

/** Allowed elements and the attributes each may keep besides the global ones. */
const ALLOWED: Record<string, readonly string[]> = {
  a: ['href', 'hreflang', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  blockquote: ['cite'], q: ['cite'], del: ['cite', 'dateTime'], ins: ['cite', 'dateTime'],
  time: ['dateTime'], details: ['open'], ol: ['start', 'reversed'],
  td: ['colSpan', 'rowSpan', 'align'], th: ['colSpan', 'rowSpan', 'align', 'scope'],
  col: ['span'], colgroup: ['span'],
  section: ['dataFootnotes'],
  // GFM task lists: a disabled checkbox, nothing else (see sanitizeInput).
  input: [],
  ...Object.fromEntries(
    [
      'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'span', 'abbr', 'b', 'bdi', 'bdo', 'cite',
      'code', 'dfn', 'em', 'i', 'kbd', 'mark', 's', 'samp', 'small', 'strong', 'sub', 'sup', 'u', 'var', 'wbr',
      'ruby', 'rp', 'rt', 'pre', 'ul', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'summary',
      'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr',
    ].map((tag) => [tag, []]),
  ),
};

/** The classes Markdown itself produces (task lists, footnotes, code language). */
const ALLOWED_CLASS = /^(?:contains-task-list|task-list-item|footnotes|sr-only|data-footnote-backref|language-[\w+#-]{1,30})$/;

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Any origin will do as long as it is ours; the URL parser only needs a base to resolve against. */
const SITE = 'https://site.invalid';
const ID_PREFIX = 'user-content-';
/** GFM footnotes point aria-describedby at this id; it is produced by Markdown, never by raw HTML alone. */
const FOOTNOTE_LABEL_ID = 'footnote-label';

/** Attribute names compared the way HTML does (case-insensitive, "aria-label" = "ariaLabel"). */
const normalise = (name: string) => name.toLowerCase().replace(/[-:]/g, '');

/** Parses a URL the way a browser would (tabs and newlines removed, control characters and spaces trimmed). */
function parseUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (cleaned === '') return undefined;
  try {
    return new URL(cleaned, `${SITE}/page/`);
  } catch {
    return undefined;
  }
}

/** A link target a reader may follow: the web, e-mail, a phone number, or a page of this site. */
export function isSafeLinkUrl(value: unknown): boolean {
  const url = parseUrl(value);
  return url !== undefined && LINK_PROTOCOLS.has(url.protocol);
}

/** An address on this site, so loading it makes no request to another host. */
export function isSameSiteUrl(value: unknown): boolean {
  const url = parseUrl(value);
  return url !== undefined && url.origin === SITE;
}

function prefixId(value: string): string {
  return value === FOOTNOTE_LABEL_ID || value.startsWith(ID_PREFIX) ? value : `${ID_PREFIX}${value}`;
}

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : []).filter((v): v is string => typeof v === 'string' && v !== '');

/** Checks one attribute's value; returns undefined to drop it. */
function cleanValue(name: string, value: unknown): unknown {
  switch (name) {
    case 'href':
    case 'cite':
      return isSafeLinkUrl(value) ? String(value).trim() : undefined;
    case 'src':
      return isSameSiteUrl(value) ? String(value).trim() : undefined;
    case 'id':
      return typeof value === 'string' && /^[\w-]{1,100}$/.test(value) ? prefixId(value) : undefined;
    case 'ariaDescribedBy': {
      const ids = asList(value).filter((v) => /^[\w-]{1,100}$/.test(v)).map(prefixId);
      return ids.length ? ids : undefined;
    }
    case 'className': {
      const classes = asList(value).filter((c) => ALLOWED_CLASS.test(c));
      return classes.length ? classes : undefined;
    }
    case 'dir':
      return value === 'ltr' || value === 'rtl' || value === 'auto' ? value : undefined;
    case 'lang':
    case 'hreflang':
      return typeof value === 'string' && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,3}$/.test(value) ? value : undefined;
    case 'width':
    case 'height':
    case 'start':
    case 'colSpan':
    case 'rowSpan':
    case 'span': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : undefined;
    }
    case 'align':
      return value === 'left' || value === 'right' || value === 'center' ? value : undefined;
    case 'scope':
      return ['row', 'col', 'rowgroup', 'colgroup'].includes(String(value)) ? value : undefined;
    case 'loading':
      return value === 'lazy' || value === 'eager' ? value : undefined;
    case 'open':
    case 'reversed':
      return value === true || value === '' ? true : undefined;
    case 'dataFootnoteRef':
    case 'dataFootnoteBackref':
    case 'dataFootnotes':
      return '';
    default:
      // title, alt, ariaLabel, dateTime: plain text, escaped when the tree is serialised.
      return typeof value === 'string' ? value : undefined;
  }
}

function cleanProperties(tagName: string, properties: Properties = {}): Properties {
  const allowed = new Map([...GLOBAL_ATTRIBUTES, ...(ALLOWED[tagName] ?? [])].map((name) => [normalise(name), name]));
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    const name = allowed.get(normalise(key));
    if (!name) continue;
    const clean = cleanValue(name, value);
    if (clean !== undefined) out[name] = clean as Properties[string];
  }
  // GFM table alignment arrives as style="text-align: …"; keep it as the align attribute instead.
  const style = typeof properties.style === 'string' ? /^\s*text-align:\s*(left|right|center)\s*;?\s*$/i.exec(properties.style) : null;
  if (style && (tagName === 'td' || tagName === 'th')) out.align = style[1]!.toLowerCase();
  return out;
}

/** A GFM task-list checkbox survives as a disabled checkbox; any other input is removed. */
function sanitizeInput(node: Element): ElementContent[] {
  if (String(node.properties?.type).toLowerCase() !== 'checkbox') return [];
  const checked = node.properties?.checked === true || node.properties?.checked === '';
  return [{ type: 'element', tagName: 'input', properties: { type: 'checkbox', disabled: true, ...(checked ? { checked: true } : {}) }, children: [] }];
}

function sanitizeImage(node: Element): ElementContent[] {
  if (!isSameSiteUrl(node.properties?.src)) {
    const alt = typeof node.properties?.alt === 'string' ? node.properties.alt.trim() : '';
    return alt ? [{ type: 'text', value: alt }] : [];
  }
  return [{ type: 'element', tagName: 'img', properties: cleanProperties('img', node.properties), children: [] }];
}

function sanitizeNode(node: RootContent): ElementContent[] {
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value }];
    case 'raw':
      // Should not occur with rawHtml on; if it does, show it as text rather than markup.
      return [{ type: 'text', value: node.value }];
    case 'element': {
      const tagName = node.tagName.toLowerCase();
      if (DROP_WITH_CONTENTS.has(tagName)) return [];
      if (tagName === 'input') return sanitizeInput(node);
      if (tagName === 'img') return sanitizeImage(node);
      const children = sanitizeChildren(node.children);
      if (!(tagName in ALLOWED)) return children;
      const element: Element = { type: 'element', tagName, properties: cleanProperties(tagName, node.properties), children };
      if (node.data) element.data = node.data;
      return [element];
    }
    default:
      // Comments, doctypes and anything unknown (MDX nodes never reach .md files).
      return [];
  }
}

function sanitizeChildren(children: readonly RootContent[] = []): ElementContent[] {
  return children.flatMap(sanitizeNode);
}

/** Returns a sanitised copy of a hast tree. */
export function sanitizeTree(root: Root): Root {
  return { type: 'root', children: sanitizeChildren(root.children) as RootContent[] };
}

/** Sätteri HAST plugin: replaces the whole document with its sanitised copy before any other plugin sees it. */
export const sanitizeHtmlPlugin: HastPluginDefinition = {
  name: 'sanitize-html',
  before(root, ctx) {
    ctx.replaceNode(root as Nodes, sanitizeTree(root as Root));
  },
};
