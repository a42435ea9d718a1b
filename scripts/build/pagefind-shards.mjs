/**
 * Pagefind on every core: the site's languages split over a few Pagefind
 * indexes, each in its own Pagefind process, written into one folder that is
 * byte for byte what one index of every language writes (issue 17).
 *
 * Why: Pagefind's service works on one message at a time (pagefind/src/service/mod.rs),
 * so one index of the whole site uses one core, and after `astro build` the build
 * waited for it alone (peer content, 2 cores: 2.7 s of indexing left over and 2.6 s
 * of writing, docs/build-speed.md). Pagefind's Node API starts one service per
 * JavaScript realm and does not expose it, so each shard is a worker thread with
 * its own copy of the API, and so its own process.
 *
 * Why the result is the same: Pagefind indexes each language on its own (its own
 * pages, numbered in the order given, its own index, meta and filter files; the
 * fragments' names are hashes of their content), so a shard writes exactly the
 * files of its languages that one index writes, plus the same shared files
 * (pagefind.js, the UI, the unknown language's WebAssembly). Only
 * pagefind-entry.json lists the languages: it is merged here, in Pagefind's
 * order (sorted by language). A shared file written differently by two shards
 * fails the write, so a Pagefind whose output stops being separable by language
 * cannot go unnoticed.
 *
 * A Pagefind process that dies (a panic, the out-of-memory killer) while a page or the write waits
 * for its reply: Pagefind's Node API (lib/service.js) never answers those requests, and the build
 * would wait for ever. While requests wait, the shards check every PROCESS_CHECK_MS that their
 * Pagefind processes still run (Linux, /proc), and fail every request with the reason if one has
 * stopped. Each shard's thread has its own environment with a mark of its own (SHARD_MARK=
 * "<this process's id>.<set>.<shard>"), which Pagefind's process inherits, so a shard's process is
 * the child of this process whose /proc/<id>/environ holds that mark: found exactly, whatever other
 * Pagefind processes start or end meanwhile, and two sets may run at once. (Until session 20 they
 * were the Pagefind children that had not run before the shards started, and a second set was refused.)
 *
 * close() waits (at most REAP_WAIT_MS) until each Pagefind process has exited and been reaped by its
 * worker thread before it ends the threads: a process ended with its thread unreaped stayed a zombie
 * until the build exited, and its CPU time never reached the build's own account of its children
 * (`getrusage(RUSAGE_CHILDREN)`, what `time -v` and the side-by-side harness report): on the peer
 * content ~6 core-seconds of Pagefind were missing from the build's CPU figure (issue 17, session 18).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';

const SHARD = 'pagefindShard';
const ENTRY = 'pagefind-entry.json';
/** How often, while requests wait, the shards check that their Pagefind processes still run. */
const PROCESS_CHECK_MS = 500;
/** How long close() waits for the Pagefind processes to exit and be reaped, in ms (Pagefind stops at once on SIGTERM). */
const REAP_WAIT_MS = 5000;
/** The environment variable that marks a shard's thread, and so its Pagefind process (see above). */
const SHARD_MARK = 'PAGEFIND_SHARD_MARK';
/** Sets of shards started in this process so far (part of each shard's mark). */
let sets = 0;

/**
 * "pid (comm) state ppid …" of /proc/<pid>/stat as [comm, state, parent pid]; comm may hold spaces
 * and brackets, so the fields are those after the last ")". Undefined when the process has gone.
 * @param {number | string} id
 * @returns {[string, string, number] | undefined}
 */
function processStat(id) {
  try {
    const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), state, Number(parent)];
  } catch {
    return undefined;
  }
}

/**
 * Whether process `id` is a Pagefind process of this process that still runs: not exited (Z, waiting to
 * be reaped) nor being reaped (X, x); see proc(5) /proc/pid/stat.
 * @param {number | string} id
 */
const runningPagefind = (id) => {
  const stat = processStat(id);
  return stat !== undefined && stat[0].startsWith('pagefind') && !'ZXx'.includes(stat[1]) && stat[2] === process.pid;
};

