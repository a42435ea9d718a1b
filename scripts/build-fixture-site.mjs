/**
 * Builds the fixture site: this project plus the test-only content in
 * tests/fixtures/site/ (an untranslated entry, a Decap "stub" translation,
 * hostile HTML), into .cache/fixture-dist/. The e2e tests serve it next to
 * the real dist/ so fallback and sanitising are tested without test content
 * ever reaching the real site.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyOverlay, buildIn, copyProject, projectRoot, removeCopy } from './project-copy.mjs';
import { completeCspHeader } from './csp-header.mjs';
import { buildSearchIndex } from './search-index.mjs';

const out = process.env.FIXTURE_DIST_DIR ? resolve(process.env.FIXTURE_DIST_DIR) : join(projectRoot, '.cache', 'fixture-dist');
const dir = copyProject('fixture-site-');
try {
  applyOverlay(dir, join(projectRoot, 'tests', 'fixtures', 'site'));
  rmSync(out, { recursive: true, force: true });
  const { status, output } = buildIn(dir, { outDir: out });
  if (status !== 0) {
    console.error(output);
    console.error('The fixture site failed to build.');
    process.exit(1);
  }
  // The search tests need the fixture's index: a fallback page must stay out of the reader's index.
  await buildSearchIndex(out);
  // As scripts/build.mjs does: without the hashes, the served CSP header would block the inline scripts.
  await completeCspHeader(out);
  console.log(`Fixture site built into ${out}`);
} finally {
  removeCopy(dir);
}
