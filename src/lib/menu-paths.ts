/**
 * Step-by-step menu paths in bodies ("⋮ → **History** → **Delete browsing
 * data**") read in order in right-to-left text, and their arrows point the
 * way the reader reads (issue 10, point 3).
 *
 * Reasoning: a Pashto page quotes the browser's English labels, "… ← History
 * ← Delete browsing data". The Unicode bidi algorithm makes two Latin items
 * joined by an arrow one left-to-right run, so "History" is drawn to the left
 * of "Delete browsing data" and a right-to-left reader meets the last step
 * first. Isolating each step (<bdi>) makes it a neutral unit of the
 * surrounding text: the steps then follow each other in the text's own
 * direction, whatever their script. The arrows are rewritten to point that
 * way (→ in left-to-right text, ← in right-to-left), since a translator may
 * copy them from the source, and the whole path is marked with `dir` and the
 * class `menu-path`.
 *
 * What a path is: two or more steps joined by → or ← in the same block.
 * A step is a run of inline content: the first one starts after the last
 * sentence or clause mark before the first arrow (. , : ; ! ? ، ؛), the last one
 * ends at the first such mark after the last arrow (a mark between two arrows
 * ends one path and starts the next);
 * a bold label ending in ":" ("**Chrome:**") is not a step. Code (<code>,
 * <pre>, <kbd>, <samp>) is left alone.
 *
 * The direction of a path is the nearest `dir` attribute around it in the
 * body, else the direction of the entry's locale (from the file's folder,
 * content/<collection>/<locale>/…). Runs after the sanitiser (it adds only
 * <span>, <bdi> and text, from content the sanitiser has already cleaned).
 *
 * Own code rather than a library: no maintained package finds menu paths;
 * the tree handling is plain hast.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import { getLocale, isLocaleCode, type Direction } from '../i18n/locales.ts';

const ARROWS = /([→←])/u;
const ARROW_FOR: Record<Direction, string> = { ltr: '→', rtl: '←' };
/** Marks that end a sentence or clause: a step never crosses them. */
const BOUNDARY = /[.,:;!?\u060C\u061B\u06D4]/u;
const LAST_BOUNDARY = new RegExp(`^[^]*${BOUNDARY.source}`, 'u');
const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

type Token = { arrow: string } | { node: ElementContent };

const isArrow = (t: Token): t is { arrow: string } => 'arrow' in t;
const text = (value: string): Text => ({ type: 'text', value });

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** Splits text nodes at arrows; other nodes are tokens of their own. */
function tokenize(children: readonly ElementContent[]): Token[] {
  return children.flatMap((child): Token[] =>
    child.type === 'text'
      ? child.value
          .split(ARROWS)
          .filter((part) => part !== '')
          .map((part) => (ARROWS.test(part) ? { arrow: part } : { node: text(part) }))
      : [{ node: child }],
  );
}

const trimNodes = (nodes: ElementContent[]): ElementContent[] => {
  const out = nodes.map((n) => ({ ...n }));
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = out.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return out.filter((n) => n.type !== 'text' || n.value !== '');
};

/**
 * The tokens of `before` (in document order) that belong to the first step,
 * and what stays in front of the path.
 */
function splitFirstStep(before: ElementContent[]): { outside: ElementContent[]; step: ElementContent[] } {
  const step: ElementContent[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const node = before[i]!;
    const value = textOf(node);
    if (node.type === 'text') {
      const cut = LAST_BOUNDARY.exec(value);
      if (cut) {
        step.unshift(text(value.slice(cut[0].length)));
        return { outside: [...before.slice(0, i), text(cut[0])], step };
      }
      step.unshift(node);
    } else {
      // A bold label such as "Chrome:" or "Safari (iPhone):" introduces the path; it is not a step.
      if (BOUNDARY.test(value.trim().slice(-1)) || textOf(node).trim() === '') return { outside: before.slice(0, i + 1), step };
      step.unshift(node);
    }
  }
  return { outside: [], step };
}

/** The tokens of `after` that belong to the last step, and what follows the path. */
function splitLastStep(after: ElementContent[]): { step: ElementContent[]; outside: ElementContent[] } {
  const step: ElementContent[] = [];
  for (let i = 0; i < after.length; i++) {
    const node = after[i]!;
    if (node.type === 'text') {
      const at = node.value.search(BOUNDARY);
      if (at >= 0) {
        step.push(text(node.value.slice(0, at)));
        return { step, outside: [text(node.value.slice(at)), ...after.slice(i + 1)] };
      }
    }
    step.push(node);
  }
  return { step, outside: [] };
}

const STRONG: Record<Direction, RegExp> = { ltr: /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u, rtl: /[\p{Script=Arabic}\p{Script=Hebrew}]/u };

/**
 * A step's own direction: the path's, if the step has any letter of that
 * direction ("Delete browsing data ثم أغلق" in Arabic is an Arabic phrase that
 * quotes a label), else the other one ("History" alone in Arabic text).
 * Explicit rather than <bdi>'s own guess from the first letter, which would
 * make that Arabic phrase left-to-right.
 */
