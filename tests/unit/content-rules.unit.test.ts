/**
 * The content rules of issue 13 (src/lib/content-rules/), on the fixtures the
 * build-failure tests use (tests/fixtures/bad-content/hostile-editor/):
 * - every hostile body is refused by both parsers: micromark (the CMS guard and
 *   the pre-build check) and Astro's own Sätteri pipeline with our plugins,
 *   in Astro's order (createSatteriMarkdownProcessor, as the build runs it);
 * - what the rules allow still renders (a tel: link to 157 in Arabic digits,
 *   footnotes, a law number as link text);
 * - the sanitiser alone, had a rule missed something, publishes nothing that
 *   misleads: no fake tel: target, no aria-label, no <bdo>;
 * - body heading ids carry the prefix, and in-page links follow them, after
 *   Astro's own heading-id step;
 * - front matter and settings fixtures are refused by the schemas, naming
 *   the field; UI-string files are refused on their key (the real ones pass:
 *   tests/content/ui-strings.content.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parseDocument } from 'yaml';
import {
  bidiProblemIn,
  fieldName,
  HELPLINE_NUMBERS,
  markdownBodyProblems,
  QUICK_EXIT_DESTINATIONS,
  rawDataProblems,
  spelledDigits,
  uiStringProblems,
  visible,
} from '../../src/lib/content-rules/index.ts';
import { helplineNumberShown } from '../../src/lib/content-rules/body.ts';
import { listPath, localePath } from '../../src/routes.ts';
import { yamlStructureProblems } from '../../src/lib/content-rules/front-matter.ts';
import { markdownToTree } from '../../src/lib/content-rules/markdown.ts';
import { markdownFeatures } from '../../src/lib/markdown-pipeline.ts';
import { BodyError, cleanTree, imagePathPlugin, isSameSiteUrl, sanitizeHtmlPlugin } from '../../src/lib/sanitize-html.ts';
import { dataCollections, entryFile, schemaForFile } from '../../src/collections.ts';
import type { LocaleCode } from '../../src/i18n/locales.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { projectRoot } from '../../scripts/lib/project-copy.mjs';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'bad-content', 'hostile-editor');
const fixtureFiles = readdirSync(fixtures, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(fixtures, join(e.parentPath, e.name)));

function split(file: string) {
  return splitFrontMatter(readFileSync(join(fixtures, file), 'utf8'))!;
}

/** The site's Markdown pipeline, as astro.config.mjs sets it up and Astro orders it. */
const renderer = await createSatteriMarkdownProcessor({
  syntaxHighlight: false,
  features: markdownFeatures,
  mdastPlugins: [imagePathPlugin({ projectRoot })],
  hastPlugins: [sanitizeHtmlPlugin],
});
/** Renders `markdown` as if it were `content/pages/tr/<name>.md`. */
const render = (markdown: string, name = 'test') =>
  renderer.render(markdown, { fileURL: pathToFileURL(join(projectRoot, entryFile('pages', 'tr', name))) } as Parameters<typeof renderer.render>[1]);

const BODY_CASES = fixtureFiles.filter((f) => /^content\/pages\/tr\/fixture-(tel-|number-link|aria-label|bdo|bidi-body|deep-|image-outside|unclosed)/.test(f));

test('there is a body fixture for every hostile body of the issue', () => {
  assert.equal(BODY_CASES.length, 19, BODY_CASES.join('\n'));
});

for (const file of BODY_CASES) {
  test(`refused by the CMS/pre-build parser and by the build's renderer: ${file}`, async () => {
    const { body, bodyOffset } = split(file);
    const problems = markdownBodyProblems(body, { file, lineOffset: bodyOffset });
    assert.ok(problems.length > 0, 'micromark: no problem found');
    assert.ok(problems.every((p) => fieldName(p.path) === 'body'));
    await assert.rejects(render(body, file.replace(/^.*\/|\.md$/g, '')), (error: Error) => error instanceof BodyError && /the body cannot be published/.test(error.message));
  });
}

