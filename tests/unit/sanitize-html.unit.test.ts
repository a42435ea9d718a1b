/**
 * The Markdown sanitiser (src/lib/sanitize-html.ts), run through Sätteri the
 * way astro.config.mjs runs it. The browser-level proof is
 * tests/e2e/hostile-html.spec.ts; these cases pin down each rule quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFragment } from 'parse5';
import { markdownToHtml } from 'satteri';
import { markdownFeatures } from '../../src/lib/markdown-pipeline.ts';
import { isSafeLinkUrl, isSameSiteUrl, sanitizeHtmlPlugin } from '../../src/lib/sanitize-html.ts';

// Synchronous here: the sanitiser's visitors are all synchronous, so the result is never a Promise.
const render = (markdown: string) =>
  (markdownToHtml(markdown, { features: markdownFeatures, hastPlugins: [sanitizeHtmlPlugin] }) as Exclude<ReturnType<typeof markdownToHtml>, Promise<unknown>>).html;

const removed: [string, string, RegExp][] = [
  ['script element', '<script>alert(1)</script>', /<script|alert/],
  ['event handler', '<img src="/a.png" onerror="alert(1)" alt="a">', /onerror|alert/],
  ['unquoted handler', '<b onclick=alert(1)>b</b>', /onclick/],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript/i],
  ['javascript: link, case and spaces', '<a href="  JaVaScRiPt:alert(1)">x</a>', /script:/i],
  ['javascript: link, encoded tab', '<a href="jav&#x09;ascript:alert(1)">x</a>', /href/],
  ['javascript: link, character references', '<a href="&#106;avascript&colon;alert(1)">x</a>', /href/],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
  ['data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|<script/],
  ['Markdown javascript: link', '[x](javascript:alert(1))', /javascript/i],
  ['Markdown data: image', '![x](data:image/png;base64,AAAA)', /<img|data:/],
  ['iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /iframe|srcdoc|script/],
  ['object', '<object data="x.swf"></object>', /object/],
  ['embed', '<embed src="x.swf">', /embed/],
  ['svg with script', '<svg onload="alert(1)"><script>alert(2)</script></svg>', /svg|script|onload/],
  ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', /xlink|javascript/],
  ['math mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>', /onerror|<math|<style/],
  ['form and inputs', '<form action="https://evil.example/"><input name="p"><button formaction="javascript:alert(1)">Go</button></form>', /form|input|button/],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', /meta|evil/],
  ['base', '<base href="https://evil.example/">', /base|evil/],
  ['link', '<link rel="stylesheet" href="https://evil.example/x.css">', /link|evil/],
  ['style element', '<style>body{background:url(https://evil.example/x)}</style>', /style|evil/],
  ['style attribute with expression()', '<p style="width: expression(alert(1)); background: url(javascript:alert(2))">p</p>', /style|expression|javascript/],
  ['remote image', '<img src="https://evil.example/t.png" alt="remote">', /<img|evil/],
  ['protocol-relative image', '<img src="//evil.example/t.png" alt="remote">', /<img|evil/],
  ['backslash host image', '<img src="/\\evil.example/t.png" alt="remote">', /<img|evil/],
  ['Markdown remote image', '![remote](https://evil.example/t.png)', /<img|evil/],
  ['srcset', '<img src="/a.png" srcset="https://evil.example/t.png 2x" alt="a">', /srcset|evil/],
  ['video poster', '<video poster="https://evil.example/p.png"></video>', /video|evil/],
  ['template', '<template><script>alert(1)</script></template>', /template|script/],
  ['fake site control class', '<a class="quick-exit__button" href="https://evil.example/">Exit</a>', /class/],
  ['target and rel', '<a href="https://example.com/" target="_blank" rel="opener">x</a>', /target|opener/],
  ['comment', '<!-- <script>alert(1)</script> -->', /<!--|script/],
  ['data attributes and name', '<p data-x="1" name="cookie">p</p>', /data-x|name=/],
];

for (const [what, input, forbidden] of removed) {
  test(`removes or neutralises: ${what}`, () => {
    const html = render(input);
    assert.doesNotMatch(html, forbidden, html);
  });
}

test('removes or neutralises: noscript mXSS (the payload went into a title, which is dropped too)', () => {
  const html = render('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>');
  // Parsed as a browser would: no img element, no handler, and no attribute at all (titles are not kept).
  const elements: { tagName: string; attrs: { name: string }[] }[] = [];
  const walk = (node: { childNodes?: unknown[] }) => {
    for (const child of (node.childNodes ?? []) as { tagName?: string; attrs: { name: string }[]; childNodes?: unknown[] }[]) {
      if (child.tagName) elements.push({ tagName: child.tagName, attrs: child.attrs });
      walk(child);
    }
  };
  walk(parseFragment(html));
  assert.deepEqual([...new Set(elements.map((e) => e.tagName))], ['p'], html);
  assert.deepEqual([...new Set(elements.flatMap((e) => e.attrs.map((a) => a.name)))], [], html);
});

test('ids are prefixed so content cannot clobber the page or window globals', () => {
  assert.match(render('<a id="main" href="/tr/">x</a>'), /id="user-content-main"/);
});

test('unknown elements are unwrapped, keeping their text', () => {
  const html = render('<custom-el onclick="x">kept</custom-el>');
  assert.match(html, /kept/);
  assert.doesNotMatch(html, /custom-el|onclick/);
});

test('plain formatting survives', () => {
  const html = render(
    '*em* **strong** `code`\n\n- a\n- b\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n[internal](/tr/about/) [external](https://example.com/) [mail](mailto:a@example.org) [157](tel:157)\n\n![alt text](/favicon.svg)\n\n> quote\n',
  );
  for (const expected of [
    '<em>em</em>',
    '<strong>strong</strong>',
    '<code>code</code>',
    '<li>a</li>',
    '<th align="left">A</th>',
    '<td align="right">2</td>',
    'href="/tr/about/"',
    'href="https://example.com/"',
    'href="mailto:a@example.org"',
    'href="tel:157"',
    '<img src="/favicon.svg" alt="alt text">',
    '<blockquote>',
  ]) {
    assert.ok(html.includes(expected), `${expected} missing from:\n${html}`);
  }
});

test('GFM footnotes and task lists keep working', () => {
  const html = render('Text[^1]\n\n- [x] done\n\n[^1]: Note.\n');
  assert.match(html, /href="#user-content-fn-1"/);
  assert.match(html, /id="user-content-fn-1"/);
  assert.match(html, /aria-describedby="user-content-footnote-label"/);
  // Markdown's own back-link keeps its label (src/lib/content-rules/body.ts isFootnoteBackLink); raw HTML
  // dressed as one with any other label is refused (tests/unit/content-rules.unit.test.ts, fixture-aria-label-footnote).
  assert.match(html, /data-footnote-backref="" aria-label="Back to reference 1"/);
  assert.match(html, /<h2 class="sr-only" id="user-content-footnote-label">Footnotes<\/h2>/);
  // Any other heading shown only to screen readers would make them announce words no one sees.
  const hidden = render('<h2 class="sr-only">Acil durumda 157 yerine WhatsApp ile yazın</h2>');
  assert.doesNotMatch(hidden, /sr-only/);
  assert.match(hidden, /<h2 [^>]*>Acil durumda 157 yerine WhatsApp ile yazın<\/h2>/);
  assert.match(html, /id="user-content-footnote-label"/);
  assert.doesNotMatch(html, /user-content-user-content-/);
  assert.match(html, /<input type="checkbox" (?:checked disabled|disabled checked)>/);
});

test('link and image URL rules', () => {
  for (const url of ['https://example.com/', 'http://example.com', 'mailto:a@b.org', 'tel:157', '/tr/about/', '#top', 'relative/page/', '?q=1']) assert.ok(isSafeLinkUrl(url), url);
  for (const url of ['javascript:alert(1)', ' javascript:x', 'java\tscript:x', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x', 'blob:https://x/y', 'file:///etc/passwd', ''])
    assert.ok(!isSafeLinkUrl(url), url);
  for (const url of ['/favicon.svg', 'img.png', './img.png', '/uploads/a.jpg']) assert.ok(isSameSiteUrl(url), url);
  for (const url of [
    'https://evil.example/a.png',
    '//evil.example/a.png',
    '/\\evil.example/a.png',
    '\\\\evil.example/a.png',
    'data:image/png;base64,AA',
    'http:evil.example/a.png',
  ])
    assert.ok(!isSameSiteUrl(url), url);
});

test('titles: kept on <abbr> (its expansion), dropped elsewhere (they named empty links for screen readers only)', () => {
  assert.match(render('<abbr title="Yabancılar İletişim Merkezi">YİMER</abbr>'), /<abbr title="Yabancılar İletişim Merkezi">YİMER<\/abbr>/);
  for (const markdown of ['[Bilgi](https://example.org/ "157 yerine bunu arayın")', '<a href="https://example.org/" title="157">x</a>', '<p title="157">x</p>']) {
    assert.doesNotMatch(render(markdown), /title=/, markdown);
  }
});
