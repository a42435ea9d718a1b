// @ts-check
import { defineConfig } from 'astro/config';
import { locales, defaultLocale } from './src/i18n/locales.ts';
import { cspDirectives } from './src/lib/content-security-policy.ts';
import { fileURLToPath } from 'node:url';
import { markdownFeatures } from './src/lib/markdown-pipeline.ts';
import { satteriInWorkers } from './src/lib/markdown-workers.ts';
import { hostFiles, siteUrl } from './src/integrations/hosts.ts';
import { contentStoreFromFile } from './src/integrations/content-store.ts';
import { parallelPrerender } from './src/integrations/parallel-prerender.ts';
import { decapBuildPatches } from './admin/decap-build-patches.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Own cache folder so a copy of the project (CMS tests, the benchmark) never shares it.
  cacheDir: './.cache/astro',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Two pages rendered at once: while one page's file is being written, the other renders (the build
    // was idle 2.2-3.0 s waiting on writes, 0.8-1.0 s with 2). Output byte-identical (issue 17,
    // docs/build-speed.md "Session 11: two pages rendered at once").
    concurrency: 2,
  },
  i18n: {
    locales: locales.map((l) => l.code),
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    // `site` (canonical URLs, hreflang, Open Graph, the sitemap, shared links) from SITE_URL, Netlify's
    // URL or Cloudflare's CF_PAGES_URL; a build without any fails (src/lib/site-url.ts).
    siteUrl(),
    // /<locale>/404.html and _redirects, from the locale registry, for Netlify and Cloudflare Pages.
    hostFiles(),
    // The build reads the content store from its file, not from a 40 MB module V8 compiles (issue 17).
    contentStoreFromFile(),
    // Pages rendered in worker processes too, when PRERENDER_WORKERS asks for them (off by default: no gain measured here; issue 17).
    parallelPrerender(),
  ],
  devToolbar: { enabled: false },
  // Build-time fixes to Decap's own code (the CMS bundle only); each fails the build if Decap changed.
  vite: { plugins: [decapBuildPatches()] },
  // Every page gets a CSP <meta> with hashes of its own inline scripts and styles.
  // Why the header in public/_headers differs: src/lib/content-security-policy.ts.
  security: { csp: { directives: [...cspDirectives] } },
  markdown: {
    // Raw HTML in Markdown is parsed into elements so that it can be sanitised
    // against an allowlist (src/lib/sanitize-html.ts): a stolen CMS account must
    // not be able to run script, load anything from another host, or change the
    // number a reader calls. Body images must stay inside public/ and content/.
    // Body images inside public/ and content/; helpline numbers as tel: links, before the sanitiser
    // checks every link; menu paths isolated after it (src/lib/markdown-pipeline.ts, issues 10 and 13).
    // Rendered in worker threads while Astro syncs the content (src/lib/markdown-workers.ts, issue 17).
    // Features (raw HTML parsed for the sanitiser, no front matter in a body): src/lib/markdown-pipeline.ts.
    processor: satteriInWorkers({ projectRoot, features: markdownFeatures }),
    // Shiki colours code with style attributes, which the CSP blocks; the site has no code samples.
    syntaxHighlight: false,
  },
});
