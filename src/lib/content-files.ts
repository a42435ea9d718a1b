/**
 * Content files read from disk through the one reader (./front-matter.ts), for
 * Node only (scripts and tests); the CMS reads the text it is given.
 */
import { readFileSync } from 'node:fs';
import { parseMarkdown, parseYaml } from './front-matter.ts';

/**
 * A Markdown entry: its text, front matter as data, and body as written.
 * @param file a path or file URL; throws if it cannot be read or its YAML is invalid.
 */
export function readMarkdown(file: string | URL): { text: string; data: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8');
  return { text, ...parseMarkdown(text) };
}

/** A YAML data file (content/settings/<locale>/site.yml) as data. */
export function readYaml(file: string | URL): Record<string, unknown> {
  return parseYaml(readFileSync(file, 'utf8'));
}
