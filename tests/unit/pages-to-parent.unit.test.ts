/**
 * The tee (src/integrations/pages-to-parent.ts): each HTML page a prerenderer returns is sent, with
 * the file Astro writes it to, in the order Astro asked for the pages even when they finish out of
 * order; Astro still gets the same status, headers and bytes; redirects, endpoints and non-HTML
 * responses are not sent; teardown waits until every message has left. That the build's pass
 * uses what is sent only where dist/ agrees is tested in scripts/build/built-pages.unit.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AstroPrerenderer, RouteData } from 'astro';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  outputFileOf,
  PAGE_MESSAGE,
  pageOfMessage,
  PAGES_TO_PARENT_SERIALIZATION,
  pagesToParentPrerenderer,
  pagesToParentWanted,
  type PageMessage,
} from '../../src/integrations/pages-to-parent.ts';

test('outputFileOf: the file Astro writes for build.format "directory"', () => {
  assert.equal(outputFileOf('/'), 'index.html');
  assert.equal(outputFileOf('/tr/page/'), 'tr/page/index.html');
  assert.equal(outputFileOf('/404/'), '404.html'); // one-place: Astro's status-code page, not a URL of this site
  assert.equal(outputFileOf('/tr/404/'), 'tr/404/index.html'); // one-place: Astro's status-code page, not a URL of this site
  assert.equal(outputFileOf('/tr/yard%C4%B1m/'), 'tr/yardım/index.html');
  assert.equal(outputFileOf('/docs/tr/page/', '/docs'), 'tr/page/index.html');
  assert.equal(outputFileOf('/other/', '/docs/'), undefined);
  assert.equal(outputFileOf('/%E0%A4%A/'), undefined);
});

test('pagesToParentWanted: PAGES_TO_PARENT=1 and an IPC channel; another value is an error', () => {
  assert.equal(pagesToParentWanted({}, true), false);
  assert.equal(pagesToParentWanted({ PAGES_TO_PARENT: '1' }, false), false);
  assert.equal(pagesToParentWanted({ PAGES_TO_PARENT: '1' }, true), true);
  assert.throws(() => pagesToParentWanted({ PAGES_TO_PARENT: 'yes' }, true), /PAGES_TO_PARENT must be "1"/);
});

const route = (type: RouteData['type']) => ({ type }) as RouteData;

test('pages go out in the order asked for, with the bytes Astro gets; other responses do not', async () => {
  /** Each path's response and how long it takes: /b/ finishes before /a/, asked for first. */
  const responses: Record<string, [number, () => Response]> = {
    '/a/': [30, () => new Response('<p>a ı</p>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'x-page': 'a' } })],
    '/b/': [0, () => new Response('<p>b</p>', { status: 200, headers: { 'content-type': 'text/html' } })],
    '/moved/': [0, () => new Response(null, { status: 301, headers: { location: '/a/', 'content-type': 'text/html' } })],
    '/feed.xml': [0, () => new Response('<rss/>', { status: 200, headers: { 'content-type': 'application/xml' } })],
    '/404/': [10, () => new Response('<p>not found</p>', { status: 404, headers: { 'content-type': 'text/html' } })], // one-place: Astro's status-code page, not a URL of this site
  };
  const inner: AstroPrerenderer = {
    name: 'test',
    getStaticPaths: async () => [],
    async render(request) {
      const [delay, make] = responses[new URL(request.url).pathname] ?? [0, () => new Response('?')];
      await new Promise((done) => setTimeout(done, delay));
      return { response: make() };
    },
  };
  const sent: PageMessage[] = [];
  let leaving = 0;
  const tee = pagesToParentPrerenderer(inner, {
    send: (message, done) => {
      sent.push(message);
      leaving++;
      setTimeout(() => {
        leaving--;
        done();
      }, 20);
    },
  });
  const ask = (path: string, type: RouteData['type'] = 'page') => tee.render(new Request(`http://localhost${path}`), { routeData: route(type) });
  // Asked for at once, as Astro does with build.concurrency > 1.
  const results = await Promise.all([ask('/a/'), ask('/b/'), ask('/moved/'), ask('/feed.xml', 'endpoint'), ask('/404/')]); // one-place: Astro's status-code page, not a URL of this site
  assert.deepEqual(
    sent.map((m) => [m.type, m.file, Buffer.from(m.html).toString('utf8')]),
    [
      [PAGE_MESSAGE, 'a/index.html', '<p>a ı</p>'],
      [PAGE_MESSAGE, 'b/index.html', '<p>b</p>'],
      [PAGE_MESSAGE, '404.html', '<p>not found</p>'],
    ],
  );
  const first = results[0] as { response: Response };
  assert.equal(first.response.headers.get('x-page'), 'a');
  assert.equal(await first.response.text(), '<p>a ı</p>');
  const notFound = results[4] as { response: Response };
  assert.equal(notFound.response.status, 404);
  assert.equal(await notFound.response.text(), '<p>not found</p>');
  assert.equal((results[2] as { response: Response }).response.status, 301);
  assert.equal(leaving > 0, true, 'messages still leaving before teardown');
  await tee.teardown?.();
  assert.equal(leaving, 0, 'teardown waits for every message');
});

