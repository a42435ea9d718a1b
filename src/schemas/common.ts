/**
 * Building blocks shared by every content schema.
 *
 * Each field's `.describe()` text is the hint editors see in the CMS, and
 * `.meta({ cms })` says how the CMS edits it (widget, whether translators
 * change it per language or it is copied to every language). The CMS config in
 * `admin/` is generated from these schemas, so the two cannot drift.
 */
import { z } from 'astro/zod';
import { localeCodes } from '../i18n/locales.ts';
import { describeProblem, type Problem } from '../lib/content-rules/problem.ts';
import { freeTextProblems, rawDataProblems, type TextRule, type TextSchemaNode } from '../lib/content-rules/text.ts';

export interface CmsFieldMeta {
  /** Decap widget. Defaults: string → "string", array of strings → "list", boolean → "boolean". */
  widget?: 'string' | 'text' | 'markdown' | 'datetime' | 'select' | 'list' | 'object' | 'number' | 'image' | 'file' | 'hidden' | 'relation' | 'boolean'
    /** admin/widgets/file-with-size.tsx: an object {path, sizeBytes, …} whose size is measured from the chosen file. */
    | 'file-with-size'
    /** admin/widgets/file-with-size.tsx: the measured size, shown read-only. */
    | 'file-size';
  /**
   * true: translated per language. "duplicate": one value, copied to every language file.
   * false: only in the default language.
   */
  i18n?: true | 'duplicate' | false;
  /** For relation widgets: the collection the value points to. */
  collection?: string;
  /** Shown in the CMS only, never on the site. */
  hidden?: boolean;
  /** Decap `pattern` check, kept next to the zod regex it mirrors. */
  pattern?: [string, string];
  /** For file widgets: the largest upload the CMS accepts, in bytes. */
  maxFileBytes?: number;
}

declare module 'zod/v4/core' {
  interface GlobalMeta {
    cms?: CmsFieldMeta;
    /** What a free-text field must contain besides its length (src/lib/content-rules/text.ts); default 'letters'. */
    textRule?: TextRule;
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file name, in Latin letters, so a Persian or Arabic title never produces an empty file name. */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'use lowercase Latin letters, digits and hyphens only, e.g. "fake-job-offers"')
  .describe('Web address of this entry, in lowercase Latin letters and hyphens (e.g. fake-job-offers). The same in every language.')
  .meta({ cms: { i18n: 'duplicate', pattern: [SLUG_PATTERN.source, 'Lowercase Latin letters, digits and hyphens only'] } });

export const translationStatus = z
  .enum(['source', 'machine', 'reviewed'])
  .describe('source: the original text. machine: machine translation, not yet checked by a native speaker (the page says so). reviewed: checked by a native speaker.')
  .meta({ cms: { widget: 'select', i18n: true } });

/** Hash of the source-language entry this translation was made from; the translation report compares it. */
export const sourceHash = z
  .string()
  .regex(/^[0-9a-f]{8,64}$/, 'a hexadecimal hash, written by `npm run translations -- --stamp`')
  .optional()
  .describe('Fingerprint of the source text this translation was made from. Filled in automatically; leave as is.')
  .meta({ cms: { widget: 'hidden', i18n: true } });

export const date = (description: string) =>
  z.coerce.date().describe(description).meta({ cms: { widget: 'datetime', i18n: 'duplicate' } });

/**
 * A link to an official text or source: https only, so what an editor checks
 * is what readers get (issue 13; an http: link can be altered on the way).
 */
export const httpsUrl = z.url({
  protocol: /^https$/,
  error: 'https:// ile başlayan tam bir web adresi olmalı (a full https:// address; http: is not accepted)',
});

export const source = z
  .object({
    title: z.string().min(3).describe('Name of the source: law, report or official page.'),
    url: httpsUrl.optional().describe('Link to the source, if it is online (https://…).'),
  })
  .describe('Where a fact comes from, so an editor can check it again.');

export const sources = z
  .array(source)
  .min(1, 'list at least one source for the facts on this page')
  .describe('Where the facts on this page come from. At least one.')
  .meta({ cms: { widget: 'list', i18n: 'duplicate' } });

/** Slugs of helplines (content/helplines/<locale>/<slug>.md); checked to exist at build time. */
export const helplineRefs = z
  .array(z.string().regex(SLUG_PATTERN))
  .describe('Helplines to show on this page, most important first.')
  .meta({ cms: { widget: 'relation', collection: 'helplines', i18n: 'duplicate' } });

export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'a two- or three-letter language code such as "ar" or "en"');

export const localeCode = z.enum(localeCodes as [string, ...string[]]);

/**
 * Words readers search for that the text does not use (issue 12): other spellings, Dari or
 * dialect words, everyday words and abbreviations. Per language, never shown on the page;
 * scripts/search-index.mjs indexes them with a low weight, so they find the page without
 * outranking pages whose text uses the word. Not part of the translated text: each language
 * has its own readers' words, so they do not count towards the source hash (./meta.ts).
 */
export const keywords = z
  // A reader may search for a number ("157"), so digits alone are words here (src/lib/content-rules/text.ts).
  .array(z.string().trim().min(2).max(60).meta({ textRule: 'letters-or-digits' }))
  .max(40, 'at most 40 search words')
  .optional()
  .describe(
    'Search words: what readers might type that this text does not say (another spelling, a Dari or dialect word, an everyday word such as "hotline" or "ВНЖ"). One word or short phrase per line. Never shown on the page.',
  )
  .meta({ cms: { widget: 'list', i18n: true } });

export const translationFields = {
  translationStatus,
  sourceHash,
};

/**
 * Decap CMS writes a file for every language even when nobody translated it,
 * holding only the fields copied to every language (decap-cms issue #6932).
 * Such a file has no title and no translation status. We read it as
 * "not translated yet": the page falls back to another language with a notice
 * instead of failing the build or publishing an empty page.
 *
 * The discriminator is added here so that a real entry with a missing field
 * still gets zod's precise error ("title: required") rather than a vague union error.
 */
export function withUntranslatedStubs<T extends z.ZodRawShape>(shape: T) {
  const entry = withFreeTextRule(z.object({ ...shape, kind: z.literal('entry') }), shape);
  const stub = z.looseObject({ kind: z.literal('stub'), slug: z.string().optional() });
  return withTextRules(z.preprocess(
    (data) => {
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const record = data as Record<string, unknown>;
        const isStub = record.title === undefined && record.translationStatus === undefined;
        return { ...record, kind: isStub ? 'stub' : 'entry' };
      }
      return data;
    },
    z.discriminatedUnion('kind', [entry, stub]),
  ));
}

function addProblems(ctx: z.core.$RefinementCtx, problems: Problem[]) {
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: [...problem.path], message: describeProblem(problem) });
}

/**
 * Every string of the entry, at any depth: no bidi controls, no forbidden
 * keys (src/lib/content-rules/text.ts). The same functions run in the CMS
 * save guard, so what the CMS accepts, the build accepts.
 */
export function withTextRules<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((data, ctx) => addProblems(ctx, rawDataProblems(data))) as unknown as S;
}

/** Free-text fields of `shape` must contain letters (or digits, where the field says `textRule: 'letters-or-digits'`). */
export function withFreeTextRule<S extends z.ZodType>(schema: S, shape: z.ZodRawShape): S {
  const json = z.toJSONSchema(z.object(shape), { io: 'input', unrepresentable: 'any' }) as TextSchemaNode;
  return schema.superRefine((data, ctx) => addProblems(ctx, freeTextProblems(json, data))) as unknown as S;
}
