/** Latency percentiles and memory snapshots, in the units the report uses. */

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles of `samples` (milliseconds), to four significant digits (never rounded to 0). */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number): number => {
    const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
    return Number(value.toPrecision(4));
  };
  return { p50: rank(50), p95: rank(95), p99: rank(99) };
}

export interface MemorySnapshot {
  rss_mb: number;
  heap_mb: number;
  /** Peak resident set size of the process so far. */
  max_rss_mb: number;
}

const MB = 1024 * 1024;
const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Memory after a full collection (when the process runs with --expose-gc). */
export function memorySnapshot(): MemorySnapshot {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const usage = process.memoryUsage();
  return {
    rss_mb: round1(usage.rss / MB),
    heap_mb: round1(usage.heapUsed / MB),
    max_rss_mb: round1((process.resourceUsage().maxRSS * 1024) / MB),
  };
}

/** Runs `action` once per item, returning each call's duration in milliseconds. */
export function timeEach<T>(items: readonly T[], action: (item: T) => void): number[] {
  return items.map((item) => {
    const start = performance.now();
    action(item);
    return performance.now() - start;
  });
}
