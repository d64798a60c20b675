/** What the client does differently in a web page. */

/** True in a page: the browser sends its own cookies there, and an API token would reach every visitor. */
export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

function pageOrigin(): string {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' ? origin : 'this page’s origin';
}

/**
 * A fetch that fails in a browser rejects with a bare TypeError ("Failed to fetch"): the browser hides why.
 * For Okta it is nearly always one of these, so the error names them.
 */
export function browserFetchFailureHint(error: unknown): string | undefined {
  if (!isBrowser() || !(error instanceof TypeError)) return undefined;
  return (
    `the browser blocked it or could not complete it. Likely: ${pageOrigin()} is not a Trusted Origin (CORS) of the org; ` +
    'third-party cookies are blocked (Okta needs a custom domain on this site); or Okta answered an error without CORS headers ' +
    '(such as 404 for an ended session). The browser console says which'
  );
}
