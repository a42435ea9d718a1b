/**
 * Per page, once: the reader's locale, its registry entry, the translate
 * function and the site settings, on `Astro.locals`. Components read them
 * from there instead of taking a `locale` prop and loading strings each
 * (as Starlight's `locals.t` does). Runs at build time for every static page.
 *
 * The locale comes from the `[locale]` URL segment; pages outside a locale
 * (the language chooser, the site-wide 404, /admin/) get the default locale.
 */
import { defineMiddleware } from 'astro:middleware';
import { defaultLocale, getLocale, isLocaleCode } from './i18n/locales.ts';
import { useTranslations } from './i18n/ui.ts';
import { getSettings } from './lib/settings.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const fromUrl = context.params.locale;
  const locale = fromUrl && isLocaleCode(fromUrl) ? fromUrl : defaultLocale;
  context.locals.locale = locale;
  context.locals.ui = getLocale(locale);
  context.locals.t = await useTranslations(locale);
  context.locals.settings = await getSettings(locale);
  return next();
});
