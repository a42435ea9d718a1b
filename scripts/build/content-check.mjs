/**
 * Before `astro build`: every content file, checked the way the build and the
 * CMS check it, with every problem listed at once by file, line and field.
 *
 * - Front matter (and site settings) must be valid YAML. Why not leave it to
 *   Astro: its parser reports where it gave up, which for an unclosed
 *   quotation mark is several lines below the mistake, and names no field.
 *   The `yaml` parser points at the mistake itself.
 * - No `__proto__` / `constructor` / `prototype` keys and no YAML tags beyond
 *   the core schema (src/lib/content-rules/front-matter.ts): Astro's content
 *   store stopped on them without naming the file.
 * - Each file against its collection's zod schema (src/schemas/), which
 *   carries the content rules: vetted helpline numbers and quick-exit
 *   destinations, no bidi controls, letters in free text, https sources.
 *   Astro checks the same schemas again, but stops at the first file.
 * - Bodies against the body rules (src/lib/content-rules/body.ts): tel:
 *   links, aria-label, <bdo>, bidi controls, nesting, image paths; parsed
 *   only when a scan of the source says a rule could apply
 *   (src/lib/content-rules/body-scan.ts).
 * - UI strings (content/i18n/*.json) against their declaration
 *   (src/i18n/ui-strings.ts).
 * The CMS save guard (admin/guard.ts) runs the same rules before writing.
 * The first step of buildSite() (./build-site.mjs).
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LineCounter, parseDocument } from 'yaml';
import { dataCollections, schemaForFile } from '../../src/collections.ts';
import { bodyNeedsTree } from '../../src/lib/content-rules/body-scan.ts';
import { yamlStructureProblems } from '../../src/lib/content-rules/front-matter.ts';
import { markdownBodyProblems } from '../../src/lib/content-rules/markdown.ts';
import { formatProblem } from '../../src/lib/content-rules/problem.ts';
import { phoneNumberProblemsIn } from '../../src/lib/content-rules/phone-numbers.ts';
import { rawDataProblems } from '../../src/lib/content-rules/text.ts';
import { notOrdinaryFiles } from '../../src/lib/ordinary-files.ts';
import { uiStringProblems } from '../../src/lib/content-rules/ui-strings.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';

/** The top-level field a line belongs to: the nearest `key:` at the start of a line, at or above it. */
function fieldAt(lines, index) {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i]);
    if (key) return key[1];
  }
  return undefined;
}

/** A project path's real location once symbolic links are followed, relative to the project; undefined if missing. */
function realPathIn(projectRoot) {
  const realRoot = realpathSync(projectRoot);
  return (projectPath) => {
    try {
      return relative(realRoot, realpathSync(join(projectRoot, projectPath)));
    } catch {
      return undefined;
    }
  };
}

/** "title" or "sources[0].url" from a zod issue path (the stub discriminator left out). */
const issuePath = (path) => path.filter((p) => p !== 'kind');

/** Schema problems of one file's data, each with the line of its field when the YAML has it. */
function schemaProblems(schema, data, doc, lineCounter, offset) {
  const result = schema.safeParse(data);
  const problems = result.success ? [] : result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
  // Bidi controls, forbidden keys and phone numbers anywhere, even where the schema stopped early.
  for (const p of [...rawDataProblems(data), ...phoneNumberProblemsIn(data)]) problems.push({ path: p.path, message: `${p.tr} (${p.en})` });
  const seen = new Set();
  return problems
    .filter((p) => !seen.has(`${p.path.join('.')}\n${p.message}`) && seen.add(`${p.path.join('.')}\n${p.message}`))
    .map((p) => {
      const node = p.path.length ? doc.getIn(p.path, true) : undefined;
      const line = node?.range ? lineCounter.linePos(node.range[0]).line + offset : undefined;
      const field = p.path.reduce((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : String(part)), '') || '(entry)';
      return { line, text: `field "${field}": ${p.message}` };
    });
}

/** What the check says of a symbolic link (or anything else that is not a file or a folder) in content/. */
const NOT_A_FILE = 'not an ordinary file (a symbolic link?): content/ may hold only files and folders; replace the link with the file itself.';

/**
 * Every content file under `contentDir` (front matter or whole YAML file, schema, body, UI strings).
 * @param {string} contentDir the project's content/ folder
 * @param {{ relativeTo?: string }} [options] the folder file names in messages are relative to (default: the working directory)
 * @returns {{ files: number, problems: string[] }} one message per problem: file:line, field, reason (for YAML, the lines around it)
 */
