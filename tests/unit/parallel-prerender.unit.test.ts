/**
 * The parallel prerenderer (src/integrations/parallel-prerender.ts) with a real worker process and
 * a small stand-in for Astro's prerender entry: what a worker returns is what the app rendered
 * (status, headers, bytes), with the page styles Astro's build environment reads; a page that asks
 * for an image is rendered by the main process; a worker's error and a worker that exits fail the
 * page with the error and the page's path. That the real site's pages come out the same from
 * either process is proven on the whole built site (docs/build-speed.md, byte-identical dist/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroPrerenderer, RouteData } from 'astro';
import { parallelPrerenderer, workerCount } from '../../src/integrations/parallel-prerender.ts';

// A stand-in for Astro's `.prerender/prerender-entry.<hash>.mjs`: an `app` with a manifest and render().
const ENTRY = `
export const app = {
  manifest: { routes: [
    { routeData: { route: '/[page]', component: 'src/pages/[page].astro', fallbackRoutes: [] } },
    { routeData: { route: '/picture', component: 'src/pages/picture.astro', fallbackRoutes: [] } },
  ] },
  logger: { warn() {} },
  setInternals(internals) { this.internals = internals; },
  setOptions(options) { this.options = options; },
  getOptions() { return this.options; },
  async render(request, { routeData }) {
    const path = new URL(request.url).pathname;
    if (path === '/boom/') throw Object.assign(new Error('boom in ' + routeData.component), { hint: 'the hint', type: 'AstroError' });
    if (path === '/exit/') process.exit(3);
    if (routeData.route === '/picture') globalThis.astroAsset.addStaticImage({ src: '/uploads/a.jpg' }, [], '/a.jpg');
    this.options?.logger.options.destination.write({ level: 'warn', label: null, message: 'rendered ' + path, newLine: true });
    const styles = this.internals.pagesByKeys.get('/[page]&src/pages/[page].astro').styles;
    return new Response('<p>' + path + ' ' + process.pid + ' ' + JSON.stringify(styles) + '</p>', { status: 200, headers: { 'content-type': 'text/html', 'x-page': path } });
  },
};
`;

function setUp() {
  // .cache/ does not exist on a fresh clone before its first build (`npm run test:unit` first failed here).
  mkdirSync(join(process.cwd(), '.cache'), { recursive: true });
  const outDir = mkdtempSync(join(process.cwd(), '.cache', 'parallel-prerender-test-'));
  mkdirSync(join(outDir, '.prerender'), { recursive: true });
  const entry = join(outDir, '.prerender', 'prerender-entry.test.mjs');
  writeFileSync(entry, ENTRY);
  return { outDir, entry };
}

async function prerenderer(outDir: string, entry: string) {
  const { app } = (await import(pathToFileURL(entry).href)) as {
    app: { manifest: { routes: { routeData: RouteData }[] }; render(request: Request, options: { routeData: RouteData }): Promise<Response> };
  };
  const logged: unknown[] = [];
  const styles = [{ depth: 0, order: 0, sheet: { type: 'external', src: '/_astro/page.css' } }];
  const options = {
    allPages: { a: { key: '/[page]&src/pages/[page].astro', route: app.manifest.routes[0]?.routeData, component: 'src/pages/[page].astro', styles } },
    settings: { scripts: [], config: { outDir: pathToFileURL(`${outDir}/`) } },
    logger: { options: { destination: { write: (event: unknown) => logged.push(event) } } },
  };
  const inMain: string[] = [];
  const main = {
    name: 'stand-in for astro:default',
    app: { manifest: app.manifest, getOptions: () => options },
    getStaticPaths: async () => [],
    async render(request: Request) {
      inMain.push(new URL(request.url).pathname);
      return new Response(`<p>main ${new URL(request.url).pathname}</p>`);
    },
  } as unknown as AstroPrerenderer;
  const summary: string[] = [];
  const parallel = parallelPrerenderer(main, 1, (message) => summary.push(message));
  await parallel.setup?.();
  const route = (i: number) => app.manifest.routes[i]?.routeData as RouteData;
  const render = async (path: string, i = 0) => (await parallel.render(new Request(`https://example.org${path}`), { routeData: route(i) })) as Response;
  return { parallel, render, inMain, logged, summary };
}

test('a worker returns the page as the app rendered it, with the styles Astro reads; an image page is rendered by the main process', async () => {
  const { outDir, entry } = setUp();
  try {
    const { parallel, render, inMain, logged, summary } = await prerenderer(outDir, entry);
    // The first three pages go to the worker (three at a time), the fourth to the main process.
    const [a, b, c, d] = await Promise.all([render('/a/'), render('/b/'), render('/c/'), render('/d/')]);
    const body = await a.text();
    assert.match(body, /^<p>\/a\/ \d+ \[\{"depth":0,"order":0,"sheet":\{"type":"external","src":"\/_astro\/page.css"\}\}\]<\/p>$/);
    assert.notEqual(body.split(' ')[1], String(process.pid), 'rendered in another process');
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('x-page'), '/a/');
    assert.equal(a.headers.get('content-type'), 'text/html');
    assert.match(await b.text(), /^<p>\/b\/ /);
    assert.match(await c.text(), /^<p>\/c\/ /);
    assert.equal(await d.text(), '<p>main /d/</p>');
    // The worker's log events reach the main process's logger.
    assert.ok(logged.some((event) => (event as { message: string }).message === 'rendered /a/'));

    const picture = await render('/picture/', 1);
    assert.equal(await picture.text(), '<p>main /picture/</p>');
    assert.deepEqual(inMain, ['/d/', '/picture/']);
    await parallel.teardown?.();
    assert.match(
      summary.join('\n'),
      /2 pages rendered in the main process \(1 of them handed back: images\), 3 in 1 worker process; peak memory \(RSS\): main process \d+ MB so far, worker \d+ MB\./,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test("a worker's error fails the page with the error's message and Astro's fields; a worker that exits fails its pages", async () => {
  const { outDir, entry } = setUp();
  try {
    const { parallel, render } = await prerenderer(outDir, entry);
    await assert.rejects(render('/boom/'), (error: Error & { hint?: string; type?: string }) => {
      assert.equal(error.message, 'boom in src/pages/[page].astro');
      assert.equal(error.hint, 'the hint');
      assert.equal(error.type, 'AstroError');
      assert.match(error.stack ?? '', /prerender-entry\.test\.mjs/);
      return true;
    });
    await assert.rejects(render('/exit/'), /The prerender worker \(process \d+\) exited \(code 3\) while rendering \/exit\//);
    await parallel.teardown?.();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test('PRERENDER_WORKERS sets the number of workers (none unless set); anything but a whole number or "max" is refused', () => {
  assert.equal(workerCount({}), 0);
  assert.equal(workerCount({ PRERENDER_WORKERS: '0' }), 0);
  assert.equal(workerCount({ PRERENDER_WORKERS: '3' }), 3);
  assert.ok(workerCount({ PRERENDER_WORKERS: 'max' }) >= 0);
  assert.throws(() => workerCount({ PRERENDER_WORKERS: 'two' }), /PRERENDER_WORKERS must be a whole number/);
});