const allowed: [string, string][] = [
  ['a tel: link to a vetted number', '[157](tel:157)'],
  ['Arabic-Indic digits as link text', '[١٥٧](tel:157)'],
  ['Persian digits as link text', '[۱۵۷](tel:157)'],
  ['raw HTML tel: link', '<a href="tel:112">112</a>'],
  ['a law number as link text', '[6458](https://www.mevzuat.gov.tr/)'],
  ["GFM footnotes (their back-links carry Markdown's own aria-label)", 'Text[^1]\n\n[^1]: Note.'],
  ['direction marks U+200E and U+200F', 'Telefon: \u200E157\u200E, \u200Fعربي\u200F'],
  ['an upload', '![Two people talking](/uploads/fixture-two-people-talking.jpg)'],
  ['an image inside content/', '![A picture](./picture.png)'],
  ['an image inside public/ by a relative path', '![A picture](../../../public/uploads/picture.jpg)'],
  ['lists 30 deep', `${'- '.repeat(30)}deep`],
  // Its text node after the break has no start position in hast-util-raw's tree (src/lib/content-rules/body.ts).
  ['a hard line break (a backslash at the end of a line)', 'Line one\\\nline two'],
];
for (const [what, markdown] of allowed) {
  test(`allowed by both: ${what}`, async () => {
    assert.deepEqual(markdownBodyProblems(markdown, { file: entryFile('pages', 'tr', 'test') }), []);
    await render(markdown);
  });
}

test('tel: links render only as allowed: the vetted number, its text that number', async () => {
  const { code } = await render('[١٥٧](tel:157) and <a href="tel:183">183</a>');
  assert.match(code, /<a href="tel:157">١٥٧<\/a>/);
  assert.match(code, /<a href="tel:183">183<\/a>/);
});

test("spelled digits: any script's decimal digits, and characters that show nothing between them", () => {
  for (const text of ['157', '١٥٧', '۱۵۷', '१५७', '１５７', '𝟏𝟓𝟕', ' 1 5 7 ', '\u200E157\u200E']) assert.equal(spelledDigits(text), '157', text);
  // "1<U+200D>57" shows as 157, so it is 157 (a link reading so to another number's WhatsApp passed the rule before).
  for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\u034F', '\uFE0F', '\u180E', '\u2063', '\uFEFF']) {
    assert.equal(spelledDigits(`1${invisible}57`), '157', visible(`1${invisible}57`));
  }
  for (const text of ['+157', '157a', '', 'YİMER', 'l57']) assert.equal(spelledDigits(text), undefined, text);
});

test('bidi controls are refused, direction marks are not, and messages show them as code points', () => {
  for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
    assert.ok(bidiProblemIn(['title'], `YİMER ${String.fromCodePoint(cp)}751`), cp.toString(16));
  }
  for (const mark of ['\u200E', '\u200F', '\u061C']) assert.equal(bidiProblemIn(['title'], `a${mark}b`), undefined);
  assert.ok(bidiProblemIn(['url'], 'tel:%E2%80%AE751'), 'percent-encoded');
  assert.equal(visible('tel:%E2%80%AE751\u200B'), 'tel:<U+202E>751<U+200B>');
});

test('the sanitiser alone removes what the rules refuse (if a rule ever missed one)', () => {
  const hostile = [
    '[157](tel:+905551234567)',
    '<a href="tel:183">157</a>',
    '<a href="TEL:157">157</a>',
    '<a href="tel:183" aria-label="Call 157">183</a>',
    '<a href="https://example.org/" aria-labelledby="x">x</a>',
    '<bdo dir="rtl">751</bdo>',
  ].join('\n\n');
  const tree = cleanTree(markdownToTree(hostile).hast);
  const links: [unknown, string][] = [];
  const walk = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
    if (node.tagName === 'a') links.push([node.properties?.href, JSON.stringify(node)]);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree as Parameters<typeof walk>[0]);
  // Only the link that reads 183 and dials 183 keeps a tel: target; the others are plain text or web links.
  assert.deepEqual(
    links.map(([href]) => href ?? null),
    [null, null, null, 'tel:183', 'https://example.org/'],
  );
  const json = JSON.stringify(tree);
  assert.doesNotMatch(json, /ariaLabel|ariaLabelledBy|"bdo"/);
  assert.match(json, /"value":"751"/, 'the text of <bdo> stays, in its real order');
});

