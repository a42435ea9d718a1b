/**
 * The environment `astro build` gets for its Rust bindings' allocator (./native-allocator.mjs): with it, a
 * binding Astro builds with no longer marks memory for transparent huge pages; without it, it does (so the
 * probe can see the difference, and the setting is still needed). Linux only: the probe reads the
 * process's own memory map (/proc/self/smaps, where `madvise(MADV_HUGEPAGE)` shows as the VmFlag `hg`).
 * And the two processes that load those bindings get it: `astro build` (../build/build-site.mjs) and the
 * CMS bundle's Vite build (../build/cms-bundle.mjs), a value already in the environment winning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectRoot } from './project-copy.mjs';
import { NATIVE_ALLOCATOR_ENV } from './native-allocator.mjs';
import { astroBuildEnvironment } from '../build/build-site.mjs';
import { cmsBundleEnvironment, cmsBundleKey } from '../build/cms-bundle.mjs';

/** Loads `binding` in a fresh Node process with `env`, and counts its memory regions marked for huge pages. */
function hugePageRegions(binding: string, env: NodeJS.ProcessEnv): number {
  const probe = `
    require('node:module').createRequire(process.cwd() + '/package.json')(${JSON.stringify(binding)});
    const flags = require('node:fs').readFileSync('/proc/self/smaps', 'utf8').split('\\n').filter((line) => line.startsWith('VmFlags:'));
    console.log(flags.filter((line) => / hg( |$)/.test(line)).length);`;
  return Number(execFileSync(process.execPath, ['-e', probe], { cwd: projectRoot, env, encoding: 'utf8' }).trim());
}

const withoutSetting = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MIMALLOC_')));
const linuxWithHugePages = process.platform === 'linux' && existsSync('/proc/self/smaps') && existsSync('/sys/kernel/mm/transparent_hugepage/enabled');

for (const binding of ['rolldown', '@astrojs/compiler-rs']) {
  test(
    `${binding}: no memory marked for transparent huge pages with the build's allocator setting`,
    { skip: !linuxWithHugePages && 'needs Linux with transparent huge pages' },
    () => {
      assert.ok(
        hugePageRegions(binding, withoutSetting()) > 0,
        `${binding} no longer marks memory for huge pages by itself: MIMALLOC_ALLOW_THP may not be needed any more (measure as docs/build-speed.md "Session 15" did, then remove it)`,
      );
      assert.equal(hugePageRegions(binding, { ...withoutSetting(), ...NATIVE_ALLOCATOR_ENV }), 0);
    },
  );
}

test('astro build and the CMS bundle get the setting; a value already in the environment wins', () => {
  const key = cmsBundleKey(projectRoot);
  for (const output of ['inherit', 'capture'] as const) {
    assert.equal(astroBuildEnvironment({}, {}, output, false).MIMALLOC_ALLOW_THP, NATIVE_ALLOCATOR_ENV.MIMALLOC_ALLOW_THP);
    assert.equal(astroBuildEnvironment({ MIMALLOC_ALLOW_THP: '1' }, {}, output, false).MIMALLOC_ALLOW_THP, '1');
  }
  assert.equal(cmsBundleEnvironment({}, projectRoot, key).MIMALLOC_ALLOW_THP, NATIVE_ALLOCATOR_ENV.MIMALLOC_ALLOW_THP);
  assert.equal(cmsBundleEnvironment({ MIMALLOC_ALLOW_THP: '1' }, projectRoot, key).MIMALLOC_ALLOW_THP, '1');
  assert.deepEqual(JSON.parse(cmsBundleEnvironment({}, projectRoot, key).CMS_BUNDLE_JOB ?? ''), JSON.parse(JSON.stringify({ root: projectRoot, key })));
});
