/**
 * The site's Markdown processor (astro.config.mjs `markdown.processor`): Sätteri with the site's
 * plugins (./markdown-pipeline.ts), its bodies rendered in worker threads (issue 17).
 *
 * Reasoning: Astro renders every Markdown body while it syncs the content (its glob loader, ten
 * files at a time), all on one thread: on the peer content (2,100 pages of 610–870 words) the sync
 * took 6.4 s with the second core idle, about 2.6 s of it Sätteri and our plugins
 * (docs/build-speed.md, "Session 13"). Astro waits for each body's `render()` promise, so a
 * renderer that hands the body to a worker lets the main thread read, parse and validate the next
 * files meanwhile. Astro's `markdown.processor` is the extension point for this: a processor is
 * `{ name, options, createRenderer(shared) }`, and a third-party one may implement it
 * (`MarkdownProcessor` in @astrojs/internal-helpers/markdown).
 *
 * Every worker builds the same pipeline as the main thread (Sätteri's own renderer,
 * `createSatteriMarkdownProcessor`, with `markdownPlugins()`), so a body renders to the same HTML,
 * headings and image paths wherever it runs; tests/content/markdown-pipeline.content.test.ts
 * renders every body of content/ both ways and compares. An error thrown while rendering (the
 * sanitiser refusing a body) comes back with its message, which Astro's loader reports with the
 * file (./strict-glob.ts then fails the build).
 *
 * Threads: a Piscina pool (a maintained worker-thread pool: queueing, idle threads stopped and
 * unreferenced, a crashed thread's task failed), `MARKDOWN_WORKERS` threads (default: one per core
 * but one, at most 4, none on a single core; 0 renders in the main thread: markdownWorkerCount). On 2
 * cores, `astro sync` of the peer content (session 13, when the sanitiser built every body's whole
 * tree): 6.2–6.4 s in the main thread, 5.6–5.9 s with 1 worker, 5.1–5.2 s with 2; since plain
 * bodies are cleaned element by element (session 16) one worker is the faster. Threads start with
 * the first body and stop after `IDLE_MS` without one, so they do not hold memory while Astro
 * renders the pages.
 */
import { availableParallelism } from 'node:os';
import { satteri, type SatteriFeatures } from '@astrojs/markdown-satteri';
import { Piscina } from 'piscina';
import { markdownPlugins, projectRealPath } from './markdown-pipeline.ts';

type MarkdownProcessor = ReturnType<typeof satteri>;
type SharedOptions = Parameters<MarkdownProcessor['createRenderer']>[0];
type MarkdownRenderer = Awaited<ReturnType<MarkdownProcessor['createRenderer']>>;
type RenderOptions = NonNullable<Parameters<MarkdownRenderer['render']>[1]>;
type RenderResult = Awaited<ReturnType<MarkdownRenderer['render']>>;

/** What a worker is started with: enough to build the same pipeline (functions cannot be sent). */
export interface MarkdownWorkerData {
  projectRoot: string;
  features: SatteriFeatures;
  /** Astro's shared Markdown options, as far as Sätteri's renderer reads them. */
  shared: SharedOptions;
}
/** A body to render, as the worker receives it: `fileURL` as its href (a URL object cannot be sent). */
export interface MarkdownTask {
  content: string;
  frontmatter: RenderOptions['frontmatter'];
  fileURL: string | undefined;
}
export type { RenderResult as MarkdownTaskResult };

/** A thread stops after this long without a body to render (ms). */
export const IDLE_MS = 1000;

/**
 * How many worker threads render Markdown: MARKDOWN_WORKERS, else one per core but one, which
 * Astro's main thread needs while the bodies render (it reads, parses and validates the next
 * files), at most 4; none on one core.
 * Measured on 2 cores, peer content, since plain bodies are sanitised element by element (session
 * 16): content sync 3.34-3.46 s with one thread, 3.63-3.81 s with two, 4.01-4.17 s with none.
 * @param env the environment (MARKDOWN_WORKERS: a whole number from 0 to 16)
 * @param cores the machine's cores, as Node counts them
 * @throws Error naming MARKDOWN_WORKERS when it is not such a number
 */
export function markdownWorkerCount(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const set = env.MARKDOWN_WORKERS;
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 0 || n > 16) throw new Error(`MARKDOWN_WORKERS must be a whole number from 0 to 16 (found "${set}").`);
    return n;
  }
  return cores < 2 ? 0 : Math.min(cores - 1, 4);
}

