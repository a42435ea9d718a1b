/**
 * Types for the Decap packages admin/decap.ts imports, which ship none (decap-cms-core does): each
 * as its dist/esm/index.js exports it, typed with decap-cms-core's own types.
 */
declare module 'decap-cms-backend-github' {
  import type { CmsBackendClass } from 'decap-cms-core';
  export const GitHubBackend: CmsBackendClass;
}
declare module 'decap-cms-backend-proxy' {
  import type { CmsBackendClass } from 'decap-cms-core';
  export const ProxyBackend: CmsBackendClass;
}
declare module 'decap-cms-widget-*' {
  import type { CmsWidgetParam } from 'decap-cms-core';
  const widget: { Widget(options?: Partial<CmsWidgetParam>): CmsWidgetParam };
  export default widget;
}
declare module 'decap-cms-editor-component-image' {
  import type { EditorComponentOptions } from 'decap-cms-core';
  const image: EditorComponentOptions;
  export default image;
}
declare module 'decap-cms-locales' {
  import type { CmsLocalePhrases } from 'decap-cms-core';
  export const en: CmsLocalePhrases;
  export const tr: CmsLocalePhrases;
}
