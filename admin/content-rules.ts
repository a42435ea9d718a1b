/**
 * The content rules of issue 13 (src/lib/content-rules/), run by the save
 * guard (admin/guard.ts, rule `contentRules`) before Decap writes anything:
 * the same functions the build runs, so what the CMS saves, the build publishes.
 *
 * The schemas already carry the rules on front-matter fields (vetted helpline
 * numbers and quick-exit destinations, bidi controls, letters in free text,
 * https sources), and admin/guard.ts runs them. This adds what a schema does
 * not see: the Markdown body (tel: links, aria-label, <bdo>, bidi controls,
 * nesting, image paths), keys and bidi controls anywhere in the data (a schema
 * drops unknown keys before its refinements run), and the UI strings, which
 * have a declaration instead of a zod schema.
 * Messages are Turkish for staff, with the English for developers.
 */
import { dataCollections, entryFile, type CollectionName } from '../src/collections.ts';
import { defaultLocale, type LocaleCode } from '../src/i18n/locales.ts';
import { markdownBodyProblems } from '../src/lib/content-rules/markdown.ts';
import { describeProblem, type Problem } from '../src/lib/content-rules/problem.ts';
import { phoneNumberProblemsIn } from '../src/lib/content-rules/phone-numbers.ts';
import { rawDataProblems } from '../src/lib/content-rules/text.ts';
import { uiStringProblems } from '../src/lib/content-rules/ui-strings.ts';

export interface EntryLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}

/** A content-rule problem in one language file of the entry. */
export interface LocatedProblem extends Problem {
  locale: string;
  /** content/<collection>/<locale>/<slug>.md, content/settings/<locale>/site.yml or content/i18n/<locale>.json. */
  file: string;
}

const toPlain = (value: unknown): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  const withToJS = value as { toJS?: () => unknown };
  return (typeof withToJS.toJS === 'function' ? withToJS.toJS() : value) as Record<string, unknown>;
};

/** The languages the entry has data for: the default one, then its translations. */
function localesOf(entry: EntryLike): string[] {
  return [defaultLocale, ...Object.keys(toPlain(entry.get('i18n')) ?? {}).filter((code) => code !== defaultLocale)];
}

/** Problems of one entry under the content rules, each with its language file; [] when the build would accept it. */
export function contentRuleIssues(collection: string, entry: EntryLike): LocatedProblem[] {
  const at =
    (locale: string, file: string) =>
    (p: Problem): LocatedProblem => ({ ...p, locale, file });
  if (collection === dataCollections.i18n.cms.name) {
    const code = String(entry.get('slug'));
    return uiStringProblems(code, toPlain(entry.get('data')) ?? {}).map(at(code, dataCollections.i18n.file(code as LocaleCode)));
  }
  if (collection === dataCollections.settings.cms.name) {
    const code = String(entry.get('slug'));
    const data = toPlain(entry.get('data')) ?? {};
    return [...rawDataProblems(data), ...phoneNumberProblemsIn(data)].map(at(code, dataCollections.settings.file(code as LocaleCode)));
  }
  const problems: LocatedProblem[] = [];
  for (const code of localesOf(entry)) {
    const data = toPlain(code === defaultLocale ? entry.get('data') : entry.getIn(['i18n', code, 'data']));
    if (!data) continue;
    const { body, ...frontMatter } = data;
    const slug = typeof frontMatter.slug === 'string' ? frontMatter.slug : String(entry.get('slug'));
    const file = entryFile(collection as CollectionName, code as LocaleCode, slug);
    problems.push(...[...rawDataProblems(frontMatter), ...phoneNumberProblemsIn(frontMatter)].map(at(code, file)));
    if (typeof body === 'string' && body.trim()) problems.push(...markdownBodyProblems(body, { file }).map(at(code, file)));
  }
  return problems;
}

/** The problem as a build log line, without its language: "body (satır 4): <Turkish> (<English>)". */
export function problemLine(problem: Problem): string {
  const field = problem.path.join('.') || '(entry)';
  return `${field}${problem.line ? ` (satır ${problem.line})` : ''}: ${describeProblem(problem)}`;
}

/** One line per problem, as admin/guard.ts prints zod's: "<language>: <field>: <message>". */
export function contentRuleProblems(collection: string, entry: EntryLike): string[] {
  return contentRuleIssues(collection, entry).map((p) => `${p.locale}: ${problemLine(p)}`);
}
