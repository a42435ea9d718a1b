/**
 * `astro build` renders the pages on more than one core: the main process and `workers` child
 * processes (src/integrations/prerender-worker.ts), each with the same built app.
 *
 * Reasoning (issue 17, docs/build-speed.md): Astro 7.3 renders the 2,313 pages of the peer content
 * on one core while the other waits. Astro 7.4 adds `experimental.parallelPrerender`; 7.3.5 (the
 * newest on npm) already lets an integration replace the prerenderer (`setPrerenderer` in
 * `astro:build:start`) and, with `build.concurrency` > 1, asks it for several pages at once
 * (astro/dist/core/build/generate.js `generatePages`). Astro keeps everything else: it lists the
 * pages (`getStaticPaths` runs in the main process only), writes every file, logs, and generates
 * images; a worker only turns (URL, route) into status, headers and body bytes.
 *
 * - Child processes, not worker threads: each has its own heap, so the largest process (what the
 *   benchmark compares with Starlight) does not grow; and module state (our per-build indexes in
 *   src/lib/entries.ts, the material PDFs' typesetter) is simply built again there, from the same
 *   content store, with the same values.
 * - Which process renders a page does not change its bytes: the worker gives Astro's build
 *   environment exactly what `headElements` reads (each page's styles from `allPages`, which are
 *   Astro's `internals.pagesByKeys`; the injected inline scripts) and fails the build at setup if
 *   the site has something it cannot give (a `page` script: its bundle name is only in internals).
 *   Proof: `dist/` of a build with and without workers is byte-identical (docs/build-speed.md).
 * - A page that uses an `astro:assets` image is rendered by the main process (the worker file says
 *   why), and so is everything when Astro collects incremental-build metadata.
 * - A worker's error fails the build as Astro's own would: Astro logs "Caught error rendering
 *   <path>" with the error's message, stack and hint, and stops. A worker that exits fails every
 *   page it was given.
 * - Files written while rendering: a material PDF is typeset when a page first needs it, in the
 *   process rendering that page, and cached by content hash (src/lib/material-pdf/typst-compile.ts);
 *   two processes may typeset the same PDF at once: each writes under a temporary name of its own
 *   (pid) and renames, and the bytes are the same. Each other endpoint is one page, rendered once.
 *
 * Off unless `PRERENDER_WORKERS` is set to a number of workers (issue 17, docs/build-speed.md,
 * session 9): on this project's 2-core build machine, shared and under load, one worker made no
 * build faster (rendering 8.9–10.7 s against 9.4 s without) and cost 9–14 s more CPU and ~400 MB in a
 * second process: a page takes ~2.5 ms to render, and each process must first load the 40 MB content
 * store and list the pages, then the main process still requests, receives and writes every page.
 * Kept, tested and byte-identical for a machine with idle cores, where that may differ: measure
 * before turning it on.
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { pagesToParent } from './pages-to-parent.ts';
import { withTypesettingLast } from './render-order.ts';

/** Pages a worker is given before it finishes one: the next ones wait there, so it never idles on the main process. */
const PAGES_PER_WORKER = 3;
/** Pages the main process renders at once: while one is written to disk, it renders the other. */
const PAGES_IN_MAIN = 2;
const WORKER_FILE = new URL('./prerender-worker.ts', import.meta.url);

/** What of Astro's build app this integration uses (astro/dist/core/build/app.js, `BuildApp`). */
interface BuildApp {
  manifest: { routes: { routeData: RouteData }[] };
  getOptions(): BuildOptions;
}
/** What of Astro's build options it uses (astro/dist/core/build/types.d.ts, `StaticBuildOptions`). */
interface BuildOptions {
  allPages: Record<string, { key: string; route: RouteData; component: string; styles: unknown[] }>;
  settings: { scripts: { stage: string; content: string }[]; config: { outDir: URL } };
  logger: { options: { destination: { write(event: unknown): unknown } } };
}

interface Pending {
  pathname: string;
  resolve(response: Response): void;
  reject(error: Error): void;
  inMain(): void;
}

/** One child process and the pages it has been given. */
interface Worker {
  child: ChildProcess;
  pending: Map<number, Pending>;
  exited: boolean;
  /** Called with the worker's peak resident memory (kB) when it answers `usage`. */
  onUsage?: (maxRSS: number) => void;
}

/** The number of workers: PRERENDER_WORKERS ("max": the machine's cores minus one), else 0 (Astro renders alone). */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.PRERENDER_WORKERS;
  if (set === undefined || set === '') return 0;
  if (set === 'max') return Math.max(0, availableParallelism() - 1);
  if (!/^\d+$/.test(set)) throw new Error(`PRERENDER_WORKERS must be a whole number of worker processes (0 or more) or "max", not ${JSON.stringify(set)}.`);
  return Number(set);
}

