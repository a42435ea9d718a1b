/**
 * The plugins every Markdown body goes through, in order: one list for the
 * build (astro.config.mjs) and the tests that render bodies the way the
 * build does (tests/content/markdown-pipeline.content.test.ts).
 *
 * 1. (MDAST) body images must stay inside public/ and content/ (issue 13);
 * 2. (HAST) helpline numbers become tel: links (issue 10), before
 * 3. the sanitiser, which checks and cleans every link and element (issue 13);
 * 4. menu paths are isolated and their arrows point the reading way, and
 * 5. tables get what they need to reflow on a phone (issue 10), on the cleaned tree.
 */
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import type { ImagePathOptions } from './content-rules/body.ts';
import { helplineLinker } from './helpline-links.ts';
import { menuPathsPlugin } from './menu-paths.ts';
import { imagePathPlugin, sanitizeHtmlPluginAfter } from './sanitize-html.ts';
import { tableReflowPlugin } from './table-reflow.ts';

/**
 * Where a path inside the project really leads, symbolic links followed, relative to the project
 * (e.g. "public/uploads/a.jpg"); undefined if it does not exist. Body images must stay inside
 * public/ and content/ (issue 13): a link out of them is refused by its target, not its name.
 * @param projectRoot the project folder, absolute, ending in a slash
 */
export function projectRealPath(projectRoot: string): (projectPath: string) => string | undefined {
  return (projectPath) => {
    try {
      return relative(realpathSync(projectRoot), realpathSync(`${projectRoot}${projectPath}`));
    } catch {
      return undefined;
    }
  };
}

/**
 * Sätteri's Markdown features for every body, in the build (astro.config.mjs) and in the tests that
 * render bodies as it does:
 * - `rawHtml`: raw HTML is parsed into elements, so that the sanitiser can check it against its
 *   allowlist (src/lib/sanitize-html.ts), not passed through as text;
 * - `frontmatter: false`: a body has no front matter (Astro's Markdown entry type passes the text after
 *   it), so a body that starts with a `---` line, a horizontal rule as Decap writes one, stays
 *   Markdown. With Sätteri's default it vanished up to the next `---` line, while the CMS's check and
 *   preview showed it (attacker's review, 2026-12-02).
 */
export const markdownFeatures = { rawHtml: true, frontmatter: false } as const;

export function markdownPlugins(options: { projectRoot: string; realPath?: ImagePathOptions['realPath'] }): { mdastPlugins: MdastPluginEntry[]; hastPlugins: HastPluginEntry[] } {
  return {
    mdastPlugins: [imagePathPlugin(options)],
    // 2 and 3 in one hook, so Sätteri builds the tree as JavaScript once for both (sanitizeHtmlPluginAfter).
    hastPlugins: [sanitizeHtmlPluginAfter(helplineLinker({ contentDir: join(options.projectRoot, 'content') })), menuPathsPlugin, tableReflowPlugin],
  };
}
