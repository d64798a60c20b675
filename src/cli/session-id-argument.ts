/**
 * Okta session ids hold letters, digits, "-" and "_". Anything else on a command
 * line (a path, a URL, "me") is a mistake to stop before sending; the library
 * would encode it safely, but a person meant something else.
 */
export function sessionIdProblem(value: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value) || value.toLowerCase() === 'me') {
    return `${JSON.stringify(value)} is not a session id: Okta session ids hold letters, digits, "-" and "_" (e.g. 102l8zwRRO8Q2y3vlkDEVbkig)`;
  }
  return undefined;
}
