/**
 * Decap's Markdown front-matter format, with empty values left out.
 *
 * Reasoning: Decap writes what a widget holds, and a field an editor cleared
 * holds "" (an optional date, a source's URL, an illustration removed by
 * emptying its fields). When an editor changes anything, Decap also copies
 * every field marked "duplicate" to the other languages, empty ones as null:
 * an unset `updated` date reaches the translations as `updated: null`. No
 * content schema allows "" or null for an optional field, and `z.coerce.date()`
 * even reads null as 1 January 1970. For every schema here an empty value
 * means "not given", so we drop it (and objects left empty) when writing;
 * admin/guard.ts validates the same cleaned data. Everything else, key order
 * included, is Decap's own formatter.
 */
// Not re-exported by decap-cms-app; the same module Decap itself uses.
import { FrontmatterInfer } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
import { withoutEmpty } from './cleared-fields.ts';

export const cleanFrontmatter = {
  fromFile: (content: string) => FrontmatterInfer.fromFile(content),
  toFile: (data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>) => FrontmatterInfer.toFile(withoutEmpty(data), sortedKeys, comments),
};
