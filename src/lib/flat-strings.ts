/**
 * Strings for Astro's content store as copies of their own, not slices of
 * each file's text: front matter reaches the schemas as a structured clone,
 * and entry ids are copied too (src/content-loaders.ts).
 *
 * Why (issue 17, docs/build-speed.md "Session 14"): Astro reads a file, cuts
 * its front matter out with js-yaml and its id out of the file name, and V8
 * keeps such a short cut as a slice of the larger string (SlicedString). The
 * slices reach the content store unchanged through zod. At the end of the
 * content sync Astro writes the whole store with devalue (27 million
 * characters for the peer content), and once devalue's compiled code has met
 * those slices it takes V8's slow path for every string after them. Measured
 * in Astro's own process (`astro sync`, peer content, --cpu-prof): the write
 * took 1.27 s with the slices, and 1.27 s with the front matter copied but
 * the ids still slices; 0.36 s with both copied. It runs on the build's
 * critical path with the second core idle. The copies cost a few milliseconds.
 *
 * The values are the same, so is every page: structured clone keeps strings,
 * numbers (-0, NaN and infinities too), booleans, null, Dates (YAML
 * timestamps), Uint8Arrays (!!binary), arrays and plain objects, shared and
 * cyclic references: all js-yaml makes of front matter and data files
 * (checked against the schemas with every content file and adversarial YAML,
 * the store compared as devalue writes it). Astro also reads TOML front
 * matter (`+++`), which the content check refuses before the build; there a
 * TOML date would become a plain Date. That the copy's strings are flat is how
 * V8 deserialises them, not a promise of the standard: if that changed, the
 * build would be slower again, not wrong.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** `value` copied by structured clone (its strings flat, see above). Throws a DataCloneError for a function or symbol. */
export function flatCopy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * `loader` with each entry's front matter (or data file) copied by flatCopy() before the schema
 * parses it. A value that cannot be copied (a function; YAML cannot write one) fails the sync, naming the file.
 */
export function flatFrontMatter(loader: Loader): Loader {
  const wrapped: Loader = {
    ...loader,
    async load(context: LoaderContext) {
      const parseData: LoaderContext['parseData'] = (props) => {
        let data: typeof props.data;
        try {
          data = flatCopy(props.data);
        } catch (error) {
          throw new Error(`${props.filePath ?? props.id}: its front matter cannot be read as data (${(error as Error).message})`, { cause: error });
        }
        return context.parseData({ ...props, data });
      };
      await loader.load({ ...context, parseData });
    },
  };
  copying.add(wrapped);
  return wrapped;
}

/** Loaders made by flatFrontMatter(). */
const copying = new WeakSet<Loader>();

/** Whether `loader` was made by flatFrontMatter() (tests/unit/flat-strings.unit.test.ts checks every collection's). */
export function copiesFrontMatter(loader: Loader): boolean {
  return copying.has(loader);
}
