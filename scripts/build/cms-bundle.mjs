/**
 * The CMS bundle (Decap CMS, React and admin/main.tsx, megabytes of
 * JavaScript that only /admin/ loads), built once per change of its inputs
 * and kept in node_modules/.cache/cms-bundle/<key>/ (issue 17: it was about
 * 5 s of Astro's client build on every build, although editors' content
 * never changes it).
 *
 * - The key is a SHA-256 of every file the bundle can be made from: admin/,
 *   src/, scripts/lib/ and content/i18n/ (the previews and the UI-string
 *   fields import those with import.meta.glob), the lockfiles (package-lock.json,
 *   and npm's node_modules/.package-lock.json, which changes whenever
 *   node_modules does), package.json, tsconfig.json and this file. Each
 *   file's path is hashed with its bytes, so adding, removing or renaming one
 *   changes the key too. Any change there builds the bundle again.
 * - After each build, every module the bundle was made from is checked to lie
 *   in those folders (or node_modules): an import from anywhere else fails
 *   the build, naming the file, so the key cannot silently miss an input.
 * - The files go into dist/_astro/ as `cms.<key>.js` and `cms-*.<hash>.js`:
 *   hashed names, like every file there (public/_headers caches /_astro/* for a
 *   year). src/pages/admin/index.astro loads the entry named in the
 *   CMS_BUNDLE_ENTRY environment variable, which buildSite() gives `astro build`.
 * - Builds are written to a temporary folder and renamed into place, so two
 *   builds at once (the bad-content tests) never read a half-written bundle.
 *
 * Built with Vite itself (the bundler Astro runs), with the same Decap patches
 * (admin/decap-build-patches.ts) and React's automatic JSX runtime (tsconfig.json).
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { NATIVE_ALLOCATOR_ENV } from '../lib/native-allocator.mjs';

/** The environment variable that tells the admin page its script (`/_astro/cms.<key>.js`). */
export const CMS_ENTRY_ENV = 'CMS_BUNDLE_ENTRY';

/** Folders whose every file is an input, relative to the project. */
export const CMS_INPUT_FOLDERS = ['admin', 'src', join('scripts', 'lib'), join('content', 'i18n')];
/** Single files that are inputs when they exist. */
const CMS_INPUT_FILES = ['package.json', 'package-lock.json', join('node_modules', '.package-lock.json'), 'tsconfig.json'];
const THIS_FILE = fileURLToPath(import.meta.url);
/**
 * Niceness of the process that builds the bundle beside `astro build` (cmsBundleInProcess). Measured on 2
 * cores with a cache miss (docs/build-speed.md, session 12): the site's own content, whole build 12.7–13.3 s
 * at 0, 12.0 s at 10, 12.3–12.5 s at 19 (the build then waits 1.8 s for the bundle after Astro); the peer
 * content, 30.5–32.2 s at 0, 28.9 s at 19, and 10 and 19 alike in two noisy pairs.
 */
const BUNDLE_NICENESS = 10;
/** How many bundles the cache keeps (the newest). */
const KEEP = 3;

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The cache key of a project's CMS bundle.
 * @param {string} root the project folder
 * @returns {{ key: string, inputs: number }} 16 hex digits of SHA-256, and how many files went into it
 */
export function cmsBundleKey(root) {
  root = resolve(root);
  const hash = createHash('sha256');
  const files = [...CMS_INPUT_FOLDERS.flatMap((folder) => filesUnder(join(root, folder))), ...CMS_INPUT_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))].sort();
  for (const file of files)
    hash
      .update(`${relative(root, file).split(sep).join('/')}\0`)
      .update(readFileSync(file))
      .update('\0');
  hash.update(readFileSync(THIS_FILE));
  return { key: hash.digest('hex').slice(0, 16), inputs: files.length + 1 };
}

