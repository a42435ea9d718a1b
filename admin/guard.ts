/**
 * The last check before Decap writes: the CMS refuses what the site build
 * would refuse (issue 14), with the build's own code.
 *
 * Reasoning: Decap validates only the pane on the left (the default
 * language) and only the rules its widgets know (required, pattern, list
 * min/max). A translation pane with a missing field, a duplicated entry that
 * keeps its original's slug, a helpline that no longer exists: each was
 * written and then stopped the next build. Here every language file of the
 * entry is checked against
 * - the site's zod schema (what `astro build` parses),
 * - the content rules of issue 13 that a schema does not see (bodies, keys,
 *   UI strings: admin/content-rules.ts, the functions the build runs), and
 * - the cross-entry rules of src/lib/content-rules/entries.ts and the upload rules of
 *   src/lib/upload-rules.ts (what src/lib/validate-content.ts runs at build),
 *   against the repository as the configured backend has it (admin/repository.ts).
 * If anything fails, nothing is written and the editor reads why, in Turkish,
 * naming the language and the field (admin/problems-panel.ts).
 *
 * Rules are plain functions in `saveRules`; add one there (each in its own
 * module) to have it run on every save.
 */
import type { z } from 'astro/zod';
import { collectionFolder, collectionNames, collections, dataCollections, type CollectionName } from '../src/collections.ts';
import { defaultLocale, type LocaleCode } from '../src/i18n/locales.ts';
import { settingsFields } from '../src/schemas/settings.ts';
import { jsonSchemaOf, type JsonSchema } from '../src/schemas/meta.ts';
import { crossEntryProblems, fieldLabel, filePath, localeName, newSlugIsFree, type ContentFile, type FileProblem as Problem } from '../src/lib/content-rules/entries.ts';
import { uploadProblems } from '../src/lib/upload-rules.ts';
import { contentRuleIssues, problemLine } from './content-rules.ts';
import { withoutEmpty } from './cleared-fields.ts';
import type { Immutable } from './decap-internals.ts';

export type ImmutableLike = Pick<Immutable, 'get' | 'getIn'> & { toJS?(): unknown };

const schemas = new Map<string, z.ZodType>(collectionNames.map((name) => [name, collections[name].schema]));
const settings = dataCollections.settings;
/** Collections edited one file per language: the entry is that one file (UI strings have a declaration, not a schema: ./content-rules.ts checks them). */
const perLocaleSchemas = new Map<string, z.ZodType>([[settings.cms.name, settings.schema]]);
/** Each collection's fields as JSON Schema (src/schemas/meta.ts), for labels and pattern messages by path. */
const fieldSchemas = new Map<string, JsonSchema>([
  ...collectionNames.map((name) => [name, jsonSchemaOf(collections[name].fields)] as const),
  [settings.cms.name, jsonSchemaOf(settingsFields)],
]);

function toPlain(value: unknown): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const plain = typeof (value as ImmutableLike).toJS === 'function' ? (value as ImmutableLike).toJS!() : value;
  return plain as Record<string, unknown>;
}

/** The entry as it will be written: one file per language that has data, empty values left out (admin/formats.ts). */
export function entryFiles(collection: string, entry: ImmutableLike): ContentFile[] {
  const name = entry.get('newRecord') ? String(toPlain(entry.get('data'))?.slug ?? entry.get('slug') ?? '') : String(entry.get('slug') ?? '');
  const files: ContentFile[] = [];
  for (const locale of [defaultLocale, ...localesOf(entry)]) {
    const raw = toPlain(locale === defaultLocale ? entry.get('data') : entry.getIn(['i18n', locale, 'data']));
    if (!raw) continue; // no file is written for this language
    const { body, ...data } = withoutEmpty(raw);
    files.push({ collection, locale, name, data, body: typeof body === 'string' ? body : '' });
  }
  return files;
}

function localesOf(entry: ImmutableLike): string[] {
  const i18n = toPlain(entry.get('i18n'));
  return Object.keys(i18n ?? {}).filter((code) => code !== defaultLocale);
}