test('a page that fails to render fails as before and does not hold back the pages after it', async () => {
  const inner: AstroPrerenderer = {
    name: 'test',
    getStaticPaths: async () => [],
    async render(request) {
      if (new URL(request.url).pathname === '/boom/') throw new Error('boom');
      return new Response('<p>ok</p>', { headers: { 'content-type': 'text/html' } });
    },
  };
  const sent: string[] = [];
  const tee = pagesToParentPrerenderer(inner, { send: (message, done) => (sent.push(message.file), done()) });
  await assert.rejects(tee.render(new Request('http://localhost/boom/'), { routeData: route('page') }), /boom/);
  await tee.render(new Request('http://localhost/ok/'), { routeData: route('page') });
  assert.deepEqual(sent, ['ok/index.html']);
});

test("over a real IPC channel, as build-site.mjs opens it: the parent gets each page's bytes as sent; a JSON channel's copy is refused", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pages-to-parent-'));
  try {
    const module = pathToFileURL(join(import.meta.dirname, '../../src/integrations/pages-to-parent.ts')).href;
    // The child: Astro's side, with a prerenderer that renders two pages (one with non-ASCII text) and a feed.
    const child = join(dir, 'child.mjs');
    writeFileSync(
      child,
      `import { pagesToParent } from ${JSON.stringify(module)};
const wrap = pagesToParent({ base: '/', format: 'directory' }, () => {});
const inner = { name: 'test', async render(request) {
  const path = new URL(request.url).pathname;
  const type = path.endsWith('.xml') ? 'application/xml' : 'text/html';
  return new Response(path === '/ar/a/' ? '<p dir="rtl">جواز السفر</p>' : '<p>' + path + '</p>', { headers: { 'content-type': type } });
} };
const tee = wrap(inner);
for (const path of ['/ar/a/', '/feed.xml', '/tr/b/']) await tee.render(new Request('http://localhost' + path), { routeData: { type: 'page' } });
await tee.teardown();
`,
    );
    const received: { file: string; text: string }[] = [];
    const refused: unknown[] = [];
    for (const serialization of [PAGES_TO_PARENT_SERIALIZATION, 'json'] as const) {
      const started = fork(child, { serialization, env: { ...process.env, PAGES_TO_PARENT: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      started.on('message', (message) => {
        const page = pageOfMessage(message);
        if (page && serialization === PAGES_TO_PARENT_SERIALIZATION) received.push({ file: page.file, text: Buffer.from(page.html).toString('utf8') });
        else if (!page) refused.push(message);
        else assert.fail("a JSON channel's copy of the bytes was taken as a page");
      });
      const code = await new Promise((done) => started.on('close', done));
      assert.equal(code, 0);
    }
    assert.deepEqual(received, [
      { file: 'ar/a/index.html', text: '<p dir="rtl">جواز السفر</p>' },
      { file: 'tr/b/index.html', text: '<p>/tr/b/</p>' },
    ]);
    // Over JSON the same two messages arrive, their bytes as plain objects: not pages.
    assert.equal(refused.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
