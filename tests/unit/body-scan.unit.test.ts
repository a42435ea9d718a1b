/**
 * The pre-build check parses only bodies a rule could apply to
 * (src/lib/content-rules/body-scan.ts). What must hold: every body the rules
 * refuse is one the scan sends to the parser. Checked on the hostile fixtures,
 * on the project's own content, and on 1,500 generated bodies made of
 * the pieces the rules look at (links, digits in several scripts, tel:,
 * escapes, percent-escapes, containers and emphasis nested deep).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bodyNeedsTree, nestingBound } from '../../src/lib/content-rules/body-scan.ts';
import { MAX_BODY_DEPTH, treeDepth } from '../../src/lib/content-rules/body.ts';
import { markdownBodyProblems, markdownToTree } from '../../src/lib/content-rules/markdown.ts';
import { entryFile } from '../../src/collections.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { markdownBodies, seededRandom } from '../helpers/markdown-bodies.ts';

const file = entryFile('pages', 'tr', 'test');
const refused = (markdown: string) => markdownBodyProblems(markdown, { file }).length > 0;

test('every hostile body fixture is parsed', () => {
  const hostile = markdownBodies(join(projectRoot, 'tests', 'fixtures', 'bad-content')).filter(([, body]) => refused(body));
  assert.ok(hostile.length >= 13, `${hostile.length} refused fixture bodies`);
  for (const [path, body] of hostile) assert.ok(bodyNeedsTree(body), path);
});

test("the project's own bodies: none refused is skipped, and most are skipped", () => {
  const all = markdownBodies(join(projectRoot, 'content'));
  for (const [path, body] of all) if (refused(body)) assert.ok(bodyNeedsTree(body), path);
  const skipped = all.filter(([, body]) => !bodyNeedsTree(body)).length;
  assert.ok(skipped > all.length / 2, `${skipped} of ${all.length} skipped`);
});

test('what sends a body to the parser, and what does not', () => {
  const parsed = [
    '[157](https://wa.me/905551234567)',
    '[ ١٥٧ ](/tr/)',
    'Ara [**157**](/tr/yardim/)',
    '[x](tel:183)',
    '[x](TEL\\:183)',
    '[x](/a%E2%80%AEb)',
    'a\u202Eb',
    '&#x202E;',
    '<bdo>751</bdo>',
    '<https://example.org>',
    '![a](../../x.png)',
    '[a]\n\n[a]: tel:157',
    `${'> '.repeat(70)}deep`,
    `${'*'.repeat(70)}x${'*'.repeat(70)}`,
  ];
  for (const markdown of parsed) assert.equal(bodyNeedsTree(markdown), true, markdown);
  const skipped = [
    'Plain words.\n\n- a list\n- of items\n\n1. one\n2. two',
    'See [the helplines](/tr/yardim-hatlari/) or [sayfa 157](/tr/157/).',
    '## A heading\n\n**Bold** and _emphasis_, `code`, ~~struck~~, www.example.org.',
    'Telefon numarası ve otel.',
    '| a | b |\n|---|---|\n| 1 | 2 |',
  ];
  for (const markdown of skipped) assert.equal(bodyNeedsTree(markdown), false, markdown);
});

test('the nesting bound is never below the real depth', () => {
  for (const markdown of [
    `${'- '.repeat(30)}deep`,
    `${'> '.repeat(40)}deep`,
    Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    '-\n  -\n    -\n      - x',
    `${'*'.repeat(20)}x${'*'.repeat(20)}`,
    '> - > - > - [*a _b ~~c~~_*](/x)',
    '| a |\n|---|\n| **_[x](/y)_** |',
  ]) {
    assert.ok(nestingBound(markdown) >= treeDepth(markdownToTree(markdown).hast, 10_000), markdown);
  }
});

// Pieces that do not force a parse by themselves, so the scan's finer rules (link text, depth) are what decides.
const QUIET = [
  'Yardım',
  'abc',
  'x',
  '157',
  '١٥٧',
  '۱۵۷',
  '183',
  '112',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '[',
  ']',
  '(',
  ')',
  '](',
  '](/tr/)',
  '](https://wa.me/1)',
  '](x)',
  'tel',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '\\',
  '- ',
  '> ',
  '1. ',
  '    ',
  '\t',
  '|',
  '---',
  '# ',
  'www.157.com',
  '157@example.org',
  '%',
  '%E2%80',
  '\u200E',
  ':',
];
// Pieces that do (or may): the generator mixes a few in.
const LOUD = [
  'tel:',
  'TeL\\:',
  '<bdo>',
  '<a aria-label="x" href="/">',
  '&#x202E;',
  '&#8294;',
  '\u202E',
  '\u2066',
  '%E2%80%AE',
  '%e2%81%a7',
  '![',
  '![a](../../../../etc/x.png)',
  ']: tel:157',
  '[^1]',
  '\n\n[^1]: note',
];

test('generated bodies: every one the rules refuse is parsed', () => {
  const next = seededRandom(17);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  let refusals = 0;
  let skips = 0;
  for (let i = 0; i < 1500; i++) {
    let markdown = '';
    const pieces = 1 + Math.floor(next() * 30);
    for (let j = 0; j < pieces; j++) {
      const r = next();
      if (r < 0.03) markdown += pick(LOUD);
      else if (r < 0.06) markdown += pick(['- ', '> ', '  ', '*', '[']).repeat(10 + Math.floor(next() * 60));
      else markdown += pick(QUIET);
    }
    const needs = bodyNeedsTree(markdown);
    if (!needs) skips++;
    if (refused(markdown)) {
      refusals++;
      assert.ok(needs, `refused but skipped: ${JSON.stringify(markdown)}`);
    }
  }
  // The generator must reach both sides, or the test proves nothing.
  assert.ok(refusals > 100, `${refusals} refused`);
  assert.ok(skips > 200, `${skips} skipped`);
});

test('MAX_BODY_DEPTH is what the scan bounds against', () => {
  assert.equal(bodyNeedsTree(`${'> '.repeat(MAX_BODY_DEPTH)}x`), true);
});
