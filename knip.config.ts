/**
 * knip: unused files, exports and dependencies, a step of `npm test`.
 * Entry points are the commands (scripts/cli/), the Astro pages and config,
 * the CMS script, and every test; knip's Astro and Playwright plugins add theirs.
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'scripts/cli/*.mjs',
    'scripts/**/*.unit.test.ts',
    'tests/{unit,content,build,dist}/**/*.test.ts',
    'tests/{e2e,cms}/**/*.spec.ts',
    'tests/*.config.ts',
    'tests/cms/servers.ts',
    'src/pages/**/*.{astro,ts}',
    'admin/main.tsx',
  ],
  project: ['src/**/*.{ts,tsx,astro,mjs}', 'admin/**/*.{ts,tsx}', 'scripts/**/*.mjs', 'tests/**/*.ts', '*.{mjs,ts}'],
  // An export its own file uses is part of that file's design, not dead code.
  ignoreExportsUsedInFile: true,
  // Not imported by name: wrangler is run by path (scripts/serve/pages-dev.mjs), decap-server's middleware is
  // loaded through createRequire (scripts/serve/decap-server.mjs), the PDF fonts are files read from their
  // packages' folders (src/lib/material-pdf/typst-compile.ts), apt-get is a system tool (scripts/lib/find-browser.mjs).
  // decap-cms-app is the pinned Decap release: admin/decap.ts registers only the parts of it this CMS uses, each
  // pinned to the version decap-cms-app depends on (tests/unit/decap-packages.unit.test.ts).
  ignoreDependencies: ['wrangler', 'decap-server', '@embedpdf/fonts-latin', '@embedpdf/fonts-arabic', 'decap-cms-app'],
  ignoreBinaries: ['apt-get'],
};

export default config;
