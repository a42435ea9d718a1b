/**
 * Decap's Markdown front-matter format, with empty values left out.
 *
 * Reasoning: when an editor changes any field, Decap copies every field
 * marked "duplicate" from the default language to the others, also those
 * that are empty; an unset optional date (`updated`) then reaches the
 * translations as `updated: null`. The schemas never allow null, and worse,
 * `z.coerce.date()` reads null as 1 January 1970. A key with no value is the
 * same as no key for every content schema, so we drop it when writing.
 * Everything else, key order included, is Decap's own formatter.
 */
// Not re-exported by decap-cms-app; the same module Decap itself uses.
import { FrontmatterInfer } from 'decap-cms-core/dist/esm/formats/frontmatter.js';

export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutEmpty(v)]),
    );
  }
  return value;
}

export const cleanFrontmatter = {
  fromFile: (content: string) => FrontmatterInfer.fromFile(content),
  toFile: (data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>) =>
    FrontmatterInfer.toFile(withoutEmpty(data) as Record<string, unknown>, sortedKeys, comments),
};
