/**
 * What in a folder an editor's account can write is not an ordinary file or folder: a symbolic link
 * (or a device, a pipe). The build reads content/ and copies public/uploads/ into the site, following
 * links, so a link committed through GitHub's API (the CMS never writes one) would publish whatever it
 * points to under an entry's or an upload's name: another file of the repository, unchecked, or any
 * file the build machine can read (attacker's review, 2026-12-02: a link named .html to a page's
 * Markdown published its raw <script>). scripts/build/content-check.mjs refuses them in content/,
 * src/lib/validate-content.ts in public/uploads/.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The entries under `folder`, at any depth, that are neither a file nor a folder. Walked folder by
 * folder: `readdirSync`'s own `recursive` enters a linked folder (a link to its parent then repeats
 * the tree until the path is too long), so a linked folder is listed here, never entered. Callers
 * list the files only once this is empty.
 * @param folder an existing folder; itself listed when it is a link (to a folder or not)
 * @returns their paths (absolute when `folder` is), in the order the file system lists them
 */
export function notOrdinaryFiles(folder: string): string[] {
  // The folder itself may be the link (public/uploads → elsewhere).
  if (!lstatSync(folder).isDirectory()) return [folder];
  const found: string[] = [];
  const folders = [folder];
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (!entry.isFile()) found.push(path);
    }
  }
  return found;
}
