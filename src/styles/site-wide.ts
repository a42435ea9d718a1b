/**
 * The stylesheets every page loads, as one list: imported by src/layouts/Base.astro and by
 * the two pages outside it (src/pages/index.astro, the language chooser, and src/pages/404.astro).
 * Astro bundles a stylesheet into a file per set of pages that import it, so one list imported
 * by all three gives one site-wide file, cached from the first page a reader opens (a
 * component importing its own stylesheet would split it into two files on every page).
 * Only what the page shell shows on every page belongs here; the rest is in each template's
 * stylesheet (src/templates/README.md).
 */
import './global.css';
import '../components/QuickExit/quick-exit.css';
import '../components/CallStrip/call-strip.css';
import '../components/LanguageSwitcher/language-switcher.css';
import '../components/TranslationNotice/translation-notice.css';
import '../components/Search/search-form.css';