/** Whether a module id (a path, or a virtual id) is one the key covers. */
function covered(root, id) {
  const path = id.split('?')[0];
  if (!path.startsWith('/')) return true; // Vite's and Rolldown's own virtual modules (\0…, vite/…)
  const inProject = relative(root, path).split(sep).join('/');
  if (inProject.startsWith('node_modules/') || inProject.includes('/node_modules/')) return true;
  if (!inProject.startsWith('..') && CMS_INPUT_FOLDERS.some((folder) => inProject.startsWith(`${folder.split(sep).join('/')}/`))) return true;
  // node_modules is linked into project copies: its real path lies outside the copy.
  return /\/node_modules\//.test(path);
}

/**
 * Builds the bundle into `dir` with Vite.
 * @returns {Promise<void>} rejects on a build error, or when a module comes from outside the key's inputs
 */
async function buildInto(root, dir, key) {
  const { build } = await import('vite');
  // The patches for the project being built (`root`), not for this script's own tree: they name
  // admin/collation.ts by path, so a build of a project copy (the fixture site, the bench) must
  // import the copy's, or its bundle would import a file outside its cache key.
  const { decapBuildPatches } = await import('../../admin/decap-build-patches.ts');
  // Every module loaded, even one whose exports are inlined and then dropped from the chunks' moduleIds.
  const loaded = new Set();
  const inputs = { name: 'cms-bundle-inputs', enforce: 'pre', load: (id) => void loaded.add(id) };
  await build({
    configFile: false,
    root,
    mode: 'production',
    // Decap's dependencies warn about eval and "use client" on every build, as under Astro, which shows errors only.
    logLevel: 'error',
    // Chunks load each other by these addresses.
    base: '/_astro/',
    plugins: [inputs, decapBuildPatches(root)],
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir: dir,
      emptyOutDir: true,
      // As Astro builds client scripts (astro/dist/core/build/vite-build-config.js).
      target: 'esnext',
      modulePreload: { polyfill: false },
      assetsDir: '',
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { cms: join(root, 'admin', 'main.tsx') },
        output: { hoistTransitiveImports: false, entryFileNames: `cms.${key}.js`, chunkFileNames: 'cms-[name].[hash].js', assetFileNames: 'cms-[name].[hash][extname]' },
      },
    },
  });
  const outside = [...loaded].filter((id) => !covered(root, id));
  if (outside.length) {
    throw new Error(
      `The CMS bundle imports files its cache key does not cover (scripts/build/cms-bundle.mjs, CMS_INPUT_FOLDERS):\n  - ${outside.map((id) => relative(root, id)).join('\n  - ')}`,
    );
  }
}

/** Removes bundles beyond the newest KEEP that no build used for an hour, and leftovers of interrupted builds older than an hour. */
function prune(cacheDir) {
  const now = Date.now();
  const entries = readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ path: join(cacheDir, e.name), partial: e.name.startsWith('.building-'), mtime: statSync(join(cacheDir, e.name)).mtimeMs }));
  for (const e of entries.filter((e) => e.partial && now - e.mtime > 3_600_000)) rmSync(e.path, { recursive: true, force: true });
  const done = entries.filter((e) => !e.partial).sort((a, b) => b.mtime - a.mtime);
  // Only bundles unused for an hour: another build running now (the bad-content tests run several) may be copying one.
  for (const e of done.slice(KEEP).filter((e) => now - e.mtime > 3_600_000)) rmSync(e.path, { recursive: true, force: true });
}

/**
 * The project's CMS bundle, from the cache or built now.
 * @param {string} root the project folder
 * @param {{ cacheDir?: string, key?: ReturnType<typeof cmsBundleKey> }} [options] where bundles are kept (default:
 *   <root>/node_modules/.cache/cms-bundle), and the key if already computed (cmsBundleKey(root))
 * @returns {Promise<{ key: string, dir: string, entry: string, cached: boolean, files: string[], inputs: number }>}
 *   `entry` is the address the admin page loads (/_astro/cms.<key>.js); `files`, the file names in `dir`
 */
