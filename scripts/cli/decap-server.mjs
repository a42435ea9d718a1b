/**
 * decap-server behind the Host/Origin guard (scripts/serve/decap-server.mjs),
 * in a process of its own: `npm start` and the CMS tests start it through
 * `spawnDecapServer()`.
 *
 *   npx node scripts/cli/decap-server.mjs
 *     DECAP_SERVER_PORT  port to listen on (default 8081), on 127.0.0.1 only
 *     SITE_PORT          port of the site whose admin page may call it (default: PORT, else 4321)
 *     GIT_REPO_DIRECTORY folder it writes into (decap-server's own variable; default: the working directory)
 *     LOG_LEVEL          decap-server's log level (default info)
 */
import { configFor } from '../lib/config.mjs';
import { startDecapServer } from '../serve/decap-server.mjs';

const { port, sitePort, repoDir = process.cwd() } = configFor.decapServer(process.env);
const server = await startDecapServer({ port, sitePort, repoDir, logLevel: process.env.LOG_LEVEL ?? 'info' });
console.log(`decap-server on http://127.0.0.1:${server.address().port}/api/v1, answering only to http://localhost:${sitePort} and http://127.0.0.1:${sitePort}`);
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