/**
 * The site's Markdown processor for astro.config.mjs: Sätteri with `markdownPlugins()`, rendering
 * in `workers` worker threads (0: in the calling thread, exactly `satteri()`).
 * @param options.projectRoot the project folder, absolute, ending in a slash (body images must stay inside public/ and content/)
 * @param options.features Sätteri's Markdown features, as for `satteri({ features })`
 * @param options.workers threads; default markdownWorkerCount()
 * @returns a processor named "satteri" whose `options` are the main thread's plugins (what `satteri()` would hold)
 */
export function satteriInWorkers({
  projectRoot,
  features,
  workers = markdownWorkerCount(),
}: {
  projectRoot: string;
  features: SatteriFeatures;
  workers?: number;
}): MarkdownProcessor {
  const inThread = satteri({ features, ...markdownPlugins({ projectRoot, realPath: projectRealPath(projectRoot) }) });
  if (workers === 0) return inThread;
  const made = { mdastPlugins: [...inThread.options.mdastPlugins], hastPlugins: [...inThread.options.hastPlugins], features: JSON.stringify(inThread.options.features) };
  return {
    ...inThread,
    createRenderer: async (shared: SharedOptions) => {
      // An integration may change `processor.options` (Astro's MarkdownProcessor allows it); the threads build the
      // pipeline from markdownPlugins() and would not see the change, so such a pipeline renders in this thread.
      const { mdastPlugins, hastPlugins } = inThread.options;
      const unchanged = sameEntries(mdastPlugins, made.mdastPlugins) && sameEntries(hastPlugins, made.hastPlugins) && JSON.stringify(inThread.options.features) === made.features;
      if (!unchanged) {
        console.warn('[markdown] The Markdown plugins or features were changed after the processor was made: bodies render in the main thread (src/lib/markdown-workers.ts).');
        return inThread.createRenderer(shared);
      }
      return workerRenderer({ projectRoot, features, shared: sendable(shared) }, workers);
    },
  };
}

const sameEntries = (list: readonly unknown[], made: readonly unknown[]) => list.length === made.length && list.every((entry, i) => entry === made[i]);

/** Astro's shared options as a worker can receive them; fails, saying what to do, if a value cannot be sent. */
function sendable(shared: SharedOptions): SharedOptions {
  const { syntaxHighlight, shikiConfig, gfm, smartypants, image } = shared;
  const picked: SharedOptions = { syntaxHighlight, gfm, smartypants, image: { domains: image?.domains ?? [], remotePatterns: image?.remotePatterns ?? [] } };
  // Shiki's settings only matter when it colours code (the site turns it off: its style attributes break the CSP).
  if (syntaxHighlight !== false) picked.shikiConfig = shikiConfig;
  try {
    return structuredClone(picked);
  } catch (error) {
    throw new Error(`The Markdown options cannot be sent to a worker thread (${(error as Error).message}); set MARKDOWN_WORKERS=0 to render in the main thread.`, { cause: error });
  }
}

/**
 * Astro makes a renderer per collection; they share one pool per pipeline, so that the bodies of every
 * collection go to the same threads.
 */
const pools = new Map<string, Piscina<MarkdownTask, RenderResult>>();

/**
 * A renderer over the pool for this pipeline (made on first use): `render()` resolves with what the
 * thread's Sätteri renderer gave, or rejects with the error it threw (its message kept); if a thread
 * stops while rendering, Piscina rejects that body's promise.
 * @param data what each thread builds its pipeline from
 * @param count threads at most; a thread starts when a body waits and stops after IDLE_MS idle
 */
function workerRenderer(data: MarkdownWorkerData, count: number): MarkdownRenderer {
  const key = JSON.stringify([data, count]);
  let pool = pools.get(key);
  if (!pool) {
    pool = new Piscina({
      filename: new URL('./markdown-worker.ts', import.meta.url).href,
      workerData: data,
      minThreads: 0,
      maxThreads: count,
      idleTimeout: IDLE_MS,
      // Several bodies queued in each thread, and no Atomics wait between them: a thread goes on with
      // the next body while the main thread is busy reading and validating files (astro sync of the peer
      // content: 5.5 s with one body at a time, 5.1–5.2 s like this).
      concurrentTasksPerWorker: 5,
      atomics: 'disabled',
    });
    pools.set(key, pool);
  }
  const threads = pool;
  return {
    render: (content: string, options: RenderOptions = {}) => threads.run({ content, frontmatter: options.frontmatter, fileURL: options.fileURL?.href }),
  };
}
