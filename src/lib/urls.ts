import type { LocaleCode } from '../i18n/locales.ts';

/** `/ar/campaigns/fake-job-offers/` from ('ar', 'campaigns/fake-job-offers/'). Paths always end in a slash. */
export function localePath(locale: LocaleCode, path = ''): string {
  const clean = path.replace(/^\/+/, '');
  return `/${locale}/${clean}`.replace(/\/?$/, '/');
}

/** The part of a pathname after the locale: '/ar/rights/x/' → 'rights/x/'. */
export function pathWithoutLocale(pathname: string): string {
  return pathname.replace(/^\/[^/]+\/?/, '');
}
