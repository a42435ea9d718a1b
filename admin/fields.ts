/**
 * Turns a content schema (zod) into Decap CMS fields.
 *
 * Reasoning: the zod schemas in src/schemas/ are what the build accepts, so
 * they are the one description of each field. We read them as JSON Schema
 * (src/schemas/meta.ts jsonSchemaOf(), which explains why). Each JSON Schema keyword maps to the Decap option
 * that enforces the same rule, so the CMS refuses what the build would refuse.
 * tests/unit/cms-config.unit.test.ts checks the result against the zod schemas
 * themselves, field by field.
 */
import type { z } from 'astro/zod';
import { jsonSchemaOf, type JsonSchema } from '../src/schemas/meta.ts';

/** The subset of a Decap field config we generate. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  i18n?: boolean | 'duplicate';
  default?: unknown;
  pattern?: [string, string];
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  min?: number;
  max?: number;
  field?: CmsField;
  fields?: CmsField[];
  collection?: string;
  search_fields?: string[];
  value_field?: string;
  display_fields?: string[];
  date_format?: string;
  time_format?: boolean;
  value_type?: 'int' | 'float';
  collapsed?: boolean;
  summary?: string;
  media_library?: { config: { max_file_size: number } };
  choose_url?: boolean;
  [option: string]: unknown;
}

/**
 * "warningSigns" → "Warning signs": a name read aloud. The label of a UI-string
 * key (./ui-string-fields.ts); a schema field's label is its Turkish
 * `cms.tr.label`, which tests/unit/cms-config.unit.test.ts requires of every
 * field, so this is only the last resort of a made-up schema.
 */
export function labelFor(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A Decap `pattern` for a string: the schema's own regex, or, without one,
 * its length limits, so that "too short" is caught while editing, not at build.
 * The message is the schema's Turkish `cms.tr.pattern` where it has one (the
 * caller puts it in), else one of these, in the editor's language (Turkish),
 * in the schemas' own words ("10 ile 300 karakter arası olmalı"); Decap puts
 * the field's label before it (admin/phrases.ts).
 */
function patternFor(schema: JsonSchema): [string, string] | undefined {
  if (schema.cms?.pattern) return schema.cms.pattern;
  if (schema.pattern) return [schema.pattern, 'beklenen biçimde değil; alanın altındaki açıklamaya bakın'];
  if (schema.format === 'uri') return ['^https?://\\S+$', 'https:// ile başlayan tam bir web adresi olmalı'];
  const min = schema.minLength ?? 0;
  const max = schema.maxLength;
  if (min > 1 || max !== undefined) {
    const message = max !== undefined ? `${min} ile ${max} karakter arası olmalı` : `en az ${min} karakter olmalı`;
    return [`^[\\s\\S]{${min},${max ?? ''}}$`, message];
  }
  return undefined;
}

function withMinMax(field: CmsField, schema: JsonSchema): CmsField {
  if (schema.minItems !== undefined && schema.minItems > 0) field.min = schema.minItems;
  if (schema.maxItems !== undefined) field.max = schema.maxItems;
  return field;
}

/** One Decap field for one JSON Schema property. `inherited` is the parent's i18n mode, for nested fields. */
function fieldFor(name: string, schema: JsonSchema, required: boolean, inherited?: CmsField['i18n']): CmsField {
  const meta = schema.cms ?? {};
  const text = meta.tr;
  const field: CmsField = { name, label: text?.label ?? labelFor(name), widget: 'string' };
  if (!required) field.required = false;
  // Staff read the Turkish hint; the English description stays in the schema for developers.
  const hint = text?.hint ?? schema.description;
  if (hint) field.hint = hint;
  const options = (values: string[]) => values.map((value) => (text?.options?.[value] ? { label: text.options[value]!, value } : value));
  const i18n = meta.i18n ?? inherited;
  if (i18n !== undefined) field.i18n = i18n;

  if (meta.widget === 'hidden') {
    field.widget = 'hidden';
  } else if (meta.widget === 'date-tr') {
    // Typed and shown as gg.aa.yyyy (admin/widgets.tsx); the files hold plain dates (2026-11-20).
    field.widget = 'date-tr';
  } else if (meta.widget === 'translation-status') {
    Object.assign(field, { widget: 'translation-status', options: options([...(schema.enum ?? [])]) });
  } else if (meta.widget === 'relation') {
    Object.assign(field, {
      widget: 'relation',
      collection: meta.collection,
      search_fields: ['slug', ...(meta.displayFields ?? ['title'])],
      value_field: 'slug',
      display_fields: meta.displayFields ?? ['title'],
      multiple: schema.type === 'array',
    });
    withMinMax(field, schema);
  } else if (schema.enum) {
    Object.assign(field, { widget: 'select', options: options([...schema.enum]) });
  } else if (schema.type === 'array' && schema.items?.enum) {
    Object.assign(field, { widget: 'select', options: options([...schema.items.enum]), multiple: true });
    withMinMax(field, schema);
  } else if (schema.type === 'array' && schema.items?.type === 'object') {
    const fields = fieldsFor(schema.items, i18n);
    Object.assign(field, { widget: 'list', fields, collapsed: false, summary: `{{fields.${fields[0]?.name}}}` });
    withMinMax(field, schema);
  } else if (schema.type === 'array') {
    // `field` (not a bare list, which is one comma-separated input): sentences contain commas.
    const item = fieldFor('item', schema.items ?? {}, true, i18n);
    delete item.hint;
    if (item.pattern && text?.pattern) item.pattern = [item.pattern[0], text.pattern];
    Object.assign(field, { widget: 'list', field: { ...item, label: field.label, widget: meta.widget === 'text' ? 'text' : item.widget } });
    withMinMax(field, schema);
  } else if (schema.type === 'object') {
    Object.assign(field, { widget: meta.widget ?? 'object', fields: fieldsFor(schema, i18n), collapsed: false });
  } else if (schema.type === 'integer' || schema.type === 'number') {
    Object.assign(field, { widget: meta.widget ?? 'number', value_type: schema.type === 'integer' ? 'int' : 'float' });
    if (schema.minimum !== undefined) field.min = schema.minimum;
    if (schema.maximum !== undefined) field.max = schema.maximum;
  } else if (schema.type === 'boolean') {
    field.widget = 'boolean';
  } else {
    field.widget = meta.widget ?? 'string';
    const pattern = patternFor(schema);
    if (pattern) field.pattern = text?.pattern ? [pattern[0], text.pattern] : pattern;
  }
  if (meta.widget === 'file' || meta.widget === 'image') {
    // Only uploads: a link to another host would make public pages load from it.
    field.choose_url = false;
    if (meta.maxFileBytes) field.media_library = { config: { max_file_size: meta.maxFileBytes } };
  }
  return field;
}

/** The Decap fields of an object schema, in the schema's order. */
function fieldsFor(schema: JsonSchema, inherited?: CmsField['i18n']): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => name !== 'kind')
    .map(([name, property]) => fieldFor(name, property, required.has(name), inherited));
}

/** The Decap fields of a zod shape such as `campaignFields`. */
export function fieldsFromShape(shape: z.ZodRawShape | z.ZodType): CmsField[] {
  return fieldsFor(jsonSchemaOf(shape));
}
