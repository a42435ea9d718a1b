/**
 * Front matter that cannot be stored safely, found in the YAML itself so the
 * message gives the file's line (the pre-build content check runs it on every
 * content file; scripts/check-front-matter.mjs).
 *
 * Reasoning (issue 13): a `__proto__:` key passed every check and then stopped
 * the build inside Astro's content store, with no file name. `constructor` and
 * `prototype` are refused with it. Explicit YAML tags other than the core
 * schema's (`!!js/function`, `!!binary`, `!custom`) make parsers build values
 * of other types, or differ between parsers; the CMS never writes a tag.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { FieldPath, Problem } from './problem.ts';
import { forbiddenKeyProblem, isForbiddenKey } from './text.ts';

/** Tags of the YAML 1.2 core schema: writing one explicitly changes nothing. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Forbidden keys and unknown tags in a YAML document, each with its field and
 * line (`lineOffset`: lines in the file before the YAML, e.g. the opening `---`).
 * Syntax errors are left to the caller, which reports them with the parser's own message.
 * Give the source, or a document already parsed with a LineCounter.
 */
export function yamlStructureProblems(source: string | { doc: Document; lineCounter: LineCounter }, lineOffset = 0): Problem[] {
  const lineCounter = typeof source === 'string' ? new LineCounter() : source.lineCounter;
  const doc = typeof source === 'string' ? parseDocument(source, { lineCounter, uniqueKeys: false }) : source.doc;
  const lineAt = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined;
  const problems: Problem[] = [];
  const stack: [unknown, FieldPath][] = [[doc.contents, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const tag = (node as YamlNode).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      const line = lineAt(node as YamlNode);
      problems.push({
        path,
        ...(line ? { line } : {}),
        tr: `YAML etiketi ${tag.replace('tag:yaml.org,2002:', '!!')} kullanılamaz; değeri etiketsiz yazın.`,
        en: `the YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; write the value without a tag`,
      });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (isForbiddenKey(key)) {
          problems.push(forbiddenKeyProblem([...path, key], key, lineAt(pair.key as YamlNode)));
          continue;
        }
        stack.push([pair.key, [...path, key]], [pair.value, [...path, key]]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
