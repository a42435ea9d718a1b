/**
 * Bodies are stored as Decap's rich-text editor writes them (issue 14): the
 * editor's own serializer with admin/markdown-style.ts, run in Node by
 * scripts/content/decap-markdown.mjs. Then an edit of one paragraph in the CMS changes
 * that paragraph only, not every list marker of the body.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDecapMarkdown } from '../../scripts/content/decap-markdown.mjs';
import { parseMarkdownFile } from '../../src/lib/content-format.ts';

const content = join(import.meta.dirname, '..', '..', 'content');
const bodies = readdirSync(content, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.md'))
  .map((path) => ({ path, body: String(parseMarkdownFile(readFileSync(join(content, path), 'utf8')).body ?? '').trim() }))
  .filter(({ body }) => body);

test("the editor writes the repository's style: '-' bullets, unpadded tables", async () => {
  const { decapForm } = await loadDecapMarkdown();
  assert.equal(decapForm('* one\n* two\n\n| a | bb |\n|---|---|\n| 1 | 2 |'), '- one\n- two\n\n| a | bb |\n| --- | --- |\n| 1 | 2 |');
});

test("every body is in the editor's form, unless that form would render differently (then normalize-content keeps it)", async () => {
  const { decapForm, sameDocument } = await loadDecapMarkdown();
  assert.ok(bodies.length > 100, `${bodies.length} bodies`);
  const notNormalised = bodies.filter(({ body }) => {
    const form = decapForm(body);
    return form !== body && sameDocument(body, form);
  });
  assert.deepEqual(notNormalised.map((b) => b.path), [], 'run: npm run normalize-content');
});

test('a change of list markers is the same document; a list turned loose is not', async () => {
  const { sameDocument } = await loadDecapMarkdown();
  assert.equal(sameDocument('* a\n* b', '- a\n- b'), true);
  assert.equal(sameDocument('1. x\n   - a\n2. y', '1. x\n\n   - a\n\n2. y'), false);
});
