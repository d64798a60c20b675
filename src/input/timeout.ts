/** A budget in ms: a number > 0, or Infinity for none. */
export function checkTimeout(timeoutMs: unknown, option: string): number {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new TypeError(`${option} must be a number of milliseconds > 0 (or Infinity); got ${String(timeoutMs)}`);
  }
  return timeoutMs;
}
