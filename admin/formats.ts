/**
 * The CMS's writers: src/lib/content-format.ts, the same code that normalised
 * the repository (scripts/content/normalize-content.mjs), so publishing an unchanged
 * entry writes the same bytes and a one-word change is a one-line diff.
 *
 * Empty values are left out when writing Markdown entries: a field an editor
 * cleared holds "", and Decap copies every field marked "duplicate" to the
 * other languages, empty ones as null (`updated: null`, which
 * `z.coerce.date()` reads as 1 January 1970). For every schema here an empty
 * value means "not given"; admin/guard.ts validates the same cleaned data.
 */
import { markdownFile, parseMarkdownFile, uiStringsFile, yamlFile } from '../src/lib/content-format.ts';
import { parseYaml } from '../src/lib/front-matter.ts';
import { dateFieldNames, nestedFieldOrder } from '../src/lib/content-rules/entries.ts';
import { withoutEmpty } from './cleared-fields.ts';

type Tree = { [key: string]: unknown };
const english = Object.values(import.meta.glob<Tree>('../content/i18n/en.json', { eager: true, import: 'default' }))[0] ?? {};

export const cleanFrontmatter = {
  fromFile: (content: string) => parseMarkdownFile(content),
  toFile: (data: Record<string, unknown>, sortedKeys: string[] = []) => markdownFile(withoutEmpty(data), { top: sortedKeys, nested: nestedFieldOrder, dates: dateFieldNames }),
};

export const uiStringsJson = {
  fromFile: (content: string) => JSON.parse(content) as Tree,
  toFile: (data: Tree) => uiStringsFile(data, english),
};

export const siteYaml = {
  fromFile: (content: string) => parseYaml(content),
  toFile: (data: Record<string, unknown>, sortedKeys: string[] = []) => yamlFile(withoutEmpty(data), sortedKeys),
};
