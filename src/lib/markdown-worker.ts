/**
 * A worker thread of ./markdown-workers.ts: builds the site's Markdown pipeline (Sätteri's renderer
 * with `markdownPlugins()`, as the main thread would) once, then renders each body it is sent and
 * replies with the result, or with the error's name and message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownPlugins, projectRealPath } from './markdown-pipeline.ts';
import type { MarkdownReply, MarkdownRequest, MarkdownWorkerData } from './markdown-workers.ts';

const { projectRoot, features, shared } = workerData as MarkdownWorkerData;
const port = parentPort;
if (!port) throw new Error('src/lib/markdown-worker.ts runs as a worker thread of src/lib/markdown-workers.ts.');
const renderer = await createSatteriMarkdownProcessor({ ...shared, features, ...markdownPlugins({ projectRoot, realPath: projectRealPath(projectRoot) }) });

port.on('message', async ({ id, content, frontmatter, fileURL }: MarkdownRequest) => {
  let reply: MarkdownReply;
  try {
    const result = await renderer.render(content, { frontmatter, ...(fileURL === undefined ? {} : { fileURL: new URL(fileURL) }) });
    reply = { id, ok: true, result };
  } catch (error) {
    const { name = 'Error', message = String(error), stack } = error instanceof Error ? error : {};
    reply = { id, ok: false, error: { name, message, ...(stack === undefined ? {} : { stack }) } };
  }
  port.postMessage(reply);
});
