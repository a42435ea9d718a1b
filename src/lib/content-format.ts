/**
 * How content files are written, byte for byte: one module for the CMS's
 * writers (admin/formats.ts) and for scripts that write content
 * (scripts/content/normalize-content.mjs, `npm run translations -- --stamp`).
 *
 * Reasoning (issue 14): Decap's own writers reflow long YAML strings at 80
 * columns, turn `[a, b]` into block lists and reorder JSON keys, so opening an
 * entry and publishing it unchanged rewrote all 7 files, and a one-word change
 * to an interface string was a 228-line diff. With one writer, and the
 * repository stored in its output, a save writes only what changed, one line
 * per changed value:
 * - front matter: keys in the schema's field order (nested objects too),
 *   block lists, no line folding, quotes only where YAML needs them;
 * - the Markdown body as the editor holds it, after one blank line;
 * - UI-string JSON: keys in the order of content/i18n/en.json, plural forms in
 *   CLDR order, two-space indent, a final newline.
 */
import { Document, isPair, isScalar, visit, type Pair } from 'yaml';
import { parseYaml, splitFrontMatter } from './front-matter.ts';

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: false } as const;

/** Field order: top-level names, and for nested objects their own order, by the parent field's name. */
export interface FieldOrder {
  top: readonly string[];
  nested: Readonly<Record<string, readonly string[]>>;
  /** Top-level fields the site reads as dates (src/lib/content-rules/entries.ts dateFieldNames): written plain. */
  dates?: readonly string[];
}

/**
 * js-yaml's timestamp forms (lib/type/timestamp.js). Astro reads front matter
 * and YAML files with js-yaml, whose default schema adds YAML 1.1 timestamps
 * to the core schema `yaml` writes for: a string such as "2026-11-30" written
 * plain came back as a Date, and the build refused `reviewedAt` ("expected
 * string") right after a reviewer's save the CMS had accepted (issue 14).
 */
const TIMESTAMP = [
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/,
];

/**
 * YAML text that Astro reads back as the same values: a string that js-yaml
 * would take for a timestamp is quoted, except in date fields, which are
 * meant to be read as dates.
 */
function yamlText(value: Record<string, unknown>, dates: readonly string[] = []): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !TIMESTAMP.some((re) => re.test(node.value as string))) return;
      const field = path.find((n): n is Pair => isPair(n));
      const topKey = field && isScalar(field.key) ? String(field.key.value) : undefined;
      if (path.length === 3 && topKey && dates.includes(topKey)) return;
      node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(YAML_OPTIONS);
}

function ordered(value: unknown, order: readonly string[] | undefined, nested: FieldOrder['nested']): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, order, nested));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rank = (key: string) => {
    const i = order?.indexOf(key) ?? -1;
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([key, v]) => [key, ordered(v, nested[key], nested)]));
}

/** Front matter + body, as the CMS writes a Markdown entry. */
export function markdownFile(data: Record<string, unknown>, order: FieldOrder): string {
  const { body, ...frontMatter } = data;
  const sorted = ordered(frontMatter, order.top, order.nested) as Record<string, unknown>;
  const yaml = Object.keys(sorted).length ? yamlText(sorted, order.dates) : '';
  const text = typeof body === 'string' ? body.replace(/^\n+/, '').replace(/\s+$/, '') : '';
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}

/** A YAML data file (site settings). */
export function yamlFile(data: Record<string, unknown>, order: readonly string[]): string {
  return yamlText(ordered(data, order, {}) as Record<string, unknown>);
}

/**
 * A Markdown entry as Decap holds it (admin/formats.ts `fromFile`), read by the
 * one splitter (./front-matter.ts): the front-matter fields, and `body`
 * without the blank line {@link markdownFile} writes after the front matter,
 * present only when it has text. A file without front matter is all body.
 * Throws on invalid YAML.
 */
export function parseMarkdownFile(text: string): Record<string, unknown> {
  const parts = splitFrontMatter(text);
  if (!parts) return { body: text };
  const data = parseYaml(parts.yaml);
  const body = parts.body.replace(/^\r?\n/, '');
  return body.trim() ? { ...data, body } : data;
}

const PLURAL_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: unknown };

/** UI strings in en.json's key order (plural forms grouped, in CLDR order), other keys after. */
export function uiStringsFile(data: Tree, english: Tree): string {
  const sort = (node: Tree, reference: Tree | undefined): Tree => {
    const refKeys = Object.keys(reference ?? {});
    const rank = (key: string): [number, number] => {
      const plural = PLURAL.exec(key);
      const base = plural ? plural[1]! : key;
      let i = refKeys.indexOf(key);
      if (i === -1) i = refKeys.findIndex((k) => PLURAL.exec(k)?.[1] === base);
      return [i === -1 ? Number.MAX_SAFE_INTEGER : i, plural ? PLURAL_ORDER.indexOf(plural[2]!) : -1];
    };
    const keys = Object.keys(node).sort((a, b) => {
      const [ra, pa] = rank(a);
      const [rb, pb] = rank(b);
      return ra - rb || pa - pb;
    });
    return Object.fromEntries(
      keys.map((key) => {
        const value = node[key];
        const ref = reference?.[key];
        return [key, value && typeof value === 'object' && !Array.isArray(value) ? sort(value as Tree, ref && typeof ref === 'object' ? (ref as Tree) : undefined) : value];
      }),
    );
  };
  return `${JSON.stringify(sort(data, english), null, 2)}\n`;
}
