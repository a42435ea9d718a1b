/**
 * One prerender worker: a child process of `astro build` that renders pages with the same built
 * app as the main process (src/integrations/parallel-prerender.ts says why and how it is used).
 *
 * Messages (Node's IPC, `serialization: 'advanced'`, so page bytes travel as bytes):
 * - in `init`: the prerender entry's URL and what Astro's build environment reads when it renders
 *   (each page's styles, keyed as Astro keys them; the injected inline scripts);
 * - in `render`: `{ id, url, route }`, where `route` numbers the route in the app's manifest (the
 *   main process and this one load the same manifest, so the numbers match);
 * - out `rendered`: `{ id, status, statusText, headers, body }` (`body` null: the response had none);
 *   `failed`: `{ id, error }`; `inMain`: `{ id }` for a page this process must not render (below);
 *   `log`: Astro's log events, written by the main process's logger;
 * - in `usage`, out `usage`: this process's peak resident memory (kB), for the build's log.
 *
 * Pages are rendered one at a time, in the order they arrive: the main process keeps the next one
 * queued here, so this process never waits, and "did this page ask for an image" is exact.
 *
 * Images: `astro:assets` registers each image a page uses with `globalThis.astroAsset.addStaticImage`,
 * a synchronous function of the main process that collects what Astro writes after the pages. It
 * cannot be called from here, so a page that uses one is handed back (`inMain`) and the main process
 * renders it itself: its output and the image list are exactly those of a build without workers.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface PageStyles {
  key: string;
  styles: unknown[];
}
interface InitMessage {
  type: 'init';
  entryUrl: string;
  pages: PageStyles[];
  inlineScripts: string[];
}
interface RenderMessage {
  type: 'render';
  id: number;
  url: string;
  route: string;
}
interface RouteData {
  route: string;
  component: string;
  fallbackRoutes: RouteData[];
}
interface BuildApp {
  manifest: { routes: { routeData: RouteData }[] };
  logger: { warn(label: string | null, message: string): void };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

/** Statuses whose response has no body (the same list as astro/dist/core/app/prerender.js). */
const NULL_BODY_STATUSES = [101, 204, 205, 304];

const send = (message: unknown) => process.send?.(message);

class ImageInWorker extends Error {}
let imageAsked = false;
// Set before the app is imported; Astro's image service adds its own fields to this object.
(globalThis as { astroAsset?: object }).astroAsset = {
  addStaticImage() {
    imageAsked = true;
    throw new ImageInWorker('This page uses an image: it is rendered by the main process.');
  },
};

/** `route` ids → the app's own RouteData: the manifest's order, then each route's fallbacks (as parallel-prerender.ts numbers them). */
function routeIds(app: BuildApp): Map<string, RouteData> {
  const ids = new Map<string, RouteData>();
  app.manifest.routes.forEach(({ routeData }, i) => {
    ids.set(`${i}`, routeData);
    routeData.fallbackRoutes.forEach((fallback, j) => ids.set(`${i}.${j}`, fallback));
  });
  return ids;
}

/**
 * The request Astro's build makes for a prerendered page (astro/dist/core/request.js, `isPrerendered`):
 * GET, no search, no headers, and a warning when a page reads `Astro.request.headers`.
 */
function prerenderRequest(url: string, component: string, app: BuildApp): Request {
  const address = new URL(url);
  address.search = '';
  const request = new Request(address, { method: 'GET' });
  let headers = request.headers;
  Object.defineProperty(request, 'headers', {
    configurable: true,
    enumerable: true,
    get() {
      app.logger.warn(
        null,
        `\`Astro.request.headers\` was used when rendering the route \`${component}'\`. \`Astro.request.headers\` is not available on prerendered pages. If you need access to request headers, make sure that the page is server-rendered using \`export const prerender = false;\` or by setting \`output\` to \`"server"\` in your Astro config to make all your pages server-rendered by default.`,
      );
      return headers;
    },
    set(value: Headers) {
      headers = value;
    },
  });
  return request;
}

/** An error as plain data: its message and stack, and Astro's own fields (title, hint, location…). */
function errorData(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const data: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  for (const field of ['type', 'title', 'hint', 'loc', 'frame', 'id', 'code', 'fullCode']) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (value !== undefined) data[field] = structuredClone(value);
  }
  return data;
}

async function start(init: InitMessage): Promise<{ app: BuildApp; routes: Map<string, RouteData> }> {
  const { app } = (await import(init.entryUrl)) as { app: BuildApp };
  // What astro/dist/core/build/environment.js `headElements` reads: the page's styles and the inline scripts.
  app.setInternals({ pagesByKeys: new Map(init.pages.map((page) => [page.key, page])), entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: init.inlineScripts.map((content) => ({ stage: 'head-inline', content })) },
    logger: {
      options: {
        destination: {
          write(event: { message: unknown }) {
            send({ type: 'log', event: { ...event, message: typeof event.message === 'string' ? event.message : String(event.message) } });
            return true;
          },
        },
      },
    },
  });
  // Warm-up: list the pages exactly as the main process does (Astro's own StaticPaths, which fills the
  // app's route cache), so the content store is loaded and every route's getStaticPaths has run while
  // the main process lists its own, not when the first page arrives. Optional: if Astro moves the
  // module, each route's getStaticPaths runs at its first page, as it would anyway.
  const staticPaths = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'dist', 'runtime', 'prerender', 'static-paths.js');
  if (existsSync(staticPaths)) {
    const { StaticPaths } = (await import(pathToFileURL(staticPaths).href)) as { StaticPaths: new (app: BuildApp) => { getAll(): Promise<unknown[]> } };
    await new StaticPaths(app).getAll();
  }
  return { app, routes: routeIds(app) };
}

async function render(started: Promise<{ app: BuildApp; routes: Map<string, RouteData> }>, message: RenderMessage): Promise<void> {
  imageAsked = false;
  try {
    const { app, routes } = await started;
    const routeData = routes.get(message.route);
    if (!routeData) throw new Error(`The prerender worker has no route ${message.route} (the main process's manifest differs from this one's).`);
    const response = await app.render(prerenderRequest(message.url, routeData.component, app), { routeData });
    const bytes = response.body === null || NULL_BODY_STATUSES.includes(response.status) ? null : new Uint8Array(await response.arrayBuffer());
    send({ type: 'rendered', id: message.id, status: response.status, statusText: response.statusText, headers: [...response.headers], body: bytes });
  } catch (error) {
    if (imageAsked) send({ type: 'inMain', id: message.id });
    else send({ type: 'failed', id: message.id, error: errorData(error) });
  }
}

let started: Promise<{ app: BuildApp; routes: Map<string, RouteData> }> | undefined;
let queue: Promise<void> = Promise.resolve();
process.on('message', (message: InitMessage | RenderMessage | { type: 'usage' }) => {
  if (message.type === 'init') {
    started = start(message);
    started.catch(() => {}); // reported with the first page that needs it
  } else if (message.type === 'usage') {
    // Peak resident memory in kB (getrusage), for the build's log: the benchmark counts the largest process.
    send({ type: 'usage', maxRSS: process.resourceUsage().maxRSS });
  } else if (message.type === 'render') {
    const ready = started ?? Promise.reject(new Error('The prerender worker was asked to render before it was given the app.'));
    queue = queue.then(() => render(ready, message));
  }
});
// The main process closes the channel when the pages are done (or the build failed): nothing is left to do.
process.on('disconnect', () => process.exit(0));
