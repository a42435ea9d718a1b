/**
 * The one front-matter splitter, and the one YAML library (`yaml`), for every
 * script and test that reads content files.
 *
 * Reasoning: the usual library, gray-matter, also accepts `---js` front matter
 * and runs it through eval(); content comes from editors whose CMS accounts
 * could be stolen, so nothing here may run what a file says. Splitting is one
 * regex, the same rule Astro and Decap apply (a `---` line, YAML, a `---`
 * line). YAML is parsed by `yaml` (YAML 1.2 core schema: dates stay strings;
 * the site's zod schemas coerce them), which also gives line positions to
 * scripts/build/content-check.mjs.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/**
 * Splits a Markdown file's text.
 * @param {string} text
 * @returns {{ yaml: string, body: string, firstLine: number, bodyOffset: number } | undefined} the YAML and the body;
 *   `firstLine` is the 1-based line of the file where the YAML starts (2), `bodyOffset` the number of lines
 *   before the body. Undefined when the file has no front matter.
 */
export function splitFrontMatter(text) {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const body = match[2] ?? '';
  return { yaml: match[1] ?? '', body, firstLine: 2, bodyOffset: text.slice(0, text.length - body.length).split('\n').length - 1 };
}

/**
 * A content file's front matter as data, and its body. A file without front matter is all body.
 * @param {string} text
 * @returns {{ data: Record<string, unknown>, body: string }}
 */
export function parseMarkdown(text) {
  const parts = splitFrontMatter(text);
  if (!parts) return { data: {}, body: text };
  return { data: parse(parts.yaml) ?? {}, body: parts.body };
}

/**
 * {@link parseMarkdown} of a file, with its text.
 * @param {string | URL} file
 * @returns {{ text: string, data: Record<string, unknown>, body: string }}
 */
export function readMarkdown(file) {
  const text = readFileSync(file, 'utf8');
  return { text, ...parseMarkdown(text) };
}

/**
 * A YAML data file (content/settings/<locale>/site.yml).
 * @param {string | URL} file
 * @returns {Record<string, unknown>}
 */
export function readYaml(file) {
  return parse(readFileSync(file, 'utf8')) ?? {};
}