/** A zod issue in the editor's words: the field's Turkish label and what is wrong. */
function describeIssue(collection: string, issue: z.core.$ZodIssue): { field: string; tr: string; en: string } {
  const path = issue.path.filter((p) => p !== 'kind');
  const top = String(path[0] ?? '');
  const label = path.length ? labelOfPath(collection, path) : 'Girdi';
  const en = `${path.join('.') || '(entry)'}: ${issue.message}`;
  const value = (issue as { input?: unknown }).input;
  let what: string;
  switch (issue.code) {
    case 'invalid_type':
      what = value === undefined ? 'gerekli, doldurun' : 'beklenen türde değil';
      break;
    case 'too_small':
      what =
        issue.origin === 'array'
          ? `en az ${String(issue.minimum)} öğe olmalı`
          : issue.origin === 'string'
            ? `en az ${String(issue.minimum)} karakter olmalı`
            : `en az ${String(issue.minimum)} olmalı`;
      break;
    case 'too_big':
      what =
        issue.origin === 'array'
          ? `en çok ${String(issue.maximum)} öğe olmalı`
          : issue.origin === 'string'
            ? `en çok ${String(issue.maximum)} karakter olmalı`
            : `en çok ${String(issue.maximum)} olmalı`;
      break;
    case 'invalid_format':
      what = patternMessage(collection, path) ?? 'biçimi uygun değil';
      break;
    case 'invalid_value':
      what = 'listedeki seçeneklerden biri olmalı';
      break;
    case 'custom':
      // A content rule run by the schema (src/schemas/common.ts addProblems): its own Turkish text.
      what = typeof issue.params?.tr === 'string' ? issue.params.tr : issue.message;
      break;
    default:
      what = 'geçersiz';
  }
  return { field: top, tr: `${label}: ${sentence(what)}`, en };
}

/** Ends a message with a full stop, unless it has one. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** A content rule's field for staff: the schema's label (the body's too, `fieldLabel`), the key of a UI string. */
function labelOfProblem(collection: string, path: readonly (string | number)[]): string {
  if (!path.length) return 'Girdi';
  if (path[0] === 'body') return fieldLabel(collection, 'body');
  if (!fieldSchemas.has(collection)) return path.join('.');
  return labelOfPath(collection, [...path]);
}

/** A property of an object schema by name; never an Object.prototype member (a hostile key such as "constructor"). */
const ownProperty = (schema: JsonSchema | undefined, name: string) => (schema?.properties && Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined);

/** The schema of each step of `path` ("sources.0.url": sources, an item, its url); undefined past an unknown key. */
function schemasAlong(collection: string, path: readonly PropertyKey[]): (JsonSchema | undefined)[] {
  const out: (JsonSchema | undefined)[] = [];
  let schema = fieldSchemas.get(collection);
  for (const key of path) {
    schema = typeof key === 'number' ? schema?.items : ownProperty(schema, String(key));
    out.push(schema);
  }
  return out;
}

/** "sources.0.url" → "Kaynaklar › 1. › Bağlantı". */
function labelOfPath(collection: string, path: PropertyKey[]): string {
  const along = schemasAlong(collection, path);
  return path.map((key, i) => (typeof key === 'number' ? `${key + 1}.` : along[i]?.cms?.tr?.label || fieldLabel(collection, String(key)))).join(' › ');
}

function patternMessage(collection: string, path: PropertyKey[]): string | undefined {
  return schemasAlong(collection, path).at(-1)?.cms?.tr?.pattern;
}

/** Every language file against the site's schema. Sync: the part that needs no repository. */
export function schemaProblems(collection: string, entry: ImmutableLike): Problem[] {
  const single = perLocaleSchemas.get(collection);
  if (single) {
    const locale = String(entry.get('slug'));
    const result = single.safeParse(withoutEmpty(toPlain(entry.get('data')) ?? {}));
    const problems: Problem[] = result.success ? [] : result.error.issues.map((issue) => ({ file: settings.file(locale as LocaleCode), ...describeIssue(collection, issue) }));
    const data = toPlain(entry.get('data')) ?? {};
    if (locale === defaultLocale && !data.quickExitUrl) {
      problems.push({
        file: settings.file(locale as LocaleCode),
        field: 'quickExitUrl',
        en: 'quickExitUrl: required in the default language',
        tr: 'Hızlı çıkış adresi: gerekli, doldurun.',
      });
    }
    return problems;
  }
  const schema = schemas.get(collection);
  if (!schema) return [];
  return entryFiles(collection, entry).flatMap((file) => {
    const result = schema.safeParse(file.data);
    return result.success ? [] : result.error.issues.map((issue) => ({ file: filePath(file), ...describeIssue(collection, issue) }));
  });
}

/** What a rule sees: the entry about to be written, and the rest of the repository. */
export interface SaveContext {
  collection: string;
  entry: ImmutableLike;
  /** The entry's language files as they will be written. */
  files: ContentFile[];
  newRecord: boolean;
  /** Every other entry's files, through the backend (loaded once per save, only when a rule asks). */
  repository(): Promise<ContentFile[]>;
  /** Size of an upload by public path (/uploads/x.pdf): chosen in this entry, else in the repository. */
  sizeOf(): Promise<(publicPath: string) => number | undefined>;
  /** Files chosen in this entry, written with it. */
  newUploads: Map<string, File>;
}

