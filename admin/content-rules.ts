/**
 * The content rules of issue 13 (src/lib/content-rules/), run by the save
 * guard (admin/guard.ts) before Decap writes anything: the same functions the
 * build runs, so what the CMS saves, the build publishes.
 *
 * The schemas already carry the rules on front-matter fields (vetted helpline
 * numbers and quick-exit destinations, bidi controls, letters in free text,
 * https sources), and admin/guard.ts runs them. This adds what a schema does
 * not see: the Markdown body (tel: links, aria-label, <bdo>, bidi controls,
 * nesting, image paths), keys and bidi controls anywhere in the data, and
 * the UI strings, which have a declaration instead of a zod schema.
 * Messages are Turkish for staff, with the English for developers.
 */
import { defaultLocale, locales } from '../src/i18n/locales.ts';
import { markdownBodyProblems } from '../src/lib/content-rules/markdown.ts';
import { describeProblem, type Problem } from '../src/lib/content-rules/problem.ts';
import { rawDataProblems } from '../src/lib/content-rules/text.ts';
import { uiStringProblems } from '../src/lib/content-rules/ui-strings.ts';

export interface EntryLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}

const toPlain = (value: unknown): Record<string, unknown> | undefined => {
  if (!value) return undefined;
  const withToJS = value as { toJS?: () => unknown };
  return (typeof withToJS.toJS === 'function' ? withToJS.toJS() : value) as Record<string, unknown>;
};

/** One line per problem, as admin/guard.ts prints zod's: "<language>: <field>: <message>". */
function line(prefix: string, problem: Problem): string {
  const field = problem.path.join('.') || '(entry)';
  return `${prefix}: ${field}${problem.line ? ` (satır ${problem.line})` : ''}: ${describeProblem(problem)}`;
}

/** Problems of one entry under the content rules, one line each; [] when the build would accept it. */
export function contentRuleProblems(collection: string, entry: EntryLike): string[] {
  if (collection === 'ui-strings') {
    const code = String(entry.get('slug'));
    return uiStringProblems(code, toPlain(entry.get('data')) ?? {}).map((p) => line(code, p));
  }
  if (collection === 'settings') {
    return rawDataProblems(toPlain(entry.get('data')) ?? {}).map((p) => line(String(entry.get('slug')), p));
  }
  const problems: string[] = [];
  for (const { code } of locales) {
    const data = toPlain(code === defaultLocale ? entry.get('data') : entry.getIn(['i18n', code, 'data']));
    if (!data) continue;
    const { body, ...frontMatter } = data;
    problems.push(...rawDataProblems(frontMatter).map((p) => line(code, p)));
    if (typeof body === 'string' && body.trim()) {
      const slug = typeof frontMatter.slug === 'string' ? frontMatter.slug : String(entry.get('slug'));
      problems.push(...markdownBodyProblems(body, { file: `content/${collection}/${code}/${slug}.md` }).map((p) => line(code, p)));
    }
  }
  return problems;
}
