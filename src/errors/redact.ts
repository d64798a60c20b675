const REDACTED = '[REDACTED]';

/**
 * A value the caller gave that must not leave the client in any text: a credential, replaced whole, or
 * a session id, which on Classic is the `sid` cookie's value, shortened to a prefix a reader can still match.
 */
export type Secret = string | { readonly value: string; readonly shown: string };

/** A session id as errors show it: its first characters (at most 6, at most half of it) and "..." (ASCII: it may end up in a header). */
export function sessionIdSecret(sessionId: string): Secret {
  return { value: sessionId, shown: `${sessionId.slice(0, Math.min(6, Math.floor(sessionId.length / 2)))}...` };
}

/** Replaces every occurrence of a secret in text that came from the server, the network or the caller. */
export function redact(text: string, secrets: readonly Secret[]): string {
  let result = text;
  for (const secret of secrets) {
    const [value, shown] = typeof secret === 'string' ? [secret, REDACTED] : [secret.value, secret.shown];
    if (value.length >= 4) result = result.split(value).join(shown);
  }
  return result;
}

/**
 * The response headers a caller needs from an error: Okta's request id, the rate-limit headers, when and
 * what the answer was. Only these: a server or proxy may reflect the request's `Authorization` or cookie,
 * or put credentials in a `Location` or `Proxy-Authenticate`.
 */
const KEPT_HEADERS = new Set([
  'x-okta-request-id',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'retry-after',
  'date',
  'content-type',
  'www-authenticate',
]);

/** A copy of the headers a caller needs, safe to keep on an error: the allowlist above, each value redacted of the call's secrets. */
export function safeHeaders(headers: Iterable<[string, string]>, secrets: readonly Secret[]): Headers {
  const copy = new Headers();
  for (const [name, value] of headers) if (KEPT_HEADERS.has(name.toLowerCase())) copy.append(name, redact(value, secrets));
  return copy;
}
