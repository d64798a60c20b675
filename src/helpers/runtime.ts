/** What the client does differently in a browser. */

/** A browser's worker scope (dedicated, shared or service worker): no `document`, but a browser all the same. */
function isBrowserWorker(): boolean {
  const scope = globalThis as { WorkerGlobalScope?: unknown; importScripts?: unknown };
  return (
    typeof scope.WorkerGlobalScope === 'function' &&
    globalThis instanceof (scope.WorkerGlobalScope as new () => object) &&
    typeof scope.importScripts === 'function'
  );
}

/**
 * True in a page or a browser's worker: the browser sends its own cookies there, and a long-lived secret
 * (an API token, a service app's key) would reach every visitor.
 */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined' || isBrowserWorker();
}
