/**
 * A thread of the Markdown pool (./markdown-workers.ts, run by Piscina): builds the site's Markdown
 * pipeline once (Sätteri's renderer with `markdownPlugins()`, as the main thread would), then renders
 * each body it is given. An error (the sanitiser refusing a body) reaches the caller as thrown.
 */
import { workerData } from 'node:worker_threads';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownPlugins, projectRealPath } from './markdown-pipeline.ts';
import type { MarkdownTask, MarkdownTaskResult, MarkdownWorkerData } from './markdown-workers.ts';

const { projectRoot, features, shared } = workerData as MarkdownWorkerData;
const renderer = await createSatteriMarkdownProcessor({ ...shared, features, ...markdownPlugins({ projectRoot, realPath: projectRealPath(projectRoot) }) });

/** Renders one body: the result Sätteri's renderer gives in the main thread. */
export default function render({ content, frontmatter, fileURL }: MarkdownTask): Promise<MarkdownTaskResult> {
  return renderer.render(content, { frontmatter, ...(fileURL === undefined ? {} : { fileURL: new URL(fileURL) }) });
}
