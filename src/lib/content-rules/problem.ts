/**
 * A problem with content, as the build prints it and the CMS shows it.
 *
 * Staff use the CMS in Turkish, so each rule says what is wrong in Turkish,
 * with the English for developers reading a build log next to it.
 */
export type FieldPath = readonly (string | number)[];

export interface Problem {
  /** Where in the entry: ["sources", 0, "url"], ["body"], ["quickExit", "label"]. */
  path: FieldPath;
  /** 1-based line in the file, when the parser knows it. */
  line?: number;
  /** For editors. */
  tr: string;
  /** For developers. */
  en: string;
}

/** "sources[0].url", "body", "quickExit.label". */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '') || '(entry)';
}

/** The one-line message: Turkish first (staff), English after (developers). */
export function describeProblem(problem: Pick<Problem, 'tr' | 'en'>): string {
  return `${problem.tr} (${problem.en})`;
}

/** `field "title", line 4: …` — what a build log or the CMS prints for one problem. */
export function formatProblem(problem: Problem): string {
  const where = `field "${fieldName(problem.path)}"${problem.line ? `, line ${problem.line}` : ''}`;
  return `${where}: ${describeProblem(problem)}`;
}
