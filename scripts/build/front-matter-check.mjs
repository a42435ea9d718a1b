/**
 * Before `astro build`: every content file's front matter must be valid YAML.
 *
 * Why not leave it to Astro: its parser reports where it gave up, which for an
 * unclosed quotation mark is several lines below the mistake, and names no
 * field. This check uses the `yaml` parser, which points at the mistake itself,
 * and names the file, the line and the field, so an editor can fix it without
 * reading a stack trace. Schema errors (wrong type, missing field) are left to
 * the zod schemas at build time; their messages already name file and field.
 * The first step of buildSite() (./build-site.mjs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../lib/front-matter.mjs';

/** The top-level field a line belongs to: the nearest `key:` at the start of a line, at or above it. */
function fieldAt(lines, index) {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]);
    if (key) return key[1];
  }
  return undefined;
}

/**
 * Every content file's front matter (Markdown) or whole file (YAML), parsed.
 * @param {string} contentDir
 * @param {{ relativeTo?: string }} [options] the folder file names in messages are relative to (default: the working directory)
 * @returns {{ files: number, problems: string[] }} one message per problem: file:line, field, reason, and the lines around it
 */
export function checkFrontMatter(contentDir, { relativeTo = process.cwd() } = {}) {
  const root = resolve(contentDir);
  const problems = [];
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(md|ya?ml)$/.test(e.name));
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const split = entry.name.endsWith('.md') ? splitFrontMatter(text) : undefined;
    const source = entry.name.endsWith('.md') ? split && { yaml: split.yaml, offset: split.firstLine - 1 } : { yaml: text, offset: 0 };
    if (!source) continue;
    const lines = source.yaml.split(/\r?\n/);
    for (const error of parseDocument(source.yaml).errors) {
      const line = error.linePos?.[0]?.line ?? 1;
      const field = fieldAt(lines, line - 1);
      const [reason, ...frame] = error.message.split('\n');
      problems.push(
        `${relative(relativeTo, file)}:${line + source.offset}: the front matter is not valid YAML` +
          `${field ? `, in field "${field}"` : ''}: ${reason.replace(/ at line \d+, column \d+:?$/, '')}.\n${frame.filter(Boolean).map((l) => `      ${l}`).join('\n')}`,
      );
    }
  }
  return { files: files.length, problems };
}
