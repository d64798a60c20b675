/**
 * A Cookie header value as RFC 6265 writes it (section 4.2.1): `name=value` pairs
 * joined by "; ", a name a token, a value of cookie-octets (visible ASCII but
 * `"`, `,`, `;` and `\`), optionally quoted. Anything else (a control character,
 * a line break) would reach the header layer, which refuses it quoting the whole
 * value: the cookie is a credential, so it is checked here and never quoted.
 */
const COOKIE_PAIR =
  /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+=(?:"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*"|[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*)$/;

/** Only a `sid` or `idx` cookie identifies an Okta session. */
export function checkCookie(cookie: unknown): string {
  const pairs = typeof cookie === 'string' ? cookie.split(/;[ \t]*/) : [];
  const wellFormed = pairs.length > 0 && pairs.every((pair) => COOKIE_PAIR.test(pair));
  if (!wellFormed || !pairs.some((pair) => /^(sid|idx)=[^"]/.test(pair) || /^(sid|idx)="[^"]/.test(pair))) {
    throw new TypeError(
      'cookie must be a Cookie header value holding the session cookie, such as "sid=…" or "idx=…" (name=value pairs separated by "; ", visible ASCII only)',
    );
  }
  return cookie as string;
}

/** The cookie values, to redact from anything the call reports. */
export function cookieSecrets(cookie: string): string[] {
  return cookie.split(';').map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
}
