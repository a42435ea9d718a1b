/**
 * The one front-matter splitter and the one YAML reader (`yaml`) of the
 * project: the CMS (admin/formats.ts, through content-format.ts), the pre-build
 * content check, the scripts and the tests all read content files here.
 * Pure and browser-safe; `readMarkdown` / `readYaml` in ./content-files.ts add
 * the file system for Node.
 *
 * Reasoning (why our own split, on a library's YAML):
 * - gray-matter, the usual library, also accepts `---js` front matter and runs
 *   it through eval(); content comes from editors whose CMS accounts could be
 *   stolen, so nothing here may run what a file says.
 * - Astro's own `parseFrontmatter` (astro/markdown) parses with js-yaml's YAML
 *   1.1 schema (a plain 2026-11-30 becomes a Date) and accepts TOML; the
 *   content check needs `yaml`'s documents for line numbers and tags
 *   (src/lib/content-rules/front-matter.ts), and the CMS's writer is `yaml`
 *   (./content-format.ts). So the split is one regex, the rule Astro and Decap
 *   apply (a `---` line, YAML, a `---` line), and YAML is `yaml`'s YAML 1.2
 *   core schema: dates stay strings; the zod schemas coerce them.
 *   tests/unit/content-format.unit.test.ts proves that what we write, Astro's
 *   reader reads back as the same values.
 */
import { parse } from 'yaml';

/** `---`, the YAML (possibly none), `---` alone on its line (trailing blanks allowed), the body. */
const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** A Markdown file's text in its two parts. */
export interface FrontMatterParts {
  /** The YAML between the two `---` lines, without their line breaks ('' when empty). */
  yaml: string;
  /** Everything after the closing `---` line, blank lines included. */
  body: string;
  /** The 1-based line of the file where the YAML starts: always 2. */
  firstLine: number;
  /** The number of the file's lines before the body (the body's first line is `bodyOffset + 1`). */
  bodyOffset: number;
}

/**
 * Splits a Markdown file's text at its front matter.
 * @returns the parts, or undefined when the file does not start with a `---` line
 *   (`---js` is not front matter) or has no closing `---` line.
 */
export function splitFrontMatter(text: string): FrontMatterParts | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const body = match[2] ?? '';
  return { yaml: match[1] ?? '', body, firstLine: 2, bodyOffset: text.slice(0, text.length - body.length).split('\n').length - 1 };
}

/**
 * YAML text as data (a site settings file, or front matter). An empty
 * document is `{}`. Throws `yaml`'s YAMLParseError (with line and column) on
 * invalid YAML.
 */
export function parseYaml(text: string): Record<string, unknown> {
  return (parse(text) as Record<string, unknown> | null) ?? {};
}

/**
 * A Markdown file's front matter as data, and its body as written (blank
 * lines after the front matter kept). A file without front matter is all
 * body. Throws on invalid YAML, like {@link parseYaml}.
 */
export function parseMarkdown(text: string): { data: Record<string, unknown>; body: string } {
  const parts = splitFrontMatter(text);
  if (!parts) return { data: {}, body: text };
  return { data: parseYaml(parts.yaml), body: parts.body };
}