export async function cmsBundle(root, { cacheDir = join(root, 'node_modules', '.cache', 'cms-bundle'), key: given } = {}) {
  const { key, inputs } = given ?? cmsBundleKey(resolve(root));
  const dir = join(cacheDir, key);
  const entry = `/_astro/cms.${key}.js`;
  const complete = join(dir, '.complete');
  let cached = existsSync(complete);
  if (!cached) {
    mkdirSync(cacheDir, { recursive: true });
    const building = join(cacheDir, `.building-${key}-${process.pid}-${Date.now()}`);
    try {
      await buildInto(resolve(root), building, key);
      writeFileSync(join(building, '.complete'), `${new Date().toISOString()}\n`);
      try {
        renameSync(building, dir);
      } catch (error) {
        // Another build of the same inputs finished first: keep its copy.
        if (!existsSync(complete)) throw error;
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    prune(cacheDir);
  } else {
    // Marks it as recently used, for prune().
    const now = new Date();
    utimesSync(dir, now, now);
  }
  const files = readdirSync(dir).filter((name) => !name.startsWith('.'));
  return { key, dir, entry, cached, files, inputs };
}

/**
 * Copies a bundle into the built site's _astro/ folder.
 * @param {{ dir: string, files: string[] }} bundle from cmsBundle()
 * @param {string} outDir the built site
 */
export function copyCmsBundle(bundle, outDir) {
  const assets = join(outDir, '_astro');
  mkdirSync(assets, { recursive: true });
  for (const name of bundle.files) cpSync(join(bundle.dir, name), join(assets, name));
}

/**
 * The environment of cmsBundleInProcess()'s child: `inherited` (this process's), with the job to do.
 * Rolldown without transparent huge pages, as for `astro build` (../lib/native-allocator.mjs): a cache
 * miss took 24 s beside Astro with them, 8-11 s without; a value in `inherited` wins.
 * @param {NodeJS.ProcessEnv} inherited
 * @param {string} root
 * @param {ReturnType<typeof cmsBundleKey>} key
 * @returns {NodeJS.ProcessEnv}
 */
export function cmsBundleEnvironment(inherited, root, key) {
  return { ...NATIVE_ALLOCATOR_ENV, ...inherited, CMS_BUNDLE_JOB: JSON.stringify({ root, key }) };
}

/**
 * cmsBundle() in a child process, so a build that fails early (a content problem) can stop it
 * instead of leaving Vite running: `cancel()` kills the process (a worker thread cannot be
 * stopped cleanly while Rolldown's own threads run), and `done` then rejects. The process runs at a
 * low CPU priority (BUNDLE_NICENESS), so that on a cache miss it takes mostly what Astro leaves idle.
 * @param {string} root
 * @param {ReturnType<typeof cmsBundleKey>} key
 * @returns {{ done: Promise<Awaited<ReturnType<typeof cmsBundle>>>, cancel: () => Promise<void> }}
 */
export function cmsBundleInProcess(root, key) {
  const child = fork(THIS_FILE, [], {
    env: cmsBundleEnvironment(process.env, root, key),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const done = new Promise((resolve, reject) => {
    child.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.bundle)));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`The CMS bundle's process stopped (${signal ?? `exit code ${code}`}) without a result.`)));
  });
  done.catch(() => {}); // reported by whoever awaits it, not as an unhandled rejection meanwhile
  return {
    done,
    cancel: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.env.CMS_BUNDLE_JOB && process.send && process.argv[1] === THIS_FILE) {
  const { root, key } = JSON.parse(process.env.CMS_BUNDLE_JOB);
  // A low CPU priority (BUNDLE_NICENESS; on Linux this thread and the threads it starts, Rolldown's
  // among them): the bundle is needed only after Astro, which it would otherwise slow down
  // (docs/build-speed.md, session 12).
  try {
    setPriority(BUNDLE_NICENESS);
  } catch {
    // Not allowed here: the bundle shares the cores as it did.
  }
  cmsBundle(root, { key })
    .then(
      (bundle) => ({ bundle }),
      (error) => ({ error: error instanceof Error ? error.message : String(error) }),
    )
    .then((message) => process.send?.(message, () => process.disconnect()));
}
