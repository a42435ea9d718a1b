/**
 * `npm start`: builds the site, serves the last good build with the CMS's local
 * backend, and rebuilds when content changes (scripts/serve/local-site.mjs). Ctrl-C stops.
 *
 *   npm start [-- --no-watch]      ports: PORT (site), DECAP_SERVER_PORT (decap-server); builds in BUILDS_DIR
 */
import { parseArgs } from 'node:util';
import { configFor } from '../lib/config.mjs';
import { startLocalSite } from '../serve/local-site.mjs';

const { values } = parseArgs({ options: { 'no-watch': { type: 'boolean', default: false } } });
const running = await startLocalSite({ ...configFor.start(process.env), watch: !values['no-watch'] });
if (!running) process.exit(1);
process.on('SIGINT', () => running.stop(0));
process.on('SIGTERM', () => running.stop(0));
