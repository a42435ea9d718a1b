/**
 * The small libraries every script shares: ports and env defaults
 * (./config.mjs), `_headers` (./headers.mjs), CSP maths (./csp-policy.mjs) and
 * reading the built site (./dist-html.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseFragment } from 'parse5';
import { configFor, defaults, intFrom, portFrom } from './config.mjs';
import { inlineCode, parsePolicy, policyAllowsInline, sha256Source } from './csp-policy.mjs';
import { elements, fileForUrlPath, urlPathOf } from './dist-html.mjs';
import { headerFor, headersFor, parseHeadersFile } from './headers.mjs';

test('config: defaults, overridden by the environment; a bad value names its variable', () => {
  assert.deepEqual(configFor.start({}), { sitePort: defaults.sitePort, decapServerPort: defaults.decapServerPort, distDir: 'dist', buildsDir: '.builds' });
  assert.equal(configFor.start({ BUILDS_DIR: '/tmp/b' }).buildsDir, '/tmp/b');
  assert.deepEqual(configFor.e2e({ TEST_PORT: '5200' }), { sitePort: 5200, fixturePort: 5201, distDir: 'dist', fixtureDistDir: '.cache/fixture-dist' });
  assert.equal(configFor.cmsTests({}).decapServerPort, defaults.cmsTestDecapServerPort);
  assert.notEqual(defaults.cmsTestDecapServerPort, defaults.decapServerPort, 'the CMS tests never meet a running npm start');
  assert.equal(portFrom({ PORT: '0' }, 'PORT', 1), 0);
  assert.throws(() => portFrom({ PORT: 'http' }, 'PORT', 1), /PORT must be a port number/);
  assert.throws(() => portFrom({ PORT: '70000' }, 'PORT', 1), /PORT/);
  assert.throws(() => intFrom({ N: '0' }, 'N', 3, { min: 1, max: 9, what: 'a count' }), /N must be a count \(1–9\)/);
});

test('_headers: rules in order, every matching rule applies, a later rule wins for the same header', () => {
  const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n  X-B: site\n\n/admin/*\n  X-B: admin\n');
  assert.deepEqual(rules, [
    {
      pattern: '/*',
      headers: [
        ['X-A', '1'],
        ['X-B', 'site'],
      ],
    },
    { pattern: '/admin/*', headers: [['X-B', 'admin']] },
  ]);
  assert.deepEqual(headersFor(rules, '/tr/'), [
    ['X-A', '1'],
    ['X-B', 'site'],
  ]);
  assert.equal(headerFor(rules, '/admin/', 'x-b'), 'admin');
  assert.equal(headerFor(rules, '/admin/', 'X-A'), '1');
});

test('CSP: hashes, inline code a page has, and the CSP3 fallback chain', () => {
  assert.equal(sha256Source('alert(1)'), "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  const code = inlineCode(parseFragment('<script>a()</script><script type="application/json">{}</script><style>p{}</style><b onclick="x()">b</b><a href="javascript:x()">a</a>'));
  assert.deepEqual(code.scripts, ['a()']);
  assert.deepEqual(code.styles, ['p{}']);
  assert.equal(code.attributes.length, 2);
  assert.deepEqual(
    parsePolicy("default-src 'self'; script-src 'self' 'sha256-x'"),
    new Map([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'", "'sha256-x'"]],
    ]),
  );
  assert.equal(policyAllowsInline(`script-src ${sha256Source('a()')}`, 'script', 'a()'), true);
  assert.equal(policyAllowsInline(`script-src ${sha256Source('a()')}`, 'script', 'b()'), false);
  assert.equal(policyAllowsInline("default-src 'self'", 'style', 'p{}'), false, 'falls back to default-src');
  assert.equal(policyAllowsInline(`script-src 'unsafe-inline' ${sha256Source('a()')}`, 'script', 'b()'), false, "a hash makes 'unsafe-inline' ignored");
});

test('the built site: URL paths of files, and the file a host serves for a path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dist-html-'));
  try {
    mkdirSync(join(dir, 'tr', 'page'), { recursive: true });
    writeFileSync(join(dir, 'tr', 'page', 'index.html'), '');
    writeFileSync(join(dir, 'favicon.svg'), '');
    assert.equal(urlPathOf(dir, join(dir, 'tr', 'page', 'index.html')), '/tr/page/');
    assert.equal(fileForUrlPath(dir, '/tr/page/'), join(dir, 'tr', 'page', 'index.html'));
    assert.equal(fileForUrlPath(dir, '/tr/page'), join(dir, 'tr', 'page', 'index.html'));
    assert.equal(fileForUrlPath(dir, '/favicon.svg'), join(dir, 'favicon.svg'));
    assert.equal(fileForUrlPath(dir, '/tr/missing/'), undefined);
    assert.equal(fileForUrlPath(dir, '/../etc/passwd'), undefined, 'never outside the site');
    assert.equal(fileForUrlPath(dir, '/%E0%A4%A'), undefined, 'a path that does not decode');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the built site: every element in document order, a template's contents after its children, one list per node", () => {
  const document = parse(
    '<!DOCTYPE html><html><head><title>t</title></head><body><main id="m"><p>a <b>b</b></p><template id="tp"><i>c</i></template></main><footer></footer></body></html>',
  );
  const list = elements(document);
  assert.deepEqual(
    list.map((el) => el.tagName),
    ['html', 'head', 'title', 'body', 'main', 'p', 'b', 'template', 'i', 'footer'],
  );
  assert.equal(elements(document), list, "the same list on the second walk: the pass's steps share it");
  assert.ok(Object.isFrozen(list), 'no step can reorder or change what the others read');
  const main = list.find((el) => el.tagName === 'main');
  assert.ok(main);
  assert.deepEqual(
    elements(main).map((el) => el.tagName),
    ['p', 'b', 'template', 'i'],
  );
});