/**
 * The value of `name` in process `id`'s environment as it started (/proc/<id>/environ), or undefined
 * (gone, not readable, or not set).
 * @param {number | string} id
 * @param {string} name
 * @returns {string | undefined}
 */
function environmentValue(id, name) {
  try {
    const prefix = `${name}=`;
    return readFileSync(`/proc/${id}/environ`, 'latin1')
      .split('\0')
      .find((entry) => entry.startsWith(prefix))
      ?.slice(prefix.length);
  } catch {
    return undefined;
  }
}

/**
 * Resolves once none of `ids` is a child of this process any more (exited and reaped: its /proc entry
 * gone, or the id taken by another process), checking every 10 ms, or after `ms` milliseconds whatever
 * remains; at once where there is no /proc.
 * @param {number[]} ids
 * @param {number} ms
 * @returns {Promise<void>}
 */
async function reaped(ids, ms) {
  const until = performance.now() + ms;
  while (ids.some((id) => processStat(id)?.[2] === process.pid) && performance.now() < until) await new Promise((done) => setTimeout(done, 10));
}

/**
 * The ids of this process's Pagefind services that still run (`pagefind --service`, started by
 * Pagefind's Node API, which does not expose them), found among this process's children in /proc:
 * not one that has exited and waits to be reaped. With `marks`, only the process whose environment
 * holds each mark (SHARD_MARK), in the order of `marks`, and none for a mark no running process holds.
 * None where there is no /proc (not Linux).
 * @param {string[]} [marks]
 * @returns {number[]}
 */
export function pagefindProcessIds(marks) {
  const ids = [];
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return ids; // No /proc.
  }
  for (const name of names) if (/^\d+$/.test(name) && runningPagefind(name)) ids.push(Number(name));
  if (!marks) return ids;
  const byMark = new Map(ids.map((id) => [environmentValue(id, SHARD_MARK), id]));
  return marks.flatMap((mark) => byMark.get(mark) ?? []);
}

/**
 * @typedef {{ errors: string[], url: string | undefined }} Added what Pagefind said of a page: its errors, the URL it gave it
 * @typedef {{ url: string, meta: Record<string, string>, filters: Record<string, string[]> }} FragmentSummary a result's
 *   fragment (fragment/<name>.pf_fragment) without its text: its URL, meta (title, …) and filters
 * @typedef {object} Shards
 * @property {(language: string, url: string, content: string) => Promise<Added>} add the page to the shard of its
 *   language (the index key, e.g. "kmr-latn"); pages of one language keep the order in which they are added
 * @property {(outputPath: string) => Promise<{ errors: string[], fragments: Map<string, FragmentSummary> }>} write every
 *   shard's index, merged into `outputPath` once every page added has been indexed; a conflict between shards is an
 *   error, not a throw. `fragments`: every fragment written, by name without `.pf_fragment`, each read back by its
 *   shard's thread as soon as that shard has written (in parallel, instead of the build's main thread reading
 *   ~2,300 files after the last shard: 0.2 s at the end of the peer content's build, issue 17)
 * @property {() => Promise<void>} close stops every shard's Pagefind process and worker (once; calling it again waits for the same)
 * @property {number[]} processIds the shards' Pagefind processes, in shard order (pagefindProcessIds(marks); [] where there is no /proc)
 */

/**
 * Starts `count` shards (≥ 1), each a worker thread running Pagefind's Node API with `env` as its
 * environment (Pagefind reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE from it). `languages`: the index keys
 * in a fixed order; a language goes to shard `position % count`, so every build of the same site
 * splits it the same way. Resolves once every shard's Pagefind has started; rejects, naming the
 * reason, when one cannot (the others are stopped). Other sets may run at the same time: each
 * watches only its own processes (SHARD_MARK).
 * @param {{ count: number, languages: string[], env: NodeJS.ProcessEnv }} options
 * @returns {Promise<Shards>}
 */
