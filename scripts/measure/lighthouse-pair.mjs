/**
 * A before/after Lighthouse comparison of pages with the trace read
 * (docs/build-speed.md, point 6): two built sites served side by side on
 * Cloudflare's runtime (scripts/serve/pages-dev.mjs), single runs alternating
 * A, B, A, B… in one Chromium, so both see the same machine state. A measuring
 * tool, not a test and not a step of `npm test`. Command line:
 * scripts/cli/measure-lighthouse-pair.mjs.
 *
 * Per run: performance, FCP, LCP, TBT (simulated ms), the CPU benchmark index
 * and the 1-minute load average; Lighthouse's long tasks (simulated duration @
 * start, attributed URL); and, from the trace, each main-thread task of ≥ 15 ms
 * real time with what it spent its time on (Layout with its dirty/total object
 * count, UpdateLayoutTree, ParseHTML, module evaluation, Paint…), in ms from
 * navigation start. Lantern (Lighthouse's simulation) multiplies a task by the
 * CPU slowdown (4), a task that did layout by half of it (2).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from '../lib/find-browser.mjs';
import { startPagesDev } from '../serve/pages-dev.mjs';

/** Top-level main-thread tasks of ≥ minMs real time, with their slices by event name. */
function mainThreadTasks(traceEvents, minMs = 15) {
  const navStart = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  const main = traceEvents.find((e) => e.name === 'TracingStartedInBrowser');
  // The renderer's main thread: the one that ran the page's ParseHTML.
  const parse = traceEvents.find((e) => e.name === 'ParseHTML' && e.ph === 'X');
  const pid = parse?.pid;
  const tid = parse?.tid;
  const t0 = navStart?.ts ?? main?.ts ?? 0;
  const onMain = traceEvents.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const tops = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').filter((e) => e.dur >= minMs * 1000);
  const kinds = [
    'Layout',
    'UpdateLayoutTree',
    'ParseHTML',
    'ParseAuthorStyleSheet',
    'EvaluateScript',
    'v8.compileModule',
    'v8.evaluateModule',
    'FunctionCall',
    'Paint',
    'PrePaint',
    'Layerize',
    'UpdateLayer',
    'CommitLoad',
    'v8.newContext',
    'HitTest',
    'MarkDOMContent',
    'MarkLoad',
    'ResourceReceivedData',
    'ScheduleStyleRecalculation',
    'TimerFire',
    'EventDispatch',
    'V8.GC_SCAVENGER',
    'MinorGC',
    'MajorGC',
    'V8.GCFinalizeMC',
    'GPUTask',
  ];
  return tops.map((task) => {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const slices = {};
    for (const e of inside) {
      if (!kinds.includes(e.name)) continue;
      const key = e.name === 'Layout' ? `Layout(${e.args?.beginData?.dirtyObjects ?? '?'}/${e.args?.beginData?.totalObjects ?? '?'})` : e.name;
      slices[key] = (slices[key] ?? 0) + e.dur / 1000;
    }
    const urls = [...new Set(inside.map((e) => e.args?.data?.url ?? e.args?.beginData?.url).filter(Boolean))].map((u) => u.replace(/^https?:\/\/[^/]+/, ''));
    return {
      startMs: Math.round((task.ts - t0) / 1000),
      ms: Math.round(task.dur / 1000),
      slices: Object.fromEntries(
        Object.entries(slices)
          .filter(([, ms]) => ms >= 1)
          .map(([k, ms]) => [k, Math.round(ms)]),
      ),
      urls: urls.slice(0, 4),
    };
  });
}

/**
 * Runs Lighthouse (performance only) `runs` times on each path of site A and, if given, site B,
 * alternating, and prints and returns one row per run (see above).
 * @param {{ a: string, b?: string, paths: string[], runs: number, port: number, out?: string, fonts?: string, quiet?: boolean }} options
 *   port: site A's (B's is port + 1; wrangler's inspector + 50); fonts: a FONTCONFIG_FILE for Chromium alone.
 */
export async function runLighthousePair({ a, b, paths, runs, port, out, fonts, quiet = false }) {
  const sites = [['A', a, port], ...(b ? [['B', b, port + 1]] : [])];
  if (out) mkdirSync(out, { recursive: true });
  const servers = [];
  const chromeEnv = fonts ? { ...process.env, FONTCONFIG_FILE: fonts } : process.env;
  let chrome;
  const rows = [];
  try {
    for (const [, dir, port] of sites) servers.push(await startPagesDev({ dir, port }));
    chrome = await chromeLauncher.launch({ chromePath: await findChromium(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent', envVars: chromeEnv });
    for (let run = 1; run <= runs; run++) {
      for (const path of paths) {
        for (const [i, [name]] of sites.entries()) {
          const url = `${servers[i].url.replace(/\/$/, '')}${path}`;
          const load = loadavg()[0];
          const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
          const { lhr, artifacts } = result;
          const audits = lhr.audits;
          const row = {
            site: name,
            path,
            run,
            perf: Math.round(lhr.categories.performance.score * 100),
            fcp: Math.round(audits['first-contentful-paint'].numericValue),
            lcp: Math.round(audits['largest-contentful-paint'].numericValue),
            tbt: Math.round(audits['total-blocking-time'].numericValue),
            cls: audits['cumulative-layout-shift'].numericValue,
            benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
            load: Number(load.toFixed(2)),
            longTasks: (audits['long-tasks']?.details?.items ?? []).map(
              (t) => `${Math.round(t.duration)}@${Math.round(t.startTime)} ${String(t.url).replace(/^https?:\/\/[^/]+/, '')}`,
            ),
            tasks: mainThreadTasks(artifacts.Trace.traceEvents),
            lcpElement: audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet?.slice(0, 80),
          };
          rows.push(row);
          console.log(
            `${name} ${path} run ${run}: perf ${row.perf}  FCP ${row.fcp}  LCP ${row.lcp}  TBT ${row.tbt}  CLS ${row.cls}  bench ${row.benchmarkIndex}  load ${row.load}`,
          );
          if (!quiet) {
            console.log(`    long tasks (simulated): ${row.longTasks.join(' | ')}`);
            for (const t of row.tasks) console.log(`    task ${t.ms} ms @${t.startMs}: ${JSON.stringify(t.slices)} ${t.urls.join(' ')}`);
          }
          if (out) {
            const stem = join(out, `${name}-${path.replace(/\W+/g, '_')}-${run}`);
            writeFileSync(`${stem}.json`, result.report);
            writeFileSync(`${stem}.trace.json`, JSON.stringify(artifacts.Trace));
          }
        }
      }
    }
  } finally {
    chrome?.kill();
    for (const server of servers) await server.close();
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const path of paths) {
    for (const [name] of sites) {
      const r = rows.filter((x) => x.site === name && x.path === path);
      console.log(
        `${name} ${path}: perf ${r.map((x) => x.perf).join(' ')} | TBT median ${median(r.map((x) => x.tbt))} | LCP median ${median(r.map((x) => x.lcp))} | bench ${r.map((x) => x.benchmarkIndex).join(' ')} | load ${r.map((x) => x.load).join(' ')}`,
      );
    }
  }
  if (out) writeFileSync(join(out, 'rows.json'), JSON.stringify(rows, null, 2));

  return rows;
}
