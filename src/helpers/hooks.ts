/** Calls a user's hook (`onRetry`, `onRateLimit`): it is for logging and metrics, so its failure must not fail the call. */
export function callHook<T>(hook: ((event: T) => void) | undefined, event: T): void {
  try {
    hook?.(event);
  } catch {
    // ignored on purpose
  }
}
