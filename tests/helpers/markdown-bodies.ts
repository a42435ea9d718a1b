/**
 * Markdown bodies for the tests that check a rule against many of them
 * (tests/unit/body-scan.unit.test.ts, tests/content/sanitize-plain-markdown.content.test.ts):
 * the bodies of every entry in a folder, and a seeded random generator to mix more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';

/** Every Markdown file under `dir` that has front matter, as [path, body] (the body untrimmed). */
export function markdownBodies(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .flatMap((e) => {
      const path = join(e.parentPath, e.name);
      const split = splitFrontMatter(readFileSync(path, 'utf8'));
      return split ? [[path, split.body] as [string, string]] : [];
    });
}

/** A small deterministic generator (mulberry32): numbers in [0, 1), the same for the same seed, so a failure is reproducible. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
