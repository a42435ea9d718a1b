/**
 * A build needs the site's public address (src/lib/site-url.ts): without one
 * it stops before building anything, and says which variable to set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot as root } from '../../scripts/lib/project-copy.mjs';

test('a build without a site URL fails at once, saying which variable to set, and writes nothing', () => {
  const out = mkdtempSync(join(tmpdir(), 'no-site-url-'));
  rmSync(out, { recursive: true });
  const env: Record<string, string | undefined> = { ...process.env, DIST_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  for (const name of ['SITE_URL', 'URL', 'CF_PAGES_URL']) delete env[name];
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'cli', 'build.mjs')], { cwd: root, env, encoding: 'utf8' });
  assert.notEqual(result.status, 0);
  assert.match(`${result.stdout}${result.stderr}`, /No site URL[\s\S]*Set SITE_URL/);
  assert.ok(!existsSync(join(out, 'index.html')), 'nothing was built');
  rmSync(out, { recursive: true, force: true });
});
