// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { satteri } from '@astrojs/markdown-satteri';
import { locales, defaultLocale } from './src/i18n/locales.ts';
import { cspDirectives } from './src/lib/content-security-policy.ts';
import { sanitizeHtmlPlugin } from './src/lib/sanitize-html.ts';
import { decapBuildPatches } from './admin/decap-build-patches.ts';

export default defineConfig({
  // Used for canonical URLs, hreflang, Open Graph and the sitemap. Set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://example.org',
  output: 'static',
  trailingSlash: 'always',
  // Own cache folder so a copy of the project (CMS tests, the benchmark) never shares it.
  cacheDir: './.cache/astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: locales.map((l) => l.code),
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // React is only for the CMS preview templates in admin/; public pages ship no framework runtime.
  integrations: [react({ include: ['admin/**'] })],
  devToolbar: { enabled: false },
  // Build-time fixes to Decap's own code (the CMS bundle only); each fails the build if Decap changed.
  vite: { plugins: [decapBuildPatches()] },
  // Every page gets a CSP <meta> with hashes of its own inline scripts and styles.
  // Why the header in public/_headers differs: src/lib/content-security-policy.ts.
  security: { csp: { directives: [...cspDirectives] } },
  markdown: {
    // Raw HTML in Markdown is parsed into elements so that it can be sanitised
    // against an allowlist (src/lib/sanitize-html.ts): a stolen CMS account must
    // not be able to run script or load anything from another host.
    processor: satteri({ features: { rawHtml: true }, hastPlugins: [sanitizeHtmlPlugin] }),
    // Shiki colours code with style attributes, which the CSP blocks; the site has no code samples.
    syntaxHighlight: false,
  },
});
