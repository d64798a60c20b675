/** Access token, or a function that returns a fresh one (called once per call). */
export type AccessTokenProvider = string | (() => string | Promise<string>);

export interface Credentials {
  /** Okta API token: sent as `Authorization: SSWS <token>`. */
  apiToken?: string | undefined;
  /** OAuth 2.0 access token: sent as `Authorization: Bearer <token>`. */
  accessToken?: AccessTokenProvider | undefined;
}

/** An Authorization value and the secret inside it, to redact from anything the call reports. */
export interface Authorization {
  header: string;
  secret: string;
}

/** Static tokens answer synchronously, so the common path awaits nothing. */
export type AuthorizationProvider = () => Authorization | Promise<Authorization>;

// Visible ASCII only: a token with spaces or line breaks would corrupt the header.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function checkToken(token: unknown, option: string, scheme: string): string {
  if (typeof token !== 'string' || token.length === 0) throw new TypeError(`${option} must be a non-empty string`);
  if (token.startsWith(`${scheme} `)) throw new TypeError(`${option} must be the bare token, without the "${scheme} " prefix`);
  if (!TOKEN_PATTERN.test(token)) throw new TypeError(`${option} contains spaces or control characters; check how it was read`);
  return token;
}

/** Undefined when the client has no credentials (it may still call the cookie-based `/me` operations). */
export function createAuthorizationProvider(credentials: Credentials): AuthorizationProvider | undefined {
  const { apiToken, accessToken } = credentials;
  if (apiToken !== undefined && accessToken !== undefined) {
    throw new TypeError('Pass either apiToken or accessToken, not both');
  }
  if (apiToken !== undefined) {
    const token = checkToken(apiToken, 'apiToken', 'SSWS');
    const authorization = { header: `SSWS ${token}`, secret: token };
    return () => authorization;
  }
  if (typeof accessToken === 'function') {
    return async () => {
      const token = checkToken(await accessToken(), 'The accessToken function result', 'Bearer');
      return { header: `Bearer ${token}`, secret: token };
    };
  }
  if (accessToken !== undefined) {
    const token = checkToken(accessToken, 'accessToken', 'Bearer');
    const authorization = { header: `Bearer ${token}`, secret: token };
    return () => authorization;
  }
  return undefined;
}
