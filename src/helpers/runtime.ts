/** What the client does differently in a web page. */

/** True in a page: the browser sends its own cookies there, and an API token would reach every visitor. */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}
