/** What src/middleware.ts puts on `Astro.locals` for every page. */
declare namespace App {
  interface Locals {
    /** The page's locale: its URL prefix. */
    locale: import('./i18n/locales.ts').LocaleCode;
    /** The page locale's registry entry (tag, dir, script, names). */
    ui: import('./i18n/locales.ts').Locale;
    /** UI strings in the page's locale, through i18next (src/i18n/ui.ts). */
    t: import('i18next').TFunction;
    /** Site name, tagline and quick-exit destination (src/lib/settings.ts). */
    settings: import('./lib/settings.ts').SiteSettings;
  }
}
