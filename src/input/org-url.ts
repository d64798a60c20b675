const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The text of a URL that did not parse, safe to quote: whatever stands before its last "@" may be a password. */
function quotable(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, (_userinfo, scheme: string | undefined) => `${scheme ?? ''}[REDACTED]@`);
}

/** Validates `orgUrl` and returns its origin, e.g. `https://acme.okta.com`. */
export function normalizeOrgUrl(orgUrl: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(orgUrl));
  } catch {
    throw new TypeError(`orgUrl must be an absolute URL such as "https://acme.okta.com"; got ${JSON.stringify(quotable(String(orgUrl)))}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new TypeError(
      `orgUrl must use https (plain http is allowed only for localhost, 127.0.0.0/8 and [::1]); got ${url.protocol}//${url.host}`,
    );
  }
  if (url.username || url.password) {
    throw new TypeError('orgUrl must not contain credentials; pass apiToken or accessToken instead');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new TypeError(`orgUrl must be the org's origin only, without path, query or fragment; use "${url.origin}"`);
  }
  return url.origin;
}
