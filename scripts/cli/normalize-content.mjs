/**
 * `npm run normalize-content`: every content file in the form the CMS writes
 * (scripts/content/normalize-content.mjs). Safe to re-run after hand edits.
 *
 *   npm run normalize-content [-- <project-dir>]      default: this project
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeContent } from '../content/normalize-content.mjs';

const { positionals } = parseArgs({ allowPositionals: true });
const { changed, keptBodies } = await normalizeContent(positionals[0] ? resolve(positionals[0]) : undefined, { log: (line) => console.log(line) });
if (keptBodies.length) {
  console.log(
    `Bodies kept as written (Decap's rich-text editor would change how they render, e.g. make a list loose; edit them in its Markdown mode):\n  ${keptBodies.join('\n  ')}`,
  );
}
console.log(changed.length ? `Normalised ${changed.length} file(s).` : 'Every content file is already in the form the CMS writes.');
