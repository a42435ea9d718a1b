/** Whether build time grows no worse than linearly with the number of pages. */

/** How much worse than proportional the largest size may be: time(Nmax)/time(Nmin) ≤ (Nmax/Nmin) × this. */
export const LINEARITY_TOLERANCE = 1.2;

/**
 * Linear growth check: with fixed start-up costs, a linear build gives
 * time(b)/time(a) ≤ b/a. Also a least-squares fit: seconds = fixed + perPage × pages.
 * `metric` is "seconds" (wall) or "cpuSeconds" (CPU time of the build's processes,
 * which a busy machine disturbs far less; the verdict uses it).
 */
export function linearity(results, { tolerance = LINEARITY_TOLERANCE, metric = 'cpuSeconds' } = {}) {
  if (results.length < 2) return undefined;
  const sorted = [...results].sort((a, b) => a.n - b.n);
  const first = sorted[0];
  const last = sorted.at(-1);
  const ratio = last[metric] / first[metric];
  const allowed = (last.n / first.n) * tolerance;
  const xs = sorted.map((r) => r.pages);
  const ys = sorted.map((r) => r[metric]);
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(xs);
  const my = mean(ys);
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const ssRes = ys.reduce((s, y, i) => s + (y - (intercept + slope * xs[i])) ** 2, 0);
  const ssTot = ys.reduce((s, y) => s + (y - my) ** 2, 0);
  // Marginal cost per page between neighbouring sizes: rising steeply would mean worse than linear.
  const marginal = sorted.slice(1).map((r, i) => ((r[metric] - sorted[i][metric]) / (r.pages - sorted[i].pages)) * 1000);
  return { metric, ratio, allowed, ok: ratio <= allowed, msPerPage: slope * 1000, fixedSeconds: intercept, r2: ssTot ? 1 - ssRes / ssTot : 1, marginalMsPerPage: marginal };
}
