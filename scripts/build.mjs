/**
 * `npm run build`: the static site into dist/ (or DIST_DIR), then the search
 * index over it. One command so `npm start`, the tests and CI build the same way.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const outDir = resolve(process.env.DIST_DIR ?? 'dist');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function step(label, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

step('astro build', 'astro', ['build', '--outDir', outDir]);