export async function startShards({ count, languages, env }) {
  const set = sets++;
  const marks = Array.from({ length: Math.max(1, count) }, (_, shard) => `${process.pid}.${set}.${shard}`);
  const shards = marks.map((mark) => shardThread({ ...env, [SHARD_MARK]: mark }));
  /** The shards' Pagefind processes, once they have started (see below). @type {number[]} */
  let processIds = [];
  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () =>
    (closing ??= (async () => {
      await Promise.allSettled(shards.map((shard) => shard.ask({ close: true })));
      // Each thread's event loop reaps its own Pagefind process (libuv's waitpid) while it runs.
      await reaped(processIds, REAP_WAIT_MS);
      await Promise.all(shards.map((shard) => shard.worker.terminate()));
    })());
  const started = await Promise.all(shards.map((shard) => shard.ask({ start: true }))).catch((error) => ({ error }));
  const problem = 'error' in started ? String(started.error) : started.flatMap((errors) => errors).join('; ');
  if (problem) {
    await close();
    throw new Error(`Pagefind could not start: ${problem}`);
  }
  // Where /proc cannot be read (not Linux, or a host that hides it), none are found and none watched.
  processIds = pagefindProcessIds(marks);
  /** Requests waiting for a reply, and the check that runs while there are any. */
  let waiting = 0;
  /** @type {NodeJS.Timeout | undefined} */
  let checking;
  const check = () => {
    const stopped = processIds.filter((id) => !runningPagefind(id));
    if (stopped.length === 0 || closing) return;
    const error = new Error(
      `Pagefind's process ${stopped.join(', ')} stopped while the search index still waited for it (it crashed, or the system ran out of memory); its own output, if any, is above.`,
    );
    for (const shard of shards) shard.fail(error);
  };
  /** `ask` of one shard, with the processes checked while it waits. */
  const watched = (shard, message) => {
    waiting++;
    if (processIds.length > 0) checking ??= setInterval(check, PROCESS_CHECK_MS);
    return shard.ask(message).finally(() => {
      if (--waiting === 0) {
        clearInterval(checking);
        checking = undefined;
      }
    });
  };
  const shardOf = (language) => {
    const position = languages.indexOf(language);
    return shards[(position < 0 ? languages.length : position) % shards.length];
  };
  return {
    add: (language, url, content) => watched(shardOf(language), { add: { url, content } }),
    async write(outputPath) {
      const parts = shards.map((_, i) => join(outputPath, `.shard-${i}`));
      const written = await Promise.all(shards.map((shard, i) => watched(shard, { write: parts[i] })));
      const errors = written.flatMap((reply) => reply.errors);
      const fragments = new Map(written.flatMap((reply) => reply.fragments));
      if (errors.length) return { errors, fragments };
      try {
        mergeShards(parts, outputPath);
      } catch (error) {
        return { errors: [error instanceof Error ? error.message : String(error)], fragments };
      }
      return { errors: [], fragments };
    },
    close,
    processIds,
  };
}

/**
 * One shard's worker thread. `ask(message)` resolves with the worker's reply to it; it rejects, with the
 * reason, once the worker has stopped (an error, or it exited) or `fail(error)` was called: at once for a
 * message sent after that, and for every message still waiting for a reply, so that nothing waits for a
 * worker, or a Pagefind process, that is gone.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ worker: Worker, ask: (message: object) => Promise<any>, fail: (error: Error) => void }}
 */
export function shardThread(env) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { [SHARD]: true }, env });
  /** Reply handlers by message id. */
  const waiting = new Map();
  let nextId = 0;
  /** @type {Error | undefined} why the worker stopped */
  let stopped;
  const stop = (error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.on('message', ({ id, reply }) => {
    waiting.get(id)?.resolve(reply);
    waiting.delete(id);
  });
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`Pagefind's worker thread stopped (exit code ${code}).`)));
  const ask = (message) =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  return { worker, ask, fail: stop };
}

/**
 * Moves each shard's files from `parts` (folders) into `outputPath` and writes one pagefind-entry.json
 * listing every shard's languages, sorted as Pagefind sorts them. Throws if two shards wrote the same
 * file differently, or disagree on the entry's other fields (version, include_characters).
 * @param {string[]} parts
 * @param {string} outputPath
 */
