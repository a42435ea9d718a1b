/**
 * `npm run bench`: how the build scales with content (scripts/measure/bench/).
 *
 *   npm run bench                                  # N = 300
 *   npm run bench -- --sizes 50,100,200,300        # the scaling series
 *   npm run bench -- --sizes 5 --json reports/bench.json
 *   npm run bench -- --sizes 900                   # 300 in each collection: the stress case
 *   npm run bench -- --collections campaigns       # only one collection grows
 * The exit code is 1 if a target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { locales } from '../../src/i18n/locales.ts';
import { kib, mib } from '../lib/format-bytes.mjs';
import { benchCollections } from '../measure/bench/generate-content.mjs';
import { linearity } from '../measure/bench/linearity.mjs';
import { benchOnce, TARGET } from '../measure/bench/run.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: String(TARGET.entries) },
    collections: { type: 'string', default: benchCollections.join(',') },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const collections = values.collections.split(',');
console.log(`Benchmark: N = ${sizes.join(', ')} entries per locale (split over ${collections.join(', ')}) × ${locales.length} locales`);
const results = [];
for (const n of sizes) results.push(await benchOnce(n, { collections, keep: values.keep }));

console.log('\n   N   pages   time (s)  CPU (s)  pages/s  peak RSS   dist      page weight median/max  load avg');
for (const r of results) {
  console.log(
    `${String(r.n).padStart(4)}  ${String(r.pages).padStart(6)}  ${r.seconds.toFixed(1).padStart(8)}  ${r.cpuSeconds.toFixed(1).padStart(7)}  ${r.pagesPerSecond.toFixed(0).padStart(7)}  ${mib(r.peakBytes).padStart(8)}  ${mib(r.distBytes).padStart(8)}  ${`${kib(r.weight.median)} / ${kib(r.weight.max)}`.padEnd(22)}  ${r.loadAverage.map((l) => l.toFixed(1)).join('→')}`,
  );
}
const failures = [];
const lin = linearity(results);
const linWall = linearity(results, { metric: 'seconds' });
if (lin && linWall) {
  for (const l of [lin, linWall]) {
    console.log(
      `Scaling (${l.metric === 'seconds' ? 'wall' : 'CPU'} time): ratio ${l.ratio.toFixed(2)} for ${(sizes.at(-1) / sizes[0]).toFixed(1)}× the entries (allowed ≤ ${l.allowed.toFixed(2)}); ` +
        `fit ${l.fixedSeconds.toFixed(1)} s + ${l.msPerPage.toFixed(1)} ms/page (R² ${l.r2.toFixed(3)}); marginal ms/page ${l.marginalMsPerPage.map((m) => m.toFixed(1)).join(' → ')}`,
    );
  }
  if (!lin.ok) failures.push(`build CPU time grows worse than linearly (ratio ${lin.ratio.toFixed(2)} > ${lin.allowed.toFixed(2)})`);
}
for (const r of results) {
  // The time target is set for N = 300; memory must stay under the bar at any size we try.
  if (r.n <= TARGET.entries && r.seconds > TARGET.seconds) failures.push(`N=${r.n}: ${r.seconds.toFixed(1)} s > ${TARGET.seconds} s`);
  if (r.peakBytes > TARGET.peakBytes) failures.push(`N=${r.n}: peak ${mib(r.peakBytes)} > ${mib(TARGET.peakBytes)}`);
}
if (values.json) {
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, JSON.stringify({ sizes, collections, results, linearity: { cpu: lin, wall: linWall }, failures }, null, 2));
}
if (failures.length) {
  console.error(`✗ ${failures.join('; ')}`);
  process.exit(1);
}
console.log('✓ within targets');
