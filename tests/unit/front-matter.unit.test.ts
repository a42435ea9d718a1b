/**
 * The one front-matter splitter and YAML reader (src/lib/front-matter.ts), and
 * the CMS's view of an entry built on it (src/lib/content-format.ts
 * `parseMarkdownFile`): what every script, test and the CMS read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdownFile } from '../../src/lib/content-format.ts';
import { parseMarkdown, parseYaml, splitFrontMatter } from '../../src/lib/front-matter.ts';

test('front matter: split once, parsed as YAML, never run', () => {
  const text = '---\ntitle: "Başlık"\nlist: [a, b]\n---\nBody ---\n';
  assert.deepEqual(splitFrontMatter(text), { yaml: 'title: "Başlık"\nlist: [a, b]', body: 'Body ---\n', firstLine: 2, bodyOffset: 4 });
  // The body's first line is the file's line bodyOffset + 1, blank lines included (body rules report file lines).
  assert.equal(splitFrontMatter('---\na: 1\n---\n\nText\n')!.bodyOffset, 3);
  assert.deepEqual(parseMarkdown(text).data, { title: 'Başlık', list: ['a', 'b'] });
  assert.deepEqual(parseMarkdown('No front matter.'), { data: {}, body: 'No front matter.' });
  // gray-matter would eval `---js` front matter; here it is not front matter at all.
  const hostile = parseMarkdown("---js\n{ title: (globalThis.__ran = 'yes') }\n---\n");
  assert.deepEqual(hostile.data, {});
  assert.equal((globalThis as { __ran?: string }).__ran, undefined);
  assert.equal(parseMarkdown('---\ndate: 2026-01-02\n---\n').data.date, '2026-01-02', 'dates stay strings (the schemas coerce them)');
});

test('front matter: the closing --- is a line of its own; empty front matter; CRLF', () => {
  // A "---" inside a value does not end the front matter (the CMS's reader once split there).
  assert.deepEqual(parseMarkdown('---\ntitle: a --- b\n---\nBody\n'), { data: { title: 'a --- b' }, body: 'Body\n' });
  assert.deepEqual(parseMarkdownFile('---\ntitle: a --- b\n---\n\nBody\n'), { title: 'a --- b', body: 'Body\n' });
  // What markdownFile writes for an entry with no fields.
  assert.deepEqual(splitFrontMatter('---\n---\nBody\n'), { yaml: '', body: 'Body\n', firstLine: 2, bodyOffset: 2 });
  assert.deepEqual(parseMarkdown('---\r\ntitle: x\r\n---\r\nBody\r\n'), { data: { title: 'x' }, body: 'Body\r\n' });
  assert.equal(splitFrontMatter('---\ntitle: x\n'), undefined, 'no closing line: no front matter');
  assert.throws(() => parseMarkdown('---\nnumber: [broken\n---\n'), /Flow sequence|flow collection|Missing/);
});

test("the CMS's view: one blank line after the front matter is not body; a blank body is no body", () => {
  assert.deepEqual(parseMarkdownFile('---\ntitle: x\n---\n\nText\n'), { title: 'x', body: 'Text\n' });
  assert.deepEqual(parseMarkdownFile('---\ntitle: x\n---\n\n\n'), { title: 'x' });
  assert.deepEqual(parseMarkdownFile('Only a body.\n'), { body: 'Only a body.\n' });
  assert.deepEqual(parseYaml(''), {});
  assert.deepEqual(parseYaml('quickExitUrl: https://example.org/\n'), { quickExitUrl: 'https://example.org/' });
});
