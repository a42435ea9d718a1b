/**
 * The CMS bundle guard (scripts/measure/admin-bundle.mjs): /admin/ is built,
 * its size is reported, and no public page loads its code. A step of `npm test`.
 *
 *   npx node scripts/cli/admin-bundle.mjs [dist-dir]      default: DIST_DIR or dist
 */
import { configFor } from '../lib/config.mjs';
import { checkAdminBundle } from '../measure/admin-bundle.mjs';

const { lines, failures } = checkAdminBundle(process.argv[2] ?? configFor.start(process.env).distDir);
for (const line of lines) console.log(line);
for (const failure of failures) console.error(`✗ ${failure}`);
if (failures.length) process.exit(1);
console.log('✓ no public page references an admin chunk');
