/**
 * Images that editors upload through the CMS live in public/uploads/ and are
 * referenced as "/uploads/name.jpg" (admin/config.ts). Reasoning: Astro's
 * image pipeline only optimises images it imports, and files in public/ are
 * never imported. So we read the file ourselves and hand astro:assets an
 * ImageMetadata, exactly what an `import img from './x.jpg'` would give it.
 * At build time Astro then reads the original from the copy of public/ in the
 * output folder (its "src" path) and writes the resized AVIF/WebP/JPEG files
 * next to it, e.g. /uploads/name_<hash>.avif.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { imageMetadata } from 'astro/assets/utils';

const UPLOAD = /^\/uploads\/[\w.\-/]+\.(?:jpe?g|png|webp|avif)$/i;
// One read per image for the whole build, however many locales show it.
const cache = new Map<string, Promise<ImageMetadata>>();

/** The ImageMetadata of an uploaded image ("/uploads/…"), for <Picture> or getImage(). */
export function uploadedImage(src: string): Promise<ImageMetadata> {
  if (!UPLOAD.test(src) || src.includes('..')) throw new Error(`"${src}" is not an image in /uploads/ (jpg, png, webp or avif).`);
  let metadata = cache.get(src);
  if (!metadata) {
    metadata = load(src);
    cache.set(src, metadata);
  }
  return metadata;
}

async function load(src: string): Promise<ImageMetadata> {
  // `astro build` runs with the project folder as its working directory (scripts/build/build-site.mjs).
  const file = join(process.cwd(), 'public', src);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new Error(`Image ${src} is not in public/uploads/. Upload it in the CMS, or correct the path.`);
  }
  const { width, height, format, orientation } = await imageMetadata(data, src);
  return { src, width, height, format, ...(orientation ? { orientation } : {}) };
}
