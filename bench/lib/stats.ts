export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** p50, mean and p99 of one client's call durations. */
export function latencyOf(values: readonly number[]): { p50: number; mean: number; p99: number } {
  return { p50: percentile(values, 50), mean: values.reduce((sum, value) => sum + value, 0) / values.length, p99: percentile(values, 99) };
}
