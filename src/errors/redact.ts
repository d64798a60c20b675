const REDACTED = '[REDACTED]';

/** Replaces every occurrence of a credential in text that came from the server or the network. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** A copy of response headers that is safe to keep on an error: no `set-cookie`. */
export function safeHeaders(headers: Iterable<[string, string]>): Headers {
  const copy = new Headers([...headers]);
  copy.delete('set-cookie');
  return copy;
}
