/**
 * A budget in ms: a number > 0, or Infinity for none. A command line gives it as
 * text, which is read here too, and quoted back when it is not a number.
 */
export function checkTimeout(timeoutMs: unknown, option: string): number {
  if (typeof timeoutMs === 'string') {
    const parsed = timeoutMs.trim() === '' ? Number.NaN : Number(timeoutMs);
    if (!(parsed > 0)) throw new TypeError(`${option} must be a number of milliseconds > 0; got ${JSON.stringify(timeoutMs)}`);
    return parsed;
  }
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new TypeError(`${option} must be a number of milliseconds > 0 (or Infinity); got ${String(timeoutMs)}`);
  }
  return timeoutMs;
}
