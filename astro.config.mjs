// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { locales, defaultLocale } from './src/i18n/locales.ts';

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
});