function stepDirection(step: ElementContent[], dir: Direction): Direction {
  const value = step.map(textOf).join('');
  if (STRONG[dir].test(value)) return dir;
  return STRONG[dir === 'rtl' ? 'ltr' : 'rtl'].test(value) ? (dir === 'rtl' ? 'ltr' : 'rtl') : dir;
}

const hasBoundary = (nodes: ElementContent[]) => nodes.some((n) => (n.type === 'text' ? BOUNDARY.test(n.value) : BOUNDARY.test(textOf(n).trim().slice(-1))));

/**
 * One path: `leadPart` holds what comes before the first arrow (the first
 * step at its end), `middles` the steps between arrows, `last` the last step.
 * `original` is the same content as written, returned if it is not a path
 * (an arrow with nothing on one side).
 */
function renderPath(leadPart: ElementContent[], middles: ElementContent[][], last: ElementContent[], dir: Direction, original: ElementContent[]): ElementContent[] {
  const { outside: lead, step: first } = splitFirstStep(leadPart);
  const steps = [first, ...middles, last].map(trimNodes);
  if (steps.some((s) => s.length === 0)) return original.map((n) => visit(n, dir));
  const path: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['menu-path'], dir },
    children: steps.flatMap((step, i): ElementContent[] => [
      ...(i > 0 ? [text(` ${ARROW_FOR[dir]} `)] : []),
      { type: 'element', tagName: 'bdi', properties: { dir: stepDirection(step, dir) }, children: step.map((n) => visit(n, dir)) },
    ]),
  };
  const leadText = lead.map(textOf).join('');
  const spaceBefore = leadText === '' || /\s$/u.test(leadText) ? [] : [text(' ')];
  return [...lead.map((n) => visit(n, dir)), ...spaceBefore, path];
}

/** Rewrites the inline children of one element: each path in them isolated; unchanged when there is none. */
function isolatePaths(children: readonly ElementContent[], dir: Direction): ElementContent[] {
  const tokens = tokenize(children);
  if (!tokens.some(isArrow)) return children.map((child) => visit(child, dir));
  // parts[0] before the first arrow, parts[i] after the i-th; arrows[i - 1] the arrow before parts[i].
  const parts: ElementContent[][] = [[]];
  const arrows: string[] = [];
  for (const token of tokens) {
    if (isArrow(token)) {
      arrows.push(token.arrow);
      parts.push([]);
    } else parts.at(-1)!.push(token.node);
  }
  const out: ElementContent[] = [];
  let start = 0;
  let lead = parts[0]!;
  while (start < arrows.length) {
    // This path's last part: the first one after `start` that holds a sentence mark, or the last part.
    let k = start + 1;
    while (k < parts.length - 1 && !hasBoundary(parts[k]!)) k++;
    const { step: last, outside } = splitLastStep(parts[k]!);
    const original = [lead, ...parts.slice(start + 1, k), last].flatMap((part, i) => (i === 0 ? part : [text(arrows[start + i - 1]!), ...part]));
    out.push(...renderPath(lead, parts.slice(start + 1, k), last, dir, original));
    lead = outside;
    start = k;
  }
  out.push(...lead.map((n) => visit(n, dir)));
  return out;
}

function visit(node: ElementContent, dir: Direction): ElementContent {
  if (node.type !== 'element' || SKIP.has(node.tagName)) return node;
  const own = node.properties.dir;
  const inner: Direction = own === 'rtl' || own === 'ltr' ? own : dir;
  return { ...node, children: isolatePaths(node.children, inner) };
}

/**
 * A copy of a hast tree with every menu path isolated (see above). `dir`: the
 * direction of the text the tree is shown in. Pure: hast in, hast out.
 */
export function isolateMenuPaths(root: Root, dir: Direction): Root {
  return { ...root, children: root.children.map((child) => visit(child as ElementContent, dir)) as RootContent[] };
}

/** The direction of an entry's text from its file: content/<collection>/<locale>/<slug>.md. */
export function directionOfFile(fileURL: URL | undefined): Direction | undefined {
  const locale = fileURL && /\/content\/[^/]+\/([^/]+)\/[^/]+\.md$/.exec(decodeURIComponent(fileURL.pathname))?.[1];
  return locale && isLocaleCode(locale) ? getLocale(locale).dir : undefined;
}

/** Sätteri HAST plugin: isolates menu paths; listed after the sanitiser in astro.config.mjs. */
export function menuPathsPlugin(context: PluginFactoryContext): HastPluginDefinition | null {
  if (!/[→←]/u.test(context.source)) return null;
  const dir = directionOfFile(context.fileURL) ?? 'ltr';
  return {
    name: 'menu-paths',
    before(root, ctx) {
      ctx.replaceNode(root, isolateMenuPaths(root as Root, dir));
    },
  };
}
