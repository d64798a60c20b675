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
    `the browser refused or could not complete the request. For Okta this is usually one of: ${pageOrigin()} is not a Trusted Origin (CORS) of the org; ` +
    'third-party cookies are blocked, so the Okta session cookie is only sent when Okta is on a custom domain of this site; ' +
    'or Okta answered an error (such as 404 for an ended session) without CORS headers, which the browser hides. The browser console names the cause'
  );
}
