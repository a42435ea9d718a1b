/**
 * Plain Markdown bodies are sanitised element by element (src/lib/sanitize-html.ts,
 * isPlainMarkdown and plainMarkdownSanitizer; issue 17), the others as a whole tree. What must
 * hold: a body renders to the same HTML, and the same headings, either way. Rendered through the
 * build's own pipeline (src/lib/markdown-pipeline.ts) against the same pipeline with the
 * whole-tree sanitiser forced, for every body of content/ and the hostile fixtures, and for
 * 3,000 generated bodies made of what the cleaning changes (links of every kind, headings that
 * repeat, list starts, helpline numbers in three scripts) and of what sends a body to the whole tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import { helplineLinker } from '../../src/lib/helpline-links.ts';
import { markdownFeatures, markdownPlugins } from '../../src/lib/markdown-pipeline.ts';
import { isPlainMarkdown, wholeTreeSanitizer } from '../../src/lib/sanitize-html.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';
import { markdownBodies, seededRandom } from '../helpers/markdown-bodies.ts';

const plugins = markdownPlugins({ projectRoot });
const linker = helplineLinker({ contentDir: join(projectRoot, 'content') });
// The build's list with its first HAST plugin (the sanitiser's factory) replaced by the whole-tree hook for every body.
const wholeTree: HastPluginEntry[] = [(context) => wholeTreeSanitizer(linker, context), ...plugins.hastPlugins.slice(1)];
const options = { syntaxHighlight: false, features: markdownFeatures } as const;
const build = await createSatteriMarkdownProcessor({ ...options, ...plugins });
const reference = await createSatteriMarkdownProcessor({ ...options, mdastPlugins: plugins.mdastPlugins, hastPlugins: wholeTree });

/** The body's HTML and headings from a renderer, or the error it refused the body with. */
async function rendered(renderer: typeof build, markdown: string, locale: string): Promise<string> {
  const fileURL = pathToFileURL(join(projectRoot, 'content', 'pages', locale, 'test.md'));
  try {
    const result = await renderer.render(markdown, { fileURL } as Parameters<typeof renderer.render>[1]);
    return `${result.code}\n${JSON.stringify(result.metadata.headings)}`;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

/** Renders `markdown` both ways and fails, naming the body, if they differ; returns the build's rendering. */
async function sameBothWays(markdown: string, locale = 'tr'): Promise<string> {
  // Astro hands the renderer the body trimmed (content-entry-type.js).
  const body = markdown.trim();
  const [built, expected] = await Promise.all([rendered(build, body, locale), rendered(reference, body, locale)]);
  assert.equal(built, expected, `rendered differently: ${JSON.stringify(body)}`);
  return built;
}


test("the project's bodies and the hostile fixtures render the same either way, and most are plain", async () => {
  const own = markdownBodies(join(projectRoot, 'content'));
  const fixtures = markdownBodies(join(projectRoot, 'tests', 'fixtures', 'bad-content'));
  for (const [path, body] of [...own, ...fixtures]) {
    const locale = /\/content\/[^/]+\/([^/]+)\//.exec(path)?.[1] ?? 'tr';
    await sameBothWays(body, locale);
  }
  // Most of the site's own bodies name a helpline number, which only the whole-tree hook links: some must still be plain.
  const plain = own.filter(([, body]) => isPlainMarkdown(body.trim())).length;
  assert.ok(plain > 20, `${plain} of ${own.length} bodies plain`);
});

test('what sends a body to the whole-tree sanitiser', () => {
  assert.equal(isPlainMarkdown('## Yardım\n\nBir [bağlantı](/tr/yardim/) ve **kalın** metin, 2026.'), true);
  for (const markdown of [
    'Raw <b>HTML</b>',
    'A reference &#8238;',
    'Call 157 now',
    'Call ١٥٧ now',
    'Call ۱۵۷ now',
    'Call 1\\57? no: 15\\7',
    '[call](tel:112)',
    '![a](/x.png)',
    '[a]: /x',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    'abc\n:-:',
    'Saat\n:--\n09:00\n10:30',
    '> abc\n> -:',
    '- abc\n  ---:',
    '```js\nx\n```',
    '~~~\nx\n~~~',
    '- [ ] to do',
    '- [x] done',
    '- [\t] tab',
    '- [X]',
    '[157](/x)',
    `${'> '.repeat(40)}deep`,
  ]) {
    assert.equal(isPlainMarkdown(markdown), false, markdown);
  }
});


// What the element-by-element cleaning has to get right: links of every kind, headings (repeated, empty, with links and
// emphasis), list starts (six digits are refused), in-page links, titles, GFM's bare links, and text around them.
const PLAIN = [
  'Yardım alın',
  'الخطوات التالية',
  'passport',
  ' ',
  '\n',
  '\n\n',
  '\n\n## Next steps\n\n',
  '\n\n## Next steps\n\n',
  '\n\n### Yardım *alın*\n\n',
  '\n\n# [Linked](/tr/) heading\n\n',
  '\n\n#\n\n',
  '\n\nTitle\n---\n\n',
  '[here](/tr/yardim/)',
  '[section](#next-steps)',
  '[top](#)',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](data:text/html,hi)',
  '[x](vbscript:x)',
  '[mail](mailto:a@example.org)',
  '[site](https://example.org/a?b=c "A title")',
  '[rel](../other/ \'t\')',
  'www.example.org',
  'https://example.org/x',
  'person@example.org',
  '*em*',
  '**strong**',
  '~~gone~~',
  '`code`',
  '  \n',
  '\\\n',
  '\n\n3. three\n4. four\n\n',
  '\n\n123456. six digits\n\n',
  '\n\n0. zero\n\n',
  '\n\n- item\n- item\n\n',
  '\n\n> quoted\n\n',
  '\n\n    indented code\n\n',
  '\n\n---\n\n',
  'Ayarlar → Gizlilik → Konum',
  'الإعدادات ← الخصوصية',
  '2026',
  '1570',
  '0112',
  'page-0157',
];
// What sends a body to the whole tree (the two ways must still agree).
const WHOLE = ['157', '١٥٧', '۱۵۷', '<b>x</b>', '&amp;', '[call](tel:157)', '![a](/x.png)', '| a |\n|---|\n| b |', '\n\nabc\n:-:\nx\n\n', '```\nx\n```', '- [ ] box', '\u202E'];

test('3,000 generated bodies render the same either way', async () => {
  const next = seededRandom(29);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  let plain = 0;
  let whole = 0;
  const seen = { prefixedLink: false, droppedHref: false, repeatedHeading: false, droppedTitle: false };
  for (let i = 0; i < 3000; i++) {
    let markdown = '';
    const pieces = 1 + Math.floor(next() * 25);
    for (let j = 0; j < pieces; j++) markdown += next() < 0.015 ? pick(WHOLE) : pick(PLAIN);
    const html = await sameBothWays(markdown, pick(['tr', 'ar', 'en']));
    if (isPlainMarkdown(markdown.trim())) {
      plain++;
      seen.prefixedLink ||= html.includes('href="#user-content-');
      seen.droppedHref ||= /<a>x<\/a>/.test(html);
      seen.repeatedHeading ||= html.includes('id="user-content-next-steps-1"');
      // A link's title is dropped on both ways (it would name an empty link for screen readers only).
      seen.droppedTitle ||= markdown.includes('"A title"') && !html.includes('title=');
    } else whole++;
  }
  // Both ways must be reached, and the plain bodies must include what the element-by-element cleaning changes.
  assert.ok(plain > 600 && whole > 300, `${plain} plain, ${whole} whole-tree`);
  assert.deepEqual(seen, { prefixedLink: true, droppedHref: true, repeatedHeading: true, droppedTitle: true });
});
