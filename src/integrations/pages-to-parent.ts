/**
 * Each HTML page `astro build` renders, sent to the process that started the build as soon as it
 * is rendered (the "tee"), so that the build's one pass over the pages (scripts/build/built-pages.mjs:
 * search index, CSP hashes, link check) reads and parses it while Astro renders the next ones.
 *
 * Reasoning (issue 17, docs/build-speed.md, "The tee"): that pass used to start once Astro had
 * finished, and took 10–15 s of the peer content's build after it. Astro writes a page's bytes as
 * the prerenderer returns them (astro/dist/core/build/generate.js `renderPath`), so the prerenderer
 * is where the bytes are first known; the build script gets them over the IPC channel it opened
 * (`process.send`), with no second read of dist/.
 *
 * - Only pages: routes of type `page` or `fallback` whose response is HTML and not a redirect (Astro
 *   writes its own redirect page, not the response's body). Endpoints, PDFs, the sitemap are not sent.
 * - In render order: the order Astro asked for the pages, also when it asks for several at once
 *   (`build.concurrency`, src/integrations/parallel-prerender.ts): a page that finishes early waits
 *   for those asked for before it. Astro asks in the order of its page list, which is a function of
 *   the content, so the receiver sees the same order in every build of the same content.
 * - Each message names the file Astro writes the page to, relative to `outDir` (outputFileOf:
 *   `build.format: 'directory'`, which this site uses; with another format nothing is sent).
 * - Nothing depends on the tee being right: the receiver compares every HTML file in dist/, once
 *   Astro has finished, with what was sent (SHA-256), and reads from disk each one that differs, was
 *   never sent, or was moved (the 404 pages, src/integrations/hosts.ts). A page that cannot be sent
 *   (the parent has gone) is simply read from disk there.
 *
 * On only when the environment has `PAGES_TO_PARENT=1` and the process has an IPC channel; otherwise
 * Astro's prerenderer is left as it is. `PAGES_TO_PARENT=1` also says that the parent opened the
 * channel with `serialization: 'advanced'`, so that the bytes go as bytes, not as JSON (Node does not
 * tell a child which: it removes NODE_CHANNEL_SERIALIZATION_MODE from the child's environment). Astro keeps one prerenderer (the last `setPrerenderer` wins), so
 * this is composed with the parallel one where that is set (src/integrations/parallel-prerender.ts).
 */
import type { AstroPrerenderer, RouteData } from 'astro';

/** The message sent for each page. `file`: POSIX path relative to `outDir` ("tr/about/index.html"); `html`: the bytes Astro writes. */
export interface PageMessage {
  type: typeof PAGE_MESSAGE;
  file: string;
  html: Uint8Array;
}

/** `type` of a PageMessage: the receiver ignores any other message. */
export const PAGE_MESSAGE = 'astro:rendered-page';
/** The environment variable that turns the tee on: "1". */
export const PAGES_TO_PARENT_ENV = 'PAGES_TO_PARENT';
/** The IPC channel's serialization the parent must open (child_process `serialization`): structured clone, so a page's bytes arrive as a Uint8Array. */
export const PAGES_TO_PARENT_SERIALIZATION = 'advanced';

/**
 * The parent's side: the page a message from this child carries, or undefined for any other message
 * (another type, or the bytes not a Uint8Array, as a JSON channel would deliver them: the parent then
 * reads that page from disk).
 */
export function pageOfMessage(message: unknown): PageMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, file, html } = message as Partial<PageMessage>;
  return type === PAGE_MESSAGE && typeof file === 'string' && html instanceof Uint8Array ? { type, file, html } : undefined;
}

/** Astro's status-code pages: written as `/404.html`, not `/404/index.html` (astro/dist/core/build/common.js STATUS_CODE_PAGES). */
const STATUS_CODE_PAGES = new Set(['/404', '/500']);

/**
 * The file Astro writes a page's request URL path to, for `build.format: 'directory'`
 * (astro/dist/core/build/common.js `getOutFolder`/`getOutFile`): "/tr/about/" → "tr/about/index.html",
 * "/" → "index.html", "/404/" → "404.html". `pathname`: the request URL's path, percent-encoded as in a
 * URL; `base`: Astro's `base` ("/" by default). Undefined when the path lies outside `base` or
 * cannot be decoded (the page is then not sent, and the receiver reads it from disk).
 */
export function outputFileOf(pathname: string, base = '/'): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!`${path}/`.startsWith(prefix)) return undefined;
  const route = `/${path.slice(prefix.length)}`.replace(/\/+$/, '');
  if (route === '') return 'index.html';
  if (STATUS_CODE_PAGES.has(route)) return `${route.slice(1)}.html`;
  return `${route.slice(1)}/index.html`;
}

