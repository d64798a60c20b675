/** Only a `sid` or `idx` cookie identifies an Okta session. */
export function checkCookie(cookie: unknown): string {
  if (typeof cookie !== 'string' || !/(^|;\s*)(sid|idx)=[^;\s]/.test(cookie) || /[\r\n]/.test(cookie)) {
    throw new TypeError('cookie must be a Cookie header value holding the session cookie, such as "sid=…" or "idx=…"');
  }
  return cookie;
}

/** The cookie values, to redact from anything the call reports. */
export function cookieSecrets(cookie: string): string[] {
  return cookie.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
}
