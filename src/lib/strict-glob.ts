/**
 * Astro's glob() loader, except that a Markdown body that cannot be rendered
 * fails the build, naming the file and the reason.
 *
 * Reasoning (issue 13): the glob loader catches any error while rendering a
 * body, logs "Error rendering <entry>", stores the entry without HTML and
 * carries on (astro/dist/content/loaders/glob.js, `syncData`). The build
 * exits 0 and the page ships with no body: no text, no warning signs, nothing
 * a reader came for. The sanitiser (src/lib/sanitize-html.ts) now refuses
 * misleading bodies by throwing, so a refusal must stop the build too.
 *
 * The wrapper collects the loader's errors, and after loading also looks for
 * stored Markdown entries without HTML: the content store is cached between
 * builds (.cache/astro), and an unchanged file is not rendered again, so a
 * failure from an earlier build would otherwise pass silently. Such entries
 * are dropped from the store so the next build renders them again and shows
 * the real error.
 */
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

export class RenderError extends Error {
  override name = 'RenderError';
}

type GlobOptions = Parameters<typeof glob>[0];

export function strictGlob(options: GlobOptions & { base: string }): Loader {
  const inner = glob(options);
  const folder = options.base.replace(/^\.\//, '').replace(/\/?$/, '/');
  return {
    ...inner,
    name: 'strict-glob',
    async load(context: LoaderContext) {
      const failures: string[] = [];
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        // "Error rendering tr/x.md: <reason>" → "content/pages/tr/x.md: <reason>"
        const match = /^Error (?:rendering|reading) (.+?): ([\s\S]*)$/.exec(message);
        failures.push(match ? `${folder}${match[1]}: ${match[2]}` : message);
        context.logger.error(message);
      };
      await inner.load({ ...context, logger });
      for (const entry of context.store.values()) {
        if (!entry.filePath?.endsWith('.md') || entry.rendered !== undefined) continue;
        if (!failures.some((f) => f.startsWith(`${entry.filePath}:`))) {
          failures.push(`${entry.filePath}: its body could not be rendered on an earlier build (run the build again to see why)`);
        }
        context.store.delete(entry.id);
      }
      if (failures.length) {
        // In file order: with Markdown threads (src/lib/markdown-workers.ts), bodies fail in the order they finish.
        failures.sort();
        throw new RenderError(`Content that cannot be published (${failures.length} file${failures.length === 1 ? '' : 's'}); nothing was built:\n  - ${failures.join('\n  - ')}`);
      }
    },
  };
}
