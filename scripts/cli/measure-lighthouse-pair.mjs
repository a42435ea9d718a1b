/**
 * `npm run measure:lighthouse-pair`: Lighthouse on two built sites, runs alternating, with the
 * trace's main-thread tasks (scripts/measure/lighthouse-pair.mjs; docs/build-speed.md, point 6).
 *
 *   npm run measure:lighthouse-pair -- --a /tmp/before --b dist --paths /ar/materials/cefm-lesson-plan/ --runs 5
 *     [--out /tmp/pair (reports and traces)] [--fonts /tmp/fonts.conf (FONTCONFIG_FILE for Chromium alone)] [--quiet]
 *   (--b left out: one site. Port: LIGHTHOUSE_PAIR_PORT, else TEST_PORT + 30; B's is one more.)
 */
import { parseArgs } from 'node:util';
import { defaults, portFrom } from '../lib/config.mjs';
import { runLighthousePair } from '../measure/lighthouse-pair.mjs';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    paths: { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    fonts: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
if (!values.a) throw new Error('Give --a <built site> (and --b <built site> to compare).');
if (!values.paths) throw new Error('Give --paths <page path>[,<page path>…] to score, e.g. the Arabic lesson plan of issue 17 point 6 (see the usage above).');
await runLighthousePair({
  a: values.a,
  b: values.b,
  paths: values.paths.split(','),
  runs: Number(values.runs),
  port: portFrom(process.env, 'LIGHTHOUSE_PAIR_PORT', portFrom(process.env, 'TEST_PORT', defaults.sitePort) + 30),
  out: values.out,
  fonts: values.fonts,
  quiet: values.quiet,
});
