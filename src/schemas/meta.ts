/**
 * Reading a schema's CMS metadata (`.meta({ cms })`) and descriptions back
 * out, for the CMS field generator (admin/fields.ts), the translation report
 * (scripts/content/) and the cross-entry checks.
 *
 * Reasoning: one reader, through `z.toJSONSchema()` rather than zod's
 * internals. JSON Schema already says which keys are required, what an enum
 * allows, the regex and the limits, and it carries each field's `.describe()`
 * and `.meta({ cms })` through `.optional()` and `.min()`, wherever in the
 * chain they were set.
 */
import { z } from 'astro/zod';
import type { CmsFieldMeta } from './common.ts';

/** The part of JSON Schema the generator and the readers use. */
export interface JsonSchema {
  type?: string;
  description?: string;
  cms?: CmsFieldMeta;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: string[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** The JSON Schema of an object shape or a single schema, as the CMS edits it (input side: what is written in the file). */
export function jsonSchemaOf(schema: z.ZodRawShape | z.ZodType): JsonSchema {
  const zod = schema instanceof z.ZodType ? schema : z.object(schema);
  return z.toJSONSchema(zod, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** A field's `.meta({ cms })`, wherever in its chain it was set; {} when none. */
export function cmsMeta(schema: z.ZodType): CmsFieldMeta {
  return jsonSchemaOf(schema).cms ?? {};
}

/**
 * Fields that are per language but not a translation of the source: bookkeeping (also every hidden
 * field: reviewedBy, reviewedAt), each language's own search words, and its own recording (`audio`).
 */
const NOT_TRANSLATED = new Set(['translationStatus', 'sourceHash', 'keywords', 'audio']);

/**
 * The names per shape, computed once: the cross-entry check asks for every file (2,300 on the peer
 * content), and `z.toJSONSchema` of a collection's shape took 1.4 s of the build's rendering CPU
 * (issue 17, docs/build-speed.md). Shapes are the collections' own objects, never changed after load.
 */
const translatableByShape = new WeakMap<z.ZodRawShape, readonly string[]>();

/** Names of the fields translators change per language (`i18n: true`; not copied, not bookkeeping, not hidden, not search words). */
export function translatableFieldNames(shape: z.ZodRawShape): string[] {
  let names = translatableByShape.get(shape);
  if (!names) {
    names = Object.entries(jsonSchemaOf(shape).properties ?? {})
      .filter(([name, property]) => property.cms?.i18n === true && !NOT_TRANSLATED.has(name) && property.cms.widget !== 'hidden')
      .map(([name]) => name);
    translatableByShape.set(shape, names);
  }
  return [...names];
}
