/**
 * Pagefind on several cores (./pagefind-shards.mjs): the languages split over
 * shards, each its own Pagefind process, write the same files, byte for byte,
 * as one index of every language; a conflict between shards fails the write
 * (issue 17; docs/build-speed.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mergeShards, pagefindProcessIds, shardThread, startShards } from './pagefind-shards.mjs';

/** Every file under `dir` with its SHA-256, sorted. */
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => `${relative(dir, file)} ${createHash('sha256').update(readFileSync(file)).digest('hex')}`);

const LANGUAGES = ['ar', 'en', 'fa', 'kmr-latn', 'ru', 'tr'];
const WORDS = ['yardım', 'passport', 'جواز', 'паспорт', 'alîkarî', 'پاسپورت', 'school', 'hukuk'];

/** Four pages per language, in an order that mixes the languages, each text its own. */
const pages = LANGUAGES.flatMap((lang, l) =>
  [0, 1, 2, 3].map((n) => ({
    lang,
    url: `/${lang}/page-${n}/`,
    content: `<!doctype html><html lang="${lang}"><head><title>${lang} ${n}</title></head><body><main data-pagefind-body><h1>${lang} ${n}</h1><p>${Array.from({ length: 30 + n * 7 + l }, (_, i) => WORDS[(i * 5 + n + l) % WORDS.length]).join(' ')}</p></main></body></html>`,
  })),
).sort((a, b) => (a.url.split('-')[1] ?? '').localeCompare(b.url.split('-')[1] ?? ''));

/** The index of `pages` written by `count` shards into a new folder under `root`. */
async function written(root: string, count: number) {
  const shards = await startShards({ count, languages: LANGUAGES, env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '50' } });
  try {
    const added = await Promise.all(pages.map((page) => shards.add(page.lang, page.url, page.content)));
    assert.deepEqual(
      added.map((a) => a.errors),
      pages.map(() => []),
    );
    assert.deepEqual(
      added.map((a) => a.url),
      pages.map((p) => p.url),
      'each page at its own URL',
    );
    const outputPath = join(root, `shards-${count}`);
    const { errors, fragments } = await shards.write(outputPath);
    assert.deepEqual(errors, []);
    return { outputPath, fragments };
  } finally {
    await shards.close();
  }
}