export type SaveRule = (context: SaveContext) => Problem[] | Promise<Problem[]>;

/** A new or duplicated entry takes a slug nobody in its collection has. */
const slugIsFree: SaveRule = async ({ collection, files, newRecord, repository }) => {
  if (!newRecord || !schemas.has(collection)) return [];
  const slug = files.find((f) => f.locale === defaultLocale)?.data.slug;
  if (typeof slug !== 'string' || !slug) return [];
  const taken = new Set((await repository()).filter((f) => f.collection === collection).map((f) => f.name));
  return newSlugIsFree(collection, slug, taken);
};

/** The build's cross-entry rules, for this entry's files. */
const crossEntry: SaveRule = async ({ collection, files, repository, sizeOf }) => {
  if (!schemas.has(collection) || !files.length) return [];
  const others = (await repository()).filter((f) => !(f.collection === collection && f.name === files[0]!.name));
  const mine = new Set(files.map(filePath));
  return crossEntryProblems([...others, ...files], await sizeOf()).filter(
    (p) => mine.has(p.file) || p.file === `${collectionFolder(collection as CollectionName)}/${files[0]!.name}`,
  );
};

/**
 * The content rules of issue 13 a schema does not see (admin/content-rules.ts):
 * bodies, keys anywhere, UI strings. `en` as the build prints the field, so a
 * problem the schema also reported (a bidi control in a title) is listed once.
 */
const contentRules: SaveRule = ({ collection, entry }) =>
  contentRuleIssues(collection, entry).map((p) => {
    const what = p.line ? ` (satır ${p.line})` : '';
    return { file: p.file, field: String(p.path[0] ?? ''), en: problemLine(p), tr: `${labelOfProblem(collection, p.path)}${what}: ${sentence(p.tr)}` };
  });

/** Files chosen in this entry pass the build's upload check, by their bytes. */
const uploadsAreSafe: SaveRule = async ({ newUploads }) =>
  (await Promise.all([...newUploads].map(async ([path, file]) => uploadProblems(`public${path}`, new Uint8Array(await file.arrayBuffer()))))).flat();

export const saveRules: SaveRule[] = [({ collection, entry }) => schemaProblems(collection, entry), contentRules, slugIsFree, crossEntry, uploadsAreSafe];

/** Runs every rule; [] when the build would accept the entry. */
export async function checkSave(collection: string, entry: ImmutableLike, io: Pick<SaveContext, 'repository' | 'sizeOf' | 'newUploads'>): Promise<Problem[]> {
  const context: SaveContext = { collection, entry, files: entryFiles(collection, entry), newRecord: Boolean(entry.get('newRecord')), ...io };
  const problems = (await Promise.all(saveRules.map((rule) => rule(context)))).flat();
  return dedupe(problems);
}

/** The language of a content file: content/<collection>/<locale>/…, content/i18n/<locale>.json; '' for an upload. */
const localeOfFile = (file: string) => /^content\/(?:i18n\/([^/.]+)\.json$|[^/]+\/([^/]+)\/)/.exec(file)?.slice(1).find(Boolean) ?? '';

/** One line per problem; the same problem in several languages (a copied field) once, "in every language". */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Map<string, Problem & { locales: string[] }>();
  for (const problem of problems) {
    const locale = localeOfFile(problem.file);
    // The same field and message in several languages (a copied field), or from two rules (schema and content rule).
    const key = `${problem.field ?? ''}|${problem.en}`;
    const known = seen.get(key);
    if (known) {
      if (!known.locales.includes(locale)) known.locales.push(locale);
    } else seen.set(key, { ...problem, locales: [locale] });
  }
  return [...seen.values()].map(({ locales, ...problem }) => ({ ...problem, locales }));
}

/** The problem for staff: "Arapça (العربية) — Başlık: gerekli, doldurun." */
export function problemText(problem: Problem & { locales?: string[] }): string {
  const locales = (problem.locales ?? []).filter(Boolean);
  if (!locales.length) return problem.tr;
  const where = locales.length > 2 ? 'Birden çok dilde' : locales.map(localeName).join(', ');
  return `${where} — ${problem.tr}`;
}

/** Compatibility for tests and scripts: the schema problems as lines, prefixed with the language code. */
export function problemsWith(collection: string, entry: ImmutableLike): string[] {
  return schemaProblems(collection, entry).map((p) => `${localeOfFile(p.file) || String(entry.get('slug'))}: ${p.en}`);
}
