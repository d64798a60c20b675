/** An Authorization value and the secret inside it, to redact from anything the call reports. */
export interface CallAuthorization {
  header: string;
  secret: string;
  /** Headers each attempt adds (a DPoP proof, fresh per attempt); their values are secrets too. */
  attemptHeaders?: ((method: string, url: string) => Promise<Record<string, string>>) | undefined;
  /** Drops a token Okta refused (401), so the call can retry once with a new one; absent for static tokens. */
  invalidate?: () => void;
}
