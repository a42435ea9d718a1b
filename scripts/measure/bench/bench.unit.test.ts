/**
 * The benchmark's synthetic content (./generate-content.mjs) must stay valid
 * as the schemas change; otherwise `npm run bench` would fail, or measure a
 * build that stopped early. Cheap to check here: generate a small set and
 * validate every file against the collection's schema. And the linearity
 * verdict (./linearity.mjs) on made-up series, and the side-by-side's reading
 * of a harness (./peer.mjs) on a harness of the same shape made here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionFolder, collections } from '../../../src/collections.ts';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { parseMarkdown, splitFrontMatter } from '../../../src/lib/front-matter.ts';
import { benchCollections, generateContent } from './generate-content.mjs';
import { linearity } from './linearity.mjs';
import { parseTimeV, sideBySide } from './peer.mjs';

test('synthetic entries: N per locale split over the collections, valid against the schemas, in each locale’s script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-content-'));
  try {
    const written = generateContent(dir, 10);
    assert.equal(written, 10 * localeCodes.length);
    const counts: Record<string, number> = {};
    for (const collection of benchCollections) {
      const { schema } = collections[collection];
      for (const locale of localeCodes) {
        const folder = join(dir, collectionFolder(collection), locale);
        const files = readdirSync(folder);
        counts[collection] = files.length;
        for (const file of files) {
          const text = readFileSync(join(folder, file), 'utf8');
          const parts = splitFrontMatter(text);
          assert.ok(parts?.yaml && parts.body.trim(), `${collection}/${locale}/${file}: front matter and body`);
          const { data, body } = parseMarkdown(text);
          const result = schema.safeParse(data);
          assert.ok(result.success, `${collection}/${locale}/${file}: ${result.error?.message}`);
          assert.equal((result.data as { kind: string }).kind, 'entry');
          assert.equal((result.data as { slug: string }).slug, file.replace(/\.md$/, ''));
          if (['ar', 'fa', 'ps'].includes(locale)) assert.match(body, /[\u0600-\u06FF]{3,}/, 'Arabic-script text');
          if (locale === 'ru') assert.match(body, /[\u0400-\u04FF]{3,}/, 'Cyrillic text');
        }
      }
    }
    assert.deepEqual(counts, { campaigns: 4, rights: 3, materials: 3 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('linearity: a linear series passes, a quadratic one fails', () => {
  const series = (f: (n: number) => number) => [50, 100, 200, 300].map((n) => ({ n, pages: n * 7, seconds: f(n), cpuSeconds: f(n) }));
  assert.equal(linearity(series((n) => 10 + n * 0.1))?.ok, true);
  assert.equal(linearity(series((n) => 1 + n * n * 0.01))?.ok, false);
});

test('the side-by-side reads each build’s wall time, CPU and peak memory from /usr/bin/time -v', () => {
  const report = [
    '\tCommand being timed: "npm run build"',
    '\tUser time (seconds): 41.65',
    '\tSystem time (seconds): 12.91',
    '\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:14.41',
    '\tMaximum resident set size (kbytes): 2349872',
  ].join('\n');
  const { wallSeconds, cpuSeconds, peakRssMB } = parseTimeV(report);
  assert.equal(wallSeconds, 74.41);
  assert.equal(Math.round(cpuSeconds * 100), 5456);
  assert.equal(Math.round(peakRssMB), 2406);
  assert.throws(() => parseTimeV('\tUser time (seconds): 1'), /Elapsed/);
});

test('the side-by-side passes `env` to both builds of the harness (`npm run bench -- --equal-terms`)', async () => {
  // A harness of the same shape as ../shared/peer: side-by-side.sh copies itself into PEER_DIR and runs
  // ours/run.sh and starlight/run.sh for the tags sbs-a and sbs-b; each build's figures are its time -v report.
  const harness = mkdtempSync(join(tmpdir(), 'bench-harness-'));
  const workDir = mkdtempSync(join(tmpdir(), 'bench-work-'));
  try {
    const run = (seconds: number) =>
      [
        'set -eu',
        `out="$(dirname "$0")/results/$1-$2"; mkdir -p "$out"`,
        // The wall time says whether the allocator setting reached this build: 1:0<seconds> with it, 2:0<seconds> without.
        `minutes=2; [ "\${MIMALLOC_ALLOW_THP:-}" = 0 ] && minutes=1`,
        `printf '\\tUser time (seconds): 1\\n\\tSystem time (seconds): 1\\n\\tElapsed (wall clock) time (h:mm:ss or m:ss): %s:0${seconds}\\n\\tMaximum resident set size (kbytes): 1000\\n' "$minutes" > "$out/time.txt"`,
      ].join('\n');
    const sideBySideScript = [
      'set -eu',
      'here=$(cd "$(dirname "$0")" && pwd)',
      'if [ "$here" != "$PEER_DIR" ]; then mkdir -p "$PEER_DIR"; cp -r "$here"/. "$PEER_DIR"/; exec bash "$PEER_DIR/side-by-side.sh" "$@"; fi',
      'for tag in sbs-a sbs-b; do bash "$here/ours/run.sh" "$1" "$tag"; bash "$here/starlight/run.sh" "$1" "$tag"; done',
      'echo "ours/starlight N=$1: MIMALLOC_ALLOW_THP=${MIMALLOC_ALLOW_THP:-unset}"',
    ].join('\n');
    for (const who of ['ours', 'starlight']) mkdirSync(join(harness, who));
    writeFileSync(join(harness, 'ours', 'run.sh'), run(1));
    writeFileSync(join(harness, 'starlight', 'run.sh'), run(2));
    writeFileSync(join(harness, 'side-by-side.sh'), sideBySideScript);

    const withoutSetting = { ...process.env };
    delete withoutSetting.MIMALLOC_ALLOW_THP;
    const asSetUp = await withEnvironment(withoutSetting, () => sideBySide({ root: workDir, harness, n: 3, workDir }));
    assert.deepEqual(
      asSetUp.pairs.map(({ ours, starlight }) => [ours.wallSeconds, starlight.wallSeconds]),
      [
        [121, 122],
        [121, 122],
      ],
    );
    assert.match(asSetUp.summary, /MIMALLOC_ALLOW_THP=unset/);

    const equal = await withEnvironment(withoutSetting, () => sideBySide({ root: workDir, harness, n: 3, workDir, env: { MIMALLOC_ALLOW_THP: '0' } }));
    assert.deepEqual(
      equal.pairs.map(({ ours, starlight }) => [ours.wallSeconds, starlight.wallSeconds]),
      [
        [61, 62],
        [61, 62],
      ],
    );
    assert.match(equal.summary, /MIMALLOC_ALLOW_THP=0/);
  } finally {
    rmSync(harness, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
});

/** Runs `body` with process.env replaced by `env`, and puts the old one back. */
async function withEnvironment<T>(env: NodeJS.ProcessEnv, body: () => Promise<T>): Promise<T> {
  const saved = process.env;
  process.env = env;
  try {
    return await body();
  } finally {
    process.env = saved;
  }
}
