/**
 * The environment `astro build` and the CMS bundle's Vite build (scripts/build/cms-bundle.mjs) run
 * with, so that the allocator inside their Rust bindings does not ask the kernel for transparent huge
 * pages (issue 17, docs/build-speed.md "Session 15").
 *
 * Why: Rolldown (Vite's bundler), Astro's compiler and oxc are Rust bindings that each carry mimalloc
 * 2.5. At load, each reserves a 1 GiB arena and, with its default `allow_thp`, marks it
 * `madvise(MADV_HUGEPAGE)`. On a kernel with transparent huge pages in `madvise` mode (Debian's and
 * Ubuntu's default; this machine: `enabled [madvise]`, `defrag [madvise]`) every first touch of that
 * arena then zeroes a whole 2 MiB page, and mimalloc's purges (`MADV_DONTNEED` after 10 ms) make it
 * zero them again. `perf record -a` of `astro build` on the peer content: 10-11 % of all samples in
 * the kernel's `clear_page_erms` under Rolldown's, libuv's and Node's threads; with
 * `MIMALLOC_ALLOW_THP=0`, 0.06 %, and `astro build` alone 15.1 s → 12.1 s, the whole build's system
 * time 5.0-5.6 → 2.4-3.1 s. The output is the same bytes.
 *
 * Scope: with the setting, Rolldown's mimalloc only stops its `madvise`; the copy in Astro's compiler
 * (loaded by every `astro build`) also calls `prctl(PR_SET_THP_DISABLE)`, which turns transparent huge
 * pages off for the whole process, V8's heap included, and for every process it starts (the prerender
 * workers, src/integrations/parallel-prerender.ts): `/proc/self/status` then shows `THP_enabled: 0`.
 *
 * The CMS bundle, when its cache misses, took 23.9-24.5 s beside Astro with them and 9.7-10.9 s
 * without (the whole peer build 25.1-25.8 → 18.1-19.4 s, four builds; docs/build-speed.md "Session 15").
 *
 * mimalloc reads `MIMALLOC_<option>` once, when the binding loads, so it has to be in the environment the
 * process starts with (scripts/build/build-site.mjs passes it to `astro build`, cmsBundleInProcess() to
 * its child; a value already in the environment wins, e.g. `MIMALLOC_ALLOW_THP=1` to compare). Option name and default: mimalloc's
 * `mi_option_allow_thp` (src/options.c, v2.2+), printed by `MIMALLOC_VERBOSE=1`.
 */
export const NATIVE_ALLOCATOR_ENV = Object.freeze({ MIMALLOC_ALLOW_THP: '0' });
