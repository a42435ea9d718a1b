/**
 * The benchmark's synthetic content (./generate-content.mjs) must stay valid
 * as the schemas change; otherwise `npm run bench` would fail, or measure a
 * build that stopped early. Cheap to check here: generate a small set and
 * validate every file against the collection's schema. And the linearity
 * verdict (./linearity.mjs) on made-up series.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionFolder, collections } from '../../../src/collections.ts';
import { localeCodes } from '../../../src/i18n/locales.ts';
import { parseMarkdown, splitFrontMatter } from '../../../src/lib/front-matter.ts';
import { benchCollections, generateContent } from './generate-content.mjs';
import { linearity } from './linearity.mjs';
import { parseTimeV } from './peer.mjs';

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
