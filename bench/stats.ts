/** Small statistics helpers shared by the benchmarks. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function summarize(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

/**
 * A 95 % bootstrap interval of `statistic(a) − statistic(b)` over paired
 * samples (a[i] and b[i] measured together): the runs are resampled as pairs,
 * 2,000 times. Says how far apart two percentiles from the same runs may be by
 * chance alone, which a single comparison of them does not.
 */
export function pairedInterval(a: number[], b: number[], statistic: (sorted: number[]) => number, resamples = 2000): { low: number; high: number } {
  const n = Math.min(a.length, b.length);
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const ra: number[] = [];
    const rb: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(Math.random() * n);
      ra.push(a[k]!);
      rb.push(b[k]!);
    }
    diffs.push(statistic(ra.sort((x, y) => x - y)) - statistic(rb.sort((x, y) => x - y)));
  }
  diffs.sort((x, y) => x - y);
  return { low: percentile(diffs, 2.5), high: percentile(diffs, 97.5) };
}
