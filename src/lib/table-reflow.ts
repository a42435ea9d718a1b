/**
 * Tables in bodies (the lesson plan's "time / activity / what to do") reflow
 * on a phone instead of breaking words (issue 10, point 4): below 40rem each
 * row becomes a block of its cells, each cell under its column's header.
 *
 * Reasoning: at 320 px a three-column table leaves a column about 90 px
 * wide; the old rule `overflow-wrap: anywhere` then broke Turkish words
 * letter by letter and split the joined letters of Arabic and Pashto words.
 * Stacked, a cell has the whole width, so words break only where the
 * language allows (`hyphens: auto` with the page's `lang`; never inside an
 * Arabic-script word).
 *
 * What this step adds, to every table with a header row:
 * - the class `reflow` on the table (the CSS is in global.css);
 * - in every body cell, its column's header text as a label
 *   (`<span class="cell-label" aria-hidden="true">`), shown only when the
 *   table is stacked: screen readers announce the header themselves, and the
 *   search index leaves it out (`data-pagefind-ignore`);
 * - ARIA table roles on each element: browsers drop a table's semantics when
 *   CSS changes its `display` (WebKit does), and the roles keep it a table
 *   with rows, column headers and cells for screen readers.
 * Runs after the sanitiser (src/lib/markdown-pipeline.ts), which removes
 * classes and roles that editors write; this step adds only these.
 *
 * Own code: the structure is ours (GFM tables as hast); no maintained
 * package does this for hast.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';

const ROLES: Record<string, string> = { table: 'table', thead: 'rowgroup', tbody: 'rowgroup', tfoot: 'rowgroup', tr: 'row', th: 'columnheader', td: 'cell' };

const elements = (nodes: readonly (ElementContent | RootContent)[]): Element[] => nodes.filter((n): n is Element => n.type === 'element');

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** The header cells of a table's first header row, as nodes to copy. */
function headerCells(table: Element): Element[] | undefined {
  const head = elements(table.children).find((e) => e.tagName === 'thead');
  const row = head && elements(head.children).find((e) => e.tagName === 'tr');
  const cells = row && elements(row.children).filter((e) => e.tagName === 'th');
  return cells && cells.length > 0 ? cells : undefined;
}

function withRoles(node: Element, headers: Element[] | undefined, inBody: boolean): Element {
  const role = ROLES[node.tagName];
  let children = node.children.map((child) => (child.type === 'element' && child.tagName in ROLES ? withRoles(child, headers, inBody || child.tagName === 'tbody') : child));
  if (node.tagName === 'tr' && inBody && headers) {
    let column = 0;
    children = children.map((child) => {
      if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) return child;
      const header = headers[column];
      column += Number(child.properties.colSpan ?? 1) || 1;
      if (!header || textOf(header).trim() === '') return child;
      const label: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['cell-label'], ariaHidden: 'true', dataPagefindIgnore: 'all' },
        children: structuredClone(header.children),
      };
      return { ...child, children: [label, ...child.children] };
    });
  }
  return { ...node, properties: { ...node.properties, ...(role ? { role } : {}) }, children };
}

function visit(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'table') {
    const headers = headerCells(node);
    const table = withRoles(node, headers, false);
    if (!headers) return table;
    const className = Array.isArray(table.properties.className) ? table.properties.className : [];
    return { ...table, properties: { ...table.properties, className: [...className, 'reflow'] } };
  }
  return { ...node, children: node.children.map(visit) };
}

/** A copy of a hast tree with every table prepared to reflow (see above). Pure: hast in, hast out. */
export function reflowTables(root: Root): Root {
  return { ...root, children: root.children.map((child) => visit(child as ElementContent)) as RootContent[] };
}

/**
 * Whether Markdown source may hold a table (an over-approximation): a table needs raw HTML or a GFM
 * delimiter row, with pipes, or (one column) `:-` or `-:` without them. Also tells the sanitiser
 * which bodies to clean as a whole tree (src/lib/sanitize-html.ts, isPlainMarkdown).
 */
export const mayHaveTable = (source: string): boolean => /<table|\||:-|-:/i.test(source);

/** Sätteri HAST plugin: prepares tables to reflow; listed after the sanitiser in src/lib/markdown-pipeline.ts. */
export function tableReflowPlugin(context: PluginFactoryContext): HastPluginDefinition | null {
  if (!mayHaveTable(context.source)) return null;
  return {
    name: 'table-reflow',
    before(root, ctx) {
      ctx.replaceNode(root, reflowTables(root as Root));
    },
  };
}