export function mergeShards(parts, outputPath) {
  const entries = [];
  for (const part of parts) {
    for (const file of readdirSync(part, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const from = join(file.parentPath, file.name);
      const name = relative(part, from);
      if (name === ENTRY) {
        entries.push(JSON.parse(readFileSync(from, 'utf8')));
        continue;
      }
      const to = join(outputPath, name);
      if (existsSync(to)) {
        if (!readFileSync(to).equals(readFileSync(from))) throw new Error(`Pagefind's shards wrote ${name} differently; the index cannot be merged.`);
        continue;
      }
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    rmSync(part, { recursive: true, force: true });
  }
  const [first, ...rest] = entries;
  if (!first) throw new Error(`Pagefind wrote no ${ENTRY}.`);
  const others = ({ languages: _, ...fields }) => JSON.stringify(fields);
  if (rest.some((entry) => others(entry) !== others(first))) throw new Error(`Pagefind's shards wrote different ${ENTRY} fields: ${entries.map(others).join(' / ')}`);
  const languages = Object.fromEntries(entries.flatMap((entry) => Object.entries(entry.languages)).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(join(outputPath, ENTRY), JSON.stringify({ ...first, languages }));
}

/** Pagefind's mark at the start of each file it writes, under the gzip (its browser script, pagefind.js `decompress`, checks and strips it). */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * The fragments in `dir`/fragment, decoded, without their text: [name without .pf_fragment, { url, meta, filters }].
 * @param {string} dir a folder Pagefind wrote
 * @returns {[string, FragmentSummary][]}
 * @throws {Error} naming the file, when one is not a fragment as Pagefind 1 writes them
 */
export function readFragments(dir) {
  const folder = join(dir, 'fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => {
    const data = gunzipSync(readFileSync(join(folder, name)));
    if (data.subarray(0, FRAGMENT_SIGNATURE.length).toString('latin1') !== FRAGMENT_SIGNATURE)
      throw new Error(`${name} is not a Pagefind fragment (no "${FRAGMENT_SIGNATURE}" mark).`);
    const { url, meta = {}, filters = {} } = JSON.parse(data.subarray(FRAGMENT_SIGNATURE.length).toString('utf8'));
    return [name.replace(/\.pf_fragment$/, ''), { url, meta, filters }];
  });
}

/**
 * The worker: one Pagefind index, driven by messages { id, start | add | write | close }, each
 * answered with { id, reply }. Pages are handed to Pagefind in the order they come; `write` waits
 * for every page before Pagefind writes.
 */
async function shard() {
  const pagefind = await import('pagefind');
  /** @type {import('pagefind').PagefindIndex | undefined} */
  let index;
  const pending = [];
  parentPort?.on('message', async ({ id, start, add, write, close }) => {
    let reply;
    try {
      if (start) {
        const started = await pagefind.createIndex({});
        index = started.index ?? undefined;
        reply = index ? [] : started.errors;
      } else if (add) {
        if (!index) throw new Error('Pagefind has not started');
        const added = index.addHTMLFile(add);
        pending.push(added);
        const result = await added;
        reply = { errors: result.errors, url: result.file?.url };
      } else if (write) {
        if (!index) throw new Error('Pagefind has not started');
        await Promise.allSettled(pending);
        const written = await index.writeFiles({ outputPath: write });
        reply = { errors: written.errors, fragments: written.errors.length ? [] : readFragments(write) };
      } else if (close) {
        await pagefind.close();
        reply = true;
      }
    } catch (error) {
      // Pagefind's process stopped: the page or the write fails with the reason.
      const reason = error instanceof Error ? error.message : String(error);
      reply = start ? [reason] : write ? { errors: [reason], fragments: [] } : { errors: [reason], url: undefined };
    }
    parentPort?.postMessage({ id, reply });
  });
}

if (!isMainThread && workerData?.[SHARD]) await shard();
