/**
 * Reading a field's CMS metadata (`.meta({ cms })`) back out of a zod schema.
 * `.min()` keeps metadata, but `.optional()` wraps the schema, so the metadata
 * may sit on the wrapper (`.optional().meta()`) or on the inner schema
 * (`.meta().optional()`): look at both.
 */
import { z } from 'astro/zod';
import type { CmsFieldMeta } from './common.ts';

type AnySchema = z.ZodType & { _zod: { def: { innerType?: AnySchema } } };

export function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema as AnySchema;
  while (inner._zod.def.innerType) inner = inner._zod.def.innerType;
  return inner;
}

export function cmsMeta(schema: z.ZodType): CmsFieldMeta {
  // The registry types `cms` loosely (tuples come back as arrays); it holds what `.meta({ cms })` was given.
  const meta = z.globalRegistry.get(schema)?.cms ?? z.globalRegistry.get(unwrap(schema))?.cms;
  return (meta ?? {}) as CmsFieldMeta;
}

/** Fields that are per language but not a translation of the source: bookkeeping (also every hidden field: reviewedBy, reviewedAt), and each language's own search words. */
const NOT_TRANSLATED = new Set(['translationStatus', 'sourceHash', 'keywords']);

/** Names of the fields translators change per language (not copied, not bookkeeping, not search words). */
export function translatableFieldNames(shape: Record<string, z.ZodType>): string[] {
  return Object.entries(shape)
    .filter(([name, schema]) => cmsMeta(schema).i18n === true && !NOT_TRANSLATED.has(name) && cmsMeta(schema).widget !== 'hidden')
    .map(([name]) => name);
}
