// @ts-check
/**
 * ESLint for the code (src/, admin/, scripts/, tests/, configs): JavaScript's
 * and TypeScript's recommended rules, and Astro's for .astro files. Formatting
 * is Prettier's job (.prettierrc.json), unused files and exports knip's (knip.json).
 * content/ is the editors', and never linted.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['content/', 'dist/', '.astro/', '.cache/', '.builds/', '.wrangler/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a value kept on purpose (a destructured field left out, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The sanitiser matches control characters on purpose: browsers ignore them inside URL schemes ("java\0script:").
    files: ['src/lib/sanitize-html.ts'],
    rules: { 'no-control-regex': 'off' },
  },
);
