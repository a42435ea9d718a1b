/**
 * Where the CMS reads and writes content: the one place to change it.
 *
 * Production: the GitHub backend. Staff log in with their GitHub account
 * through an OAuth proxy (see README, "Editing (CMS)"); only people with push
 * access to `repo` can save. Every change is a pull request first
 * (editorial workflow: draft → in review → ready → published = merged).
 *
 * Local: when the admin page is opened on localhost or 127.0.0.1 and
 * decap-server answers on `localBackendPort`, Decap uses it instead and
 * writes straight into content/ and public/uploads/ of this working copy
 * (`npm start` runs it; see scripts/serve/local-site.mjs).
 */
import { defaults, intFrom } from '../scripts/lib/config.mjs';

const cmsBackend = {
  /** GitHub repository, "owner/name". */
  repo: 'OWNER/REPO',
  /** Branch the site is built and deployed from. */
  branch: 'main',
  /** Base URL of the OAuth proxy; Decap opens `${baseUrl}/auth` in a pop-up to log in. */
  oauthBaseUrl: 'https://cms-auth.example.org',
  /** Path of the proxy's login endpoint, relative to oauthBaseUrl. */
  authEndpoint: 'auth',
  /**
   * GitHub OAuth scope asked for at login. `public_repo` lets the token write
   * to public repositories only; Decap's default, `repo`, also opens every
   * private repository the editor can reach, so a stolen editor token would
   * reach them too. Use `repo` only if this repository is private (README, Security).
   */
  authScope: 'public_repo',
} as const;

/** decap-server's port for local editing: DECAP_SERVER_PORT at build time, as `npm start` sets it (scripts/lib/config.mjs). */
export function localBackendPort(env: Record<string, string | undefined> = {}): number {
  return intFrom(env, 'DECAP_SERVER_PORT', defaults.decapServerPort, { min: 1, max: 65535, what: 'a port number' });
}

/** The `backend`, `publish_mode` and `local_backend` part of the Decap config. */
export function backendConfig(port: number) {
  return {
    backend: {
      name: 'github',
      repo: cmsBackend.repo,
      branch: cmsBackend.branch,
      base_url: cmsBackend.oauthBaseUrl,
      auth_endpoint: cmsBackend.authEndpoint,
      auth_scope: cmsBackend.authScope,
      squash_merges: true,
    },
    publish_mode: 'editorial_workflow',
    // decap-server in "fs" mode has no workflow: Decap falls back to saving directly, which is what local editing wants.
    // 127.0.0.1, the address npm start binds and checks, not "localhost": Chromium tries ::1 first for
    // localhost, so any other server on [::1]:port (an old decap-server started without BIND_HOST, another
    // project's) received the saves, wrote them into its own folder and answered "entry persisted"
    // while nothing changed here (issue 14; tests/cms/helpers.ts publishAndWait reads every save back from disk).
    local_backend: { url: `http://127.0.0.1:${port}/api/v1` },
  } as const;
}
