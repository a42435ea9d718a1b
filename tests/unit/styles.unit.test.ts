/**
 * How the styles are kept (src/styles/global.css explains why):
 * - every stylesheet starts with the same cascade-layer order, because the
 *   first file a browser reads fixes the order;
 * - every rule sits in a named layer, so no file wins by position or specificity
 *   (a template's stylesheet may @import its components' right after the order line);
 * - colours are only the tokens in global.css's :root;
 * - no <style> in .astro files (pages, templates, components): styles live in
 *   the component's or template's own stylesheet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const files = (ext: string) =>
  readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => relative(root, join(e.parentPath, e.name)));
const stylesheets = files('.css');
const css = (file: string) => readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const ORDER = /^\s*@layer\s+([\w\s,]+);/;

test('there are stylesheets to check', () => {
  assert.ok(stylesheets.includes('src/styles/global.css'));
  assert.ok(stylesheets.length >= 8, stylesheets.join(', '));
});

test('every stylesheet declares the same layer order first', () => {
  const order = ORDER.exec(css('src/styles/global.css'))?.[1]?.replace(/\s+/g, ' ');
  assert.ok(order, 'global.css starts with the @layer order');
  for (const file of stylesheets) assert.equal(ORDER.exec(css(file))?.[1]?.replace(/\s+/g, ' '), order, file);
});

/** `@import`s right after the order line: a template's stylesheet gathering its components' (src/templates/README.md). */
const IMPORTS = /^(?:\s*@import\s+'[^']+';)*/;

test('every rule is inside a named layer', () => {
  const problems: string[] = [];
  for (const file of stylesheets) {
    const text = css(file).replace(ORDER, '').replace(IMPORTS, '');
    let depth = 0;
    let top = '';
    for (const char of text) {
      if (depth === 0 && char !== '{' && char !== '}') top += char;
      if (char === '{') {
        if (depth === 0 && !/^\s*@layer\s+[\w-]+\s*$/.test(top)) problems.push(`${file}: "${top.trim().slice(0, 60)}" is outside a layer`);
        if (depth === 0) top = '';
        depth++;
      } else if (char === '}') depth--;
    }
    if (top.trim()) problems.push(`${file}: "${top.trim().slice(0, 60)}" is outside a layer`);
  }
  assert.deepEqual(problems, []);
});

test('colours come only from the tokens in global.css', () => {
  const problems: string[] = [];
  for (const file of stylesheets) {
    // Token definitions: custom properties whose value is a colour literal (`--color-…: #…`).
    const text = css(file).replace(/--[\w-]+\s*:\s*[^;]+;/g, '');
    for (const match of text.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla|oklch)\(/gi)) problems.push(`${file}: ${match[0]}`);
  }
  assert.deepEqual(problems, []);
  // And only global.css defines colour tokens.
  for (const file of stylesheets.filter((f) => f !== 'src/styles/global.css')) assert.doesNotMatch(css(file), /--color-[\w-]+\s*:/, file);
});

test('no <style> in .astro files: styles live in the component’s or template’s stylesheet', () => {
  const withStyle = files('.astro').filter((file) => /<style[\s>]/.test(readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(withStyle, []);
});