test('startShards: three shards write what one writes, every file byte for byte, and one pagefind-entry.json of every language', async () => {
  const root = mkdtempSync(join(tmpdir(), 'pagefind-shards-'));
  try {
    const { outputPath: one, fragments: fromOne } = await written(root, 1);
    const { outputPath: three, fragments } = await written(root, 3);
    const files = tree(three);
    assert.ok(files.some((f) => f.startsWith('fragment/')) && files.some((f) => f.startsWith('index/')), 'fragments and index chunks');
    assert.deepEqual(files, tree(one));
    assert.ok(files.filter((f) => f.startsWith('index/')).length > LANGUAGES.length, 'the chunk size given in `env` reached Pagefind: more than one index chunk per language');
    const entry = JSON.parse(readFileSync(join(three, 'pagefind-entry.json'), 'utf8'));
    assert.deepEqual(Object.keys(entry.languages), LANGUAGES);
    // Each fragment written, read back by its shard: its name, URL, title and filters, as the file says.
    const names = readdirSync(join(three, 'fragment')).map((name) => name.replace(/\.pf_fragment$/, ''));
    assert.deepEqual([...fragments.keys()].sort(), names.sort());
    assert.equal(names.length, pages.length);
    for (const name of names) {
      const file = JSON.parse(
        gunzipSync(readFileSync(join(three, 'fragment', `${name}.pf_fragment`)))
          .subarray('pagefind_dcd'.length)
          .toString('utf8'),
      );
      assert.deepEqual(fragments.get(name), { url: file.url, meta: file.meta, filters: file.filters });
    }
    assert.deepEqual([...fragments.values()].map((f) => `${f.url} ${f.meta.title}`).sort(), pages.map((p) => `${p.url} ${p.lang} ${/page-(\d)/.exec(p.url)?.[1]}`).sort());
    assert.deepEqual(new Map([...fromOne].sort()), new Map([...fragments].sort()));
    assert.deepEqual(
      readdirSync(three).filter((name) => name.startsWith('.shard-')),
      [],
      'the shards’ own folders are gone',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('mergeShards: a file two shards wrote differently, or entries that disagree beyond their languages, fail the merge', () => {
  const root = mkdtempSync(join(tmpdir(), 'pagefind-merge-'));
  const shard = (name: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, name, file, '..'), { recursive: true });
      writeFileSync(join(root, name, file), text);
    }
    return join(root, name);
  };
  const entry = (languages: Record<string, unknown>, version = '1.6.0') => JSON.stringify({ version, languages, include_characters: ['_'] });
  try {
    const out = join(root, 'out-ok');
    mergeShards(
      [
        shard('ok-0', { 'pagefind.js': 'same', 'fragment/tr_1.pf_fragment': 'tr', 'pagefind-entry.json': entry({ tr: { page_count: 1 } }) }),
        shard('ok-1', { 'pagefind.js': 'same', 'pagefind-entry.json': entry({ ar: { page_count: 2 } }) }),
      ],
      out,
    );
    assert.equal(readFileSync(join(out, 'pagefind-entry.json'), 'utf8'), entry({ ar: { page_count: 2 }, tr: { page_count: 1 } }), 'languages sorted, as Pagefind writes them');
    assert.equal(readFileSync(join(out, 'fragment', 'tr_1.pf_fragment'), 'utf8'), 'tr');

    assert.throws(
      () =>
        mergeShards(
          [shard('a-0', { 'pagefind.js': 'one', 'pagefind-entry.json': entry({}) }), shard('a-1', { 'pagefind.js': 'two', 'pagefind-entry.json': entry({}) })],
          join(root, 'out-a'),
        ),
      /wrote pagefind\.js differently/,
    );
    assert.throws(
      () => mergeShards([shard('b-0', { 'pagefind-entry.json': entry({ tr: {} }) }), shard('b-1', { 'pagefind-entry.json': entry({ ar: {} }, '9.9.9') })], join(root, 'out-b')),
      /different pagefind-entry\.json fields/,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('startShards: after close() every request fails at once with the reason, close() again is the same close, and no Pagefind process is left, not even exited and unreaped', async () => {
  const shards = await startShards({ count: 2, languages: LANGUAGES, env: process.env });
  let closing: Promise<void> | undefined;
  try {
    assert.equal(shards.processIds.length, 2);
    // Pagefind held still, so that it exits only after its threads would have been ended without the
    // wait in close(): a process that exits then is never reaped, and its CPU time never counts in this
    // process's children's (what `time -v` reports of a build).
    for (const id of shards.processIds) process.kill(id, 'SIGSTOP');
    const resume = new Promise((done) => setTimeout(done, 300)).then(() => {
      for (const id of shards.processIds) {
        try {
          process.kill(id, 'SIGCONT');
        } catch (error) {
          // Already gone: close()'s SIGTERM sometimes ends a stopped Pagefind at once (about one run
          // in five here; a CI run failed on it, session 20). The checks below hold either way.
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
        }
      }
    });
    closing = shards.close();
    assert.equal(shards.close(), closing, 'one close, however often asked');
    await closing;
    await resume;
  } finally {
    // Closed whatever failed above, so that a failure here is not also every later test's.
    await (closing ?? shards.close());
  }
  await new Promise((done) => setTimeout(done, 300));
  for (const id of shards.processIds) assert.equal(existsSync(`/proc/${id}`), false, `Pagefind process ${id} has exited and been reaped`);
  await assert.rejects(shards.add('tr', '/tr/x/', '<html lang="tr"><body><main data-pagefind-body><p>yardım</p></main></body></html>'), /worker thread stopped/);
  await assert.rejects(shards.write(join(tmpdir(), 'pagefind-never-written')), /worker thread stopped/);
});

test(
  'startShards: each set finds its own Pagefind processes; one killed while a page waits for it fails every request with the reason, instead of waiting for ever',
  { timeout: 30_000 },
  async () => {
    const before = pagefindProcessIds();
    const shards = await startShards({ count: 2, languages: LANGUAGES, env: process.env });
    try {
      assert.equal(shards.processIds.length, 2, 'one Pagefind process per shard, found in /proc');
      assert.deepEqual(
        pagefindProcessIds()
          .filter((id) => !before.includes(id))
          .sort(),
        [...shards.processIds].sort(),
      );
      // A second set started meanwhile finds only its own process, and its close leaves this set's running.
      const other = await startShards({ count: 1, languages: LANGUAGES, env: process.env });
      assert.equal(other.processIds.length, 1);
      assert.ok(!shards.processIds.includes(other.processIds[0] ?? 0), 'the second set’s process is its own');
      await other.close();
      assert.deepEqual(
        pagefindProcessIds()
          .filter((id) => shards.processIds.includes(id))
          .sort(),
        [...shards.processIds].sort(),
        'this set’s processes still run',
      );
      // Pagefind held still, a page sent (it fits in the pipe, so nothing is left to write), then the
      // processes killed: Pagefind's Node API never answers that page, and without the check the
      // build would wait for ever (the test's timeout would end it).
      for (const id of shards.processIds) process.kill(id, 'SIGSTOP');
      const waiting = shards.add('tr', '/tr/x/', '<html lang="tr"><body><main data-pagefind-body><p>yardım</p></main></body></html>');
      await new Promise((done) => setTimeout(done, 200));
      for (const id of shards.processIds) process.kill(id, 'SIGKILL');
      await assert.rejects(waiting, /Pagefind's process \d+, \d+ stopped while the search index still waited for it \(it crashed, or the system ran out of memory\)/);
      await assert.rejects(shards.write(join(tmpdir(), 'pagefind-never-written')), /stopped while the search index still waited/);
    } finally {
      await shards.close();
    }
  },
);

test('shardThread: a worker that fails while a request waits for its reply fails that request with the reason, and every later one at once', async () => {
  const shard = shardThread(process.env);
  try {
    assert.deepEqual(await shard.ask({ start: true }), []);
    const waiting = shard.ask({ add: { url: '/tr/x/', content: '<html lang="tr"><body><main data-pagefind-body><p>yardım</p></main></body></html>' } });
    // A message the worker cannot read: it throws outside its handler's try, and the worker fails
    // while the page above still waits for Pagefind's reply.
    shard.worker.postMessage(null);
    await assert.rejects(waiting, TypeError);
    await assert.rejects(shard.ask({ write: join(tmpdir(), 'pagefind-never-written') }), TypeError);
  } finally {
    await shard.worker.terminate();
  }
});