export function checkContentFiles(contentDir, { relativeTo = process.cwd() } = {}) {
  const root = resolve(contentDir);
  const projectRoot = dirname(root);
  const realPath = realPathIn(projectRoot);
  const problems = [];
  // A symbolic link would publish whatever it points to under an entry's name (src/lib/ordinary-files.ts); the
  // files are listed only when there is none (listing follows a linked folder).
  const links = notOrdinaryFiles(root);
  if (links.length) return { files: 0, problems: links.map((path) => `${relative(relativeTo, path)}: ${NOT_A_FILE}`) };
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(md|ya?ml|json)$/.test(e.name));
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const shown = relative(relativeTo, file);
    const inProject = relative(projectRoot, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');

    if (entry.name.endsWith('.json')) {
      if (!inProject.startsWith(`${dataCollections.i18n.folder}/`)) continue;
      let data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        problems.push(`${shown}: the file is not valid JSON: ${error.message}.`);
        continue;
      }
      for (const problem of uiStringProblems(basename(entry.name, '.json'), data)) problems.push(`${shown}: ${formatProblem(problem)}`);
      continue;
    }

    const split = entry.name.endsWith('.md') ? splitFrontMatter(text) : undefined;
    const source = entry.name.endsWith('.md')
      ? split && { yaml: split.yaml, offset: split.firstLine - 1, body: split.body, bodyOffset: split.bodyOffset }
      : { yaml: text, offset: 0 };
    if (!source) continue;
    const lines = source.yaml.split(/\r?\n/);
    const lineCounter = new LineCounter();
    const doc = parseDocument(source.yaml, { lineCounter });
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? 1;
      const field = fieldAt(lines, line - 1);
      const [reason, ...frame] = error.message.split('\n');
      problems.push(
        `${shown}:${line + source.offset}: the front matter is not valid YAML` +
          `${field ? `, in field "${field}"` : ''}: ${reason.replace(/ at line \d+, column \d+:?$/, '')}.\n${frame
            .filter(Boolean)
            .map((l) => `      ${l}`)
            .join('\n')}`,
      );
    }
    const structure = doc.errors.length ? [] : yamlStructureProblems({ doc, lineCounter }, source.offset);
    for (const problem of structure) problems.push(`${shown}:${problem.line ?? source.offset + 1}: ${formatProblem({ ...problem, line: undefined })}`);

    // The schema only once the YAML itself is sound; the body in any case.
    const schema = schemaForFile(inProject);
    if (schema && !doc.errors.length && !structure.length) {
      for (const { line, text: message } of schemaProblems(schema, doc.toJS() ?? {}, doc, lineCounter, source.offset)) {
        problems.push(`${shown}${line ? `:${line}` : ''}: ${message}`);
      }
    }
    // Only bodies a rule could apply to are parsed (src/lib/content-rules/body-scan.ts, issue 17): the
    // others cannot break one, and Astro's render runs the same rules on every body in any case.
    if (source.body !== undefined && bodyNeedsTree(source.body)) {
      for (const problem of markdownBodyProblems(source.body, { file: inProject, realPath, lineOffset: source.bodyOffset })) {
        problems.push(`${shown}${problem.line ? `:${problem.line}` : ''}: ${formatProblem({ ...problem, line: undefined })}`);
      }
    }
  }
  return { files: files.length, problems };
}

/**
 * How the build runs this module (./build-site.mjs `checkContentInThread`): as a worker thread, given
 * `workerData.contentCheck` ({ contentDir, options } as for checkContentFiles), which posts the result
 * once. The thread first lowers its own CPU priority (CHECK_NICENESS; on Linux setpriority(2) with
 * no id changes the calling thread only): the check runs beside Astro's start and content sync,
 * which keep both cores of a 2-core machine busy much of the time, and the build needs its answer only
 * once Astro has finished, so it takes the cycles Astro leaves (issue 17, docs/build-speed.md "Session
 * 19"). On the peer content it still ends within ~3 s; a failed check still stops Astro.
 */
const CHECK_NICENESS = 19;

if (!isMainThread && workerData?.contentCheck) {
  try {
    setPriority(CHECK_NICENESS);
  } catch {
    // Not allowed here: the check shares the cores as it did.
  }
  const { contentDir, options } = workerData.contentCheck;
  parentPort?.postMessage(checkContentFiles(contentDir, options));
}