/**
 * Astro's prerender entry, `<server output>/.prerender/prerender-entry.<hash>.mjs`
 * (astro/dist/prerender/utils.js `getPrerenderOutputDirectory`, core/build/static-build.js
 * `getPrerenderEntryFileName`). Astro keeps its name in build internals, which integrations do not
 * see, so it is found on disk: exactly one such file, or the build fails saying Astro changed.
 */
function prerenderEntryUrl(outDir: URL): string {
  // A static build's server output is outDir when outDir lies inside the working directory, else
  // ./.astro/ (astro/dist/core/build/common.js `getOutDirWithinCwd`).
  const serverDir = fileURLToPath(outDir).startsWith(process.cwd()) ? outDir : new URL('./.astro/', pathToFileURL(`${process.cwd()}/`));
  const dir = new URL('./.prerender/', serverDir);
  const entries = existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('prerender-entry') && name.endsWith('.mjs')) : [];
  if (entries.length !== 1) {
    throw new Error(
      `src/integrations/parallel-prerender.ts: expected one prerender-entry*.mjs in ${fileURLToPath(dir)}, found ${entries.length}. ` +
        'Astro has changed where it writes its prerender entry; update prerenderEntryUrl() or set PRERENDER_WORKERS=0.',
    );
  }
  return new URL(entries[0] as string, dir).href;
}

/** Routes numbered in the manifest's order, then each route's fallbacks: the same numbers in every process. */
function routeIds(app: BuildApp): Map<RouteData, string> {
  const ids = new Map<RouteData, string>();
  app.manifest.routes.forEach(({ routeData }, i) => {
    ids.set(routeData, `${i}`);
    routeData.fallbackRoutes.forEach((fallback, j) => ids.set(fallback, `${i}.${j}`));
  });
  return ids;
}

/** A worker's peak resident memory in kB, or undefined if it has exited or does not answer within a second. */
function peakMemory(worker: Worker): Promise<number | undefined> {
  if (worker.exited || !worker.child.connected) return Promise.resolve(undefined);
  return new Promise((done) => {
    const timer = setTimeout(() => done(undefined), 1000);
    worker.onUsage = (maxRSS) => {
      clearTimeout(timer);
      done(maxRSS);
    };
    worker.child.send({ type: 'usage' });
  });
}

/** An error from a worker, with its message, stack and Astro's fields, as Astro's build prints it. */
function errorFrom(data: Record<string, unknown>): Error {
  const error = new Error(String(data.message));
  Object.assign(error, data);
  return error;
}

