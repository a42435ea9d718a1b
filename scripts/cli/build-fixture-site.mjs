/**
 * The fixture site: this project plus the test-only content in
 * tests/fixtures/site/ (untranslated entries, a Decap "stub" translation,
 * hostile HTML, the entries the e2e tests name), built the normal way
 * (scripts/build/build-site.mjs) into .cache/fixture-dist/ (or FIXTURE_DIST_DIR).
 * The e2e tests serve it next to the real dist/, so test content never
 * reaches the real site and no test depends on an editor's entry.
 */
import { join, resolve } from 'node:path';
import { buildSite } from '../build/build-site.mjs';
import { configFor, copyBuildPort } from '../lib/config.mjs';
import { projectRoot } from '../lib/project-copy.mjs';

const outDir = resolve(projectRoot, configFor.e2e(process.env).fixtureDistDir);
// No link check: the hostile HTML fixture links to missing files on purpose (see buildSite's checkLinks).
const result = await buildSite({ overlay: join(projectRoot, 'tests', 'fixtures', 'site'), outDir, localPort: copyBuildPort(process.env), output: 'capture', checkLinks: false });
if (!result.ok) {
  console.error(result.output);
  console.error(`The fixture site failed to build (${result.failedStep}).`);
  process.exit(1);
}
console.log(`Fixture site built into ${outDir} (${result.steps.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')})`);