/**
 * Whether this process should send its pages: `PAGES_TO_PARENT=1` and an IPC channel.
 * @throws when PAGES_TO_PARENT is set to anything but "" or "1" (a typo should not turn it off silently)
 */
export function pagesToParentWanted(env: NodeJS.ProcessEnv = process.env, hasChannel = typeof process.send === 'function'): boolean {
  const set = env[PAGES_TO_PARENT_ENV];
  if (set === undefined || set === '') return false;
  if (set !== '1') throw new Error(`${PAGES_TO_PARENT_ENV} must be "1" (send each rendered page to the parent process) or unset, not ${JSON.stringify(set)}.`);
  return hasChannel;
}

type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/**
 * `inner` (Astro's prerenderer, or the parallel one) with each HTML page also handed to `send`,
 * in the order Astro asked for the pages (see above). `send(message, done)`: `done` is called once
 * the message has left the process (or failed to); `teardown()` waits for every message before it
 * lets Astro finish, so none is lost when Astro exits. The page Astro gets is the same bytes, status
 * and headers. `log`: the summary line at teardown.
 */
export function pagesToParentPrerenderer(
  inner: AstroPrerenderer,
  { base = '/', send, log = () => {} }: { base?: string; send: (message: PageMessage, done: () => void) => void; log?: (message: string) => void },
): AstroPrerenderer {
  /** Number given to the next render call, and the number of the next page to send. */
  let asked = 0;
  let nextToSend = 0;
  /** Finished renders waiting for an earlier one: their message, or null when there is nothing to send. */
  const finished = new Map<number, PageMessage | null>();
  const inFlight = new Set<Promise<void>>();
  const counts = { sent: 0, notSent: 0 };
  const settle = (turn: number, message: PageMessage | null) => {
    finished.set(turn, message);
    while (finished.has(nextToSend)) {
      const ready = finished.get(nextToSend);
      finished.delete(nextToSend);
      nextToSend++;
      if (!ready) continue;
      counts.sent++;
      const flushed = new Promise<void>((done) => send(ready, done));
      inFlight.add(flushed);
      void flushed.then(() => inFlight.delete(flushed));
    }
  };
  const isPage = (route: RouteData) => route.type === 'page' || route.type === 'fallback';

  return {
    name: `${inner.name}+pages-to-parent`,
    setup: inner.setup && (() => inner.setup?.() ?? Promise.resolve()),
    getStaticPaths: () => inner.getStaticPaths(),
    collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages?.() ?? Promise.resolve(new Map())),
    async render(request, options) {
      const turn = asked++;
      let result: Rendered;
      try {
        result = await inner.render(request, options);
      } catch (error) {
        settle(turn, null);
        throw error;
      }
      const response = result instanceof Response ? result : result.response;
      const file = outputFileOf(new URL(request.url).pathname, base);
      const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
      const redirect = response.status >= 300 && response.status < 400;
      if (!isPage(options.routeData) || !html || redirect || !response.body || file === undefined) {
        if (isPage(options.routeData) && html && !redirect) counts.notSent++;
        settle(turn, null);
        return result;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      settle(turn, { type: PAGE_MESSAGE, file, html: bytes });
      const same = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? same : { ...result, response: same };
    },
    async teardown() {
      await Promise.all(inFlight);
      await inner.teardown?.();
      log(
        `${counts.sent} rendered pages sent to the build process as rendered${counts.notSent ? `; ${counts.notSent} not (outside base, a path that does not decode, or no body): it reads from disk what is there` : ''}.`,
      );
    },
  };
}

/**
 * The wrapper for this process, or undefined when the tee is off (pagesToParentWanted), or when
 * `format` (Astro's `build.format`) is not 'directory', whose file names outputFileOf knows (then
 * `log` says so, and the parent reads every page from disk). `base`: Astro's `base`.
 */
export function pagesToParent({ base, format }: { base: string; format: string }, log: (message: string) => void): ((inner: AstroPrerenderer) => AstroPrerenderer) | undefined {
  if (!pagesToParentWanted()) return undefined;
  if (format !== 'directory') {
    log(`${PAGES_TO_PARENT_ENV}: pages are not sent with build.format "${format}" (only "directory"); the build process reads them from disk.`);
    return undefined;
  }
  const send = (message: PageMessage, done: () => void) => {
    // Node calls back once the message is written, or with the error when it cannot be (the parent
    // has gone); it is not retried: the parent reads that page from disk.
    try {
      if (!process.send) done();
      else process.send(message, undefined, {}, () => done());
    } catch {
      done();
    }
  };
  return (inner) => pagesToParentPrerenderer(inner, { base, send, log });
}