/** The prerenderer: Astro's own (`main`) for the page list and any page a worker cannot take, and `count` workers. */
export function parallelPrerenderer(main: AstroPrerenderer, count: number, log: (message: string) => void = () => {}): AstroPrerenderer {
  const workers: Worker[] = [];
  /** Pages rendered by a worker, by the main process, and of those handed back by a worker (images). */
  const rendered = { inWorkers: 0, inMain: 0, handedBack: 0 };
  let ids: Map<RouteData, string> | undefined;
  let nextId = 0;

  function startWorker(init: Serializable): Worker {
    const child = fork(fileURLToPath(WORKER_FILE), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const worker: Worker = { child, pending: new Map(), exited: false };
    child.on('message', (message: { type: string; id: number; [field: string]: unknown }) => {
      if (message.type === 'log') {
        mainOptions().logger.options.destination.write(message.event);
        return;
      }
      if (message.type === 'usage') {
        worker.onUsage?.(message.maxRSS as number);
        return;
      }
      const page = worker.pending.get(message.id);
      if (!page) return;
      worker.pending.delete(message.id);
      if (message.type === 'rendered') {
        const { status, statusText, headers, body } = message as unknown as { status: number; statusText: string; headers: [string, string][]; body: Uint8Array | null };
        page.resolve(new Response(body as BodyInit | null, { status, statusText, headers }));
      } else if (message.type === 'inMain') page.inMain();
      else page.reject(errorFrom(message.error as Record<string, unknown>));
    });
    child.on('exit', (code, signal) => {
      worker.exited = true;
      for (const page of worker.pending.values()) {
        page.reject(new Error(`The prerender worker (process ${child.pid}) exited (${signal ?? `code ${code}`}) while rendering ${page.pathname}.`));
      }
      worker.pending.clear();
    });
    child.send(init);
    return worker;
  }

  function mainApp(): BuildApp {
    const app = (main as AstroPrerenderer & { app?: BuildApp }).app;
    if (!app?.manifest || typeof app.getOptions !== 'function') {
      throw new Error("src/integrations/parallel-prerender.ts: Astro's default prerenderer no longer exposes its app; update this integration or set PRERENDER_WORKERS=0.");
    }
    return app;
  }
  const mainOptions = () => mainApp().getOptions();

  return {
    name: 'parallel-prerender',
    async setup() {
      await main.setup?.();
      const app = mainApp();
      const options = app.getOptions();
      const scripts = options.settings.scripts;
      const unsupported = scripts.filter((script) => script.stage !== 'head-inline');
      if (unsupported.some((script) => script.stage === 'page')) {
        throw new Error('src/integrations/parallel-prerender.ts: an integration injects a "page" script, whose bundle the workers cannot name; set PRERENDER_WORKERS=0.');
      }
      ids = routeIds(app);
      const init = {
        type: 'init',
        entryUrl: prerenderEntryUrl(options.settings.config.outDir),
        pages: Object.values(options.allPages).map((page) => ({ key: page.key, styles: page.styles })),
        inlineScripts: scripts.filter((script) => script.stage === 'head-inline').map((script) => script.content),
      };
      // Started now, so that they load the app while the main process lists the pages.
      for (let i = 0; i < count; i++) workers.push(startWorker(init));
    },
    getStaticPaths: () => main.getStaticPaths(),
    render(request, options) {
      const pathname = new URL(request.url).pathname;
      const id = ids?.get(options.routeData);
      const free = workers.filter((worker) => !worker.exited && worker.pending.size < PAGES_PER_WORKER).sort((a, b) => a.pending.size - b.pending.size)[0];
      if (options.collectMetadata || id === undefined || !free) {
        rendered.inMain++;
        return main.render(request, options);
      }
      rendered.inWorkers++;
      return new Promise<Response>((resolve, reject) => {
        const messageId = nextId++;
        free.pending.set(messageId, {
          pathname,
          resolve,
          reject,
          inMain: () => {
            rendered.inWorkers--;
            rendered.inMain++;
            rendered.handedBack++;
            main.render(request, options).then(resolve as (value: unknown) => void, reject);
          },
        });
        free.child.send({ type: 'render', id: messageId, url: request.url, route: id });
      });
    },
    async teardown() {
      const peaks = await Promise.all(workers.map((worker) => peakMemory(worker)));
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((done) => {
              if (worker.exited) return done();
              worker.child.once('exit', () => done());
              if (worker.child.connected) worker.child.disconnect();
              // A worker still busy after the build is done or failed is stopped.
              setTimeout(() => worker.child.kill(), 5000).unref();
            }),
        ),
      );
      await main.teardown?.();
      const mb = (kB: number) => `${Math.round((kB * 1024) / 1e6)} MB`;
      log(
        `${rendered.inMain} pages rendered in the main process (${rendered.handedBack} of them handed back: images), ${rendered.inWorkers} in ${count} worker process${count === 1 ? '' : 'es'}; ` +
          `peak memory (RSS): main process ${mb(process.resourceUsage().maxRSS)} so far, worker${count === 1 ? '' : 's'} ${peaks.map((kB) => (kB === undefined ? 'unknown' : mb(kB))).join(', ')}.`,
      );
    },
  };
}

/**
 * The integration: `build.concurrency` so that Astro asks for several pages at once, and the
 * prerenderer. The one place that sets Astro's prerenderer (Astro keeps the last one set): the
 * parallel one when PRERENDER_WORKERS asks for it, else Astro's own, with the pages that typeset
 * material PDFs asked for last (./render-order.ts), wrapped so that each rendered page also goes to
 * the build process when PAGES_TO_PARENT asks for that (./pages-to-parent.ts).
 */
export function parallelPrerender(): AstroIntegration {
  let count = 0;
  /** Astro's resolved config, for the pages' file names (./pages-to-parent.ts). */
  let site: { base: string; format: string } = { base: '/', format: 'directory' };
  return {
    name: 'parallel-prerender',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        count = workerCount();
        if (count === 0) return;
        if (!existsSync(WORKER_FILE)) throw new Error(`src/integrations/parallel-prerender.ts: the worker ${fileURLToPath(WORKER_FILE)} is missing.`);
        // PAGES_IN_MAIN in the main process and PAGES_PER_WORKER in each worker: no core waits for the others.
        updateConfig({ build: { concurrency: PAGES_IN_MAIN + count * PAGES_PER_WORKER } });
      },
      'astro:config:done': ({ config }) => {
        site = { base: config.base, format: config.build.format };
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const log = (message: string) => logger.info(message);
        const tee = pagesToParent(site, log);
        // Set in every build now (before, only with workers or the tee). Astro drops its own prerender entry
        // when a prerenderer is set and a non-legacy adapter is present (astro/dist/core/build/vite-build-config.js):
        // a site that adds such an adapter must check that Astro's default prerenderer still finds its entry.
        setPrerenderer((main) => {
          // The pages that typeset material PDFs asked for last (./render-order.ts).
          const prerenderer = withTypesettingLast(count > 0 ? parallelPrerenderer(main, count, log) : main);
          return tee ? tee(prerenderer) : prerenderer;
        });
      },
    },
  };
}
