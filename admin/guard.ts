/**
 * The last check before Decap writes: every language file of the entry must
 * pass the same zod schema the site build uses.
 *
 * Reasoning: Decap validates only the pane on the left (the default
 * language) and only the rules its widgets know (required, pattern, list
 * min/max). A translation pane with a missing field, a date cleared to "",
 * or a slug edited after the files were named would be written and then
 * break the next build. Running the site's own schema here turns that into a
 * message in the editor, and nothing is written. Files Decap adds for
 * languages nobody translated (only the copied fields) pass as stubs, exactly
 * as the site reads them (src/schemas/common.ts, withUntranslatedStubs).
 */
import type { z } from 'astro/zod';
import { defaultLocale, locales } from '../src/i18n/locales.ts';
import { settingsSchema } from '../src/schemas/settings.ts';
import { folderCollections } from './config.ts';
import { contentRuleProblems } from './content-rules.ts';
import { withoutEmpty } from './empty.ts';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS?(): unknown;
}

const schemas = new Map<string, z.ZodType>(folderCollections.map((c) => [c.name, c.schema]));
/** Collections edited one file per language: the entry is that one file. */
const perLocaleSchemas = new Map<string, z.ZodType>([['settings', settingsSchema]]);

function toPlain(value: unknown): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const plain = typeof (value as ImmutableLike).toJS === 'function' ? (value as ImmutableLike).toJS!() : value;
  return plain as Record<string, unknown>;
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.filter((p) => p !== 'kind').join('.') || '(entry)'}: ${issue.message}`);
}

/** Problems with one entry, one line each, prefixed with the language; [] when every file would build. */
export function problemsWith(collection: string, entry: ImmutableLike): string[] {
  const single = perLocaleSchemas.get(collection);
  if (single) {
    const result = single.safeParse(toPlain(entry.get('data')) ?? {});
    return result.success ? [] : describe(result.error).map((line) => `${entry.get('slug')}: ${line}`);
  }
  const schema = schemas.get(collection);
  if (!schema) return [];
  const problems: string[] = [];
  const existingSlug = entry.get('newRecord') ? undefined : (entry.get('slug') as string | undefined);
  for (const { code } of locales) {
    const data = toPlain(code === defaultLocale ? entry.get('data') : entry.getIn(['i18n', code, 'data']));
    if (!data) continue; // no file is written for this language
    // What admin/formats.ts will write: empty values left out.
    const { body: _body, ...frontMatter } = withoutEmpty(data);
    const result = schema.safeParse(frontMatter);
    if (!result.success) problems.push(...describe(result.error).map((line) => `${code}: ${line}`));
    if (existingSlug && frontMatter.slug !== undefined && frontMatter.slug !== existingSlug) {
      problems.push(`${code}: slug: the files are named "${existingSlug}"; a slug cannot change after the entry is created (create a new entry instead).`);
    }
  }
  return problems;
}

/** Decap `preSave` listener: throwing stops the save and Decap shows the message. */
export function guardSave({ entry }: { entry: ImmutableLike }): undefined {
  const collection = entry.get('collection') as string;
  // The schemas' problems, then the content rules a schema cannot see (issue 13; admin/content-rules.ts), each once.
  const problems = [...new Set([...problemsWith(collection, entry), ...contentRuleProblems(collection, entry)])];
  if (problems.length) {
    throw new Error(`Not saved: the site would reject this entry.\n${problems.join('\n')}`);
  }
  return undefined;
}