test("heading ids and in-page links carry the prefix, after Astro's own heading-id step", async () => {
  const { code, metadata } = await render(
    '[to main](#main) [back](#help-now-title)\n\n## help-now-title\n\n## main\n\n## Başlık bir\n\n<h2 id="bad id">Raw</h2>\n\n<h3 id="signs">Raw id</h3>\n\nNote[^1]\n\n[^1]: Footnote.',
  );
  const ids = [...code.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  assert.deepEqual(
    ids.filter((id) => !id.startsWith('user-content-')),
    [],
    code,
  );
  for (const id of [
    'user-content-help-now-title',
    'user-content-main',
    'user-content-başlık-bir',
    'user-content-raw',
    'user-content-signs',
    'user-content-fn-1',
    'user-content-footnote-label',
  ]) {
    assert.ok(ids.includes(id), `${id} in\n${code}`);
  }
  assert.match(code, /href="#user-content-main"/);
  assert.match(code, /href="#user-content-help-now-title"/);
  assert.match(code, /href="#user-content-fn-1"/);
  assert.doesNotMatch(code, /user-content-user-content-/);
  // Astro's `headings` (for tables of contents) list the ids the page really has.
  assert.ok(
    metadata.headings.every((h: { slug: string }) => h.slug.startsWith('user-content-')),
    JSON.stringify(metadata.headings),
  );
});

test('same-site images: a path or relative reference, never an address with a host of its own', () => {
  for (const url of ['/uploads/a.jpg', 'a.png', './a.png']) assert.ok(isSameSiteUrl(url), url);
  // The old check resolved against https://site.invalid and took that origin for our own.
  for (const url of ['https://site.invalid/a.png', 'https://a.invalid/page/a.png', 'https://b.invalid/a.png', '//evil.example/a.png']) assert.ok(!isSameSiteUrl(url), url);
});

/** The front-matter fixtures and the field each must be refused on. */
const FRONT_MATTER_CASES: [string, string][] = [
  [entryFile('helplines', 'tr', 'fixture-fake-helpline'), 'number'],
  [entryFile('helplines', 'tr', 'fixture-bidi-title'), 'title'],
  [entryFile('campaigns', 'tr', 'fixture-http-source'), 'sources[0].url'],
  [entryFile('pages', 'tr', 'fixture-invisible-title'), 'title'],
  [dataCollections.settings.file('tr'), 'quickExitUrl'],
  [dataCollections.settings.file('ar'), 'quickExitUrl'],
  [dataCollections.settings.file('fa'), 'quickExitUrl'],
];
for (const [file, field] of FRONT_MATTER_CASES) {
  test(`the collection schema (Astro's and the CMS's) refuses ${file} on "${field}"`, () => {
    const data = parseDocument(file.endsWith('.md') ? split(file).yaml : readFileSync(join(fixtures, file), 'utf8')).toJS();
    const result = schemaForFile(file)!.safeParse(data);
    assert.equal(result.success, false);
    const fields = result.error!.issues.map((issue) => fieldName(issue.path.filter((p) => p !== 'kind') as (string | number)[]));
    assert.ok(fields.includes(field), fields.join(', '));
  });
}

test('keys that reach JavaScript objects and unknown YAML tags are refused with their line', () => {
  const cases: [string, string, number][] = [
    [entryFile('pages', 'tr', 'fixture-proto-key'), '__proto__', 5],
    [entryFile('pages', 'tr', 'fixture-constructor-key'), 'constructor', 5],
    [entryFile('pages', 'tr', 'fixture-prototype-key'), 'sources[0].prototype', 7],
    [entryFile('pages', 'tr', 'fixture-yaml-tag'), 'sources[0].title', 6],
  ];
  for (const [file, field, line] of cases) {
    const problems = yamlStructureProblems(split(file).yaml, 1);
    assert.deepEqual(
      problems.map((p) => [fieldName(p.path), p.line]),
      [[field, line]],
      file,
    );
  }
  // The CMS sees parsed data: an own "__proto__" property (JSON.parse, yaml) is refused there.
  assert.deepEqual(
    rawDataProblems(JSON.parse('{"a": {"__proto__": {"x": 1}}}')).map((p) => fieldName(p.path)),
    ['a.__proto__'],
  );
  // A YAML alias of its own parent is one problem where it refers back; an alias used twice side by side is none.
  const loop = parseDocument('sources: &s\n  - title: a\n    also: *s\n').toJS();
  assert.deepEqual(
    rawDataProblems(loop).map((p) => [fieldName(p.path), p.en]),
    [['sources[0].also', 'this value contains itself (a YAML alias: & and *); write the value out without the alias']],
  );
  assert.deepEqual(rawDataProblems(parseDocument('a: &x {t: b}\nc: *x\nd: [*x, *x]\n').toJS()), []);
  // A lone surrogate ("\ud800" in JSON or quoted YAML) is refused: the stored file would hold U+FFFD instead.
  assert.deepEqual(
    rawDataProblems(JSON.parse('{"title": "ok \\ud800", "other": "جواز سفرك 😀"}')).map((p) => [fieldName(p.path), p.en]),
    [['title', 'this text has a broken character (a lone UTF-16 surrogate, such as "\\ud800"); remove it']],
  );
});

test('the allowlists are short, exact and in code', () => {
  assert.deepEqual([...HELPLINE_NUMBERS], ['112', '157', '183']);
  for (const url of QUICK_EXIT_DESTINATIONS) {
    const parsed = new URL(url);
    assert.equal(parsed.protocol, 'https:');
    assert.equal(parsed.search, '', `${url}: no query string`);
    assert.equal(parsed.href, url, `${url}: written as the browser writes it`);
  }
});

/** The hostile UI-string files and the keys each must be refused on (en: also a phone number, attacker's review 2026-12-02). */
const UI_CASES: [LocaleCode, string | string[]][] = [
  ['ku', 'quickExit.label'],
  ['ar', 'quickExit.label'],
  ['en', ['help.emergency', 'quickExit.loading']],
  ['fa', 'quickExit.neutralTitle'],
  ['ru', 'help.call'],
  ['ps', 'help.title'],
  ['tr', '__proto__'],
];
for (const [code, key] of UI_CASES) {
  test(`UI strings: ${dataCollections.i18n.file(code)} is refused on "${[key].flat().join('", "')}"`, () => {
    const problems = uiStringProblems(code, JSON.parse(readFileSync(join(fixtures, dataCollections.i18n.file(code)), 'utf8')));
    assert.deepEqual(
      problems.map((p) => fieldName(p.path)),
      [key].flat(),
    );
  });
}

test('a link that shows a helpline number dials it, or stays on the site (attacker’s review, 2026-12-02)', () => {
  const away = 'https://wa.me/905551234567';
  for (const text of ['157', '(157)', '☎ 157', '1-5-7', '¹⁵⁷', '𝟏𝟓𝟕', '7 5 1', 'Ara 157', '157 hattına yazın', 'YİMER: ١٥٧', 'YİMER: 1 5 7', 'Sabah: 2015 157 haberi']) {
    assert.equal(helplineNumberShown(text, away), '157', `${text} on a link to ${away}`);
  }
  // Words naming a helpline on a link to the site's own page are fine; a number that is part of another is no helpline.
  for (const [text, href] of [
    ['YİMER 157 sayfası', localePath('tr', listPath('helplines'))],
    ['İletişim: 1157', away],
    ['2157 sayılı karar', away],
    ['madde 15, 7 ve 8', away],
    ['Başvuru formu', away],
  ] as const) {
    assert.equal(helplineNumberShown(text, href), undefined, `${text} → ${href}`);
  }
});
