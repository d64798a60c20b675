import type { OperationRef } from '../errors/classes.js';
import { loadError } from '../errors/make.js';
import { loadOnUse } from '../helpers/load-on-use.js';
import type { CallBudget } from '../http/budget.js';
import { facadeMethodOf, type Operation } from '../operations.js';
import type { CallAuthorization } from './authorization.js';
import type { OAuthAuthorizerOptions } from './oauth/authorizer.js';
import { checkOAuthOptions, type OAuthOptions } from './oauth/options.js';

/** Access token, or a function that returns a fresh one (called once per call). */
export type AccessTokenProvider = string | (() => string | Promise<string>);

export interface Credentials {
  /** Okta API token: sent as `Authorization: SSWS <token>`. */
  apiToken?: string | undefined;
  /** OAuth 2.0 access token: sent as `Authorization: Bearer <token>`. */
  accessToken?: AccessTokenProvider | undefined;
  /** An OAuth 2.0 service app: the client gets, caches and renews its tokens (private_key_jwt, DPoP). */
  oauth?: OAuthOptions | undefined;
}

/** Static tokens answer synchronously, so the common path awaits nothing. */
export type AuthorizationProvider = () => CallAuthorization | Promise<CallAuthorization>;

// Visible ASCII only: a token with spaces or line breaks would corrupt the header.
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function checkToken(token: unknown, option: string, scheme: string): string {
  if (typeof token !== 'string' || token.length === 0) throw new TypeError(`${option} must be a non-empty string`);
  if (token.startsWith(`${scheme} `)) throw new TypeError(`${option} must be the bare token, without the "${scheme} " prefix`);
  if (!TOKEN_PATTERN.test(token)) throw new TypeError(`${option} contains spaces or control characters; check how it was read`);
  return token;
}

/** Undefined when the client has no static token. */
function staticTokenProvider(credentials: Credentials): AuthorizationProvider | undefined {
  const { apiToken, accessToken } = credentials;
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

/** A client's credentials: which of the spec's security schemes they are, and the Authorization for a call. */
export interface ClientCredentials {
  scheme: 'apiToken' | 'oauth2';
  /** The scopes an OAuth service app asks for; unknown for a ready-made access token. */
  scopes: ReadonlySet<string> | undefined;
  authorize(budget: CallBudget, operation: OperationRef): CallAuthorization | Promise<CallAuthorization>;
}

/** Which kinds of credentials are given: a client takes one at most. */
export function givenCredentials(credentials: Credentials): (keyof Credentials)[] {
  return (['apiToken', 'accessToken', 'oauth'] as const).filter((name) => credentials[name] !== undefined);
}

/** Undefined when the client has no credentials (it may still call the cookie-based `/me` operations). */
export function createCredentials(
  credentials: Credentials,
  oauthContext: Omit<OAuthAuthorizerOptions, 'oauth'>,
): ClientCredentials | undefined {
  const given = givenCredentials(credentials);
  if (given.length > 1) throw new TypeError(`Pass one of apiToken, accessToken or oauth, not ${given.join(' and ')}`);
  if (credentials.oauth !== undefined) {
    const oauth = checkOAuthOptions(credentials.oauth);
    // The OAuth flow is loaded on first use: a client without oauth never loads it.
    const authorizer = loadOnUse(() =>
      import('./oauth/authorizer.js').then(({ OAuthAuthorizer }) => new OAuthAuthorizer({ ...oauthContext, oauth })),
    );
    return {
      scheme: 'oauth2',
      scopes: new Set(oauth.scopes),
      authorize: async (budget, operation) => {
        const loaded = await authorizer().catch((error: unknown) => {
          throw loadError(operation, "the OAuth flow (okta-sessions' auth/oauth chunk)", error);
        });
        return loaded.authorize(budget, operation);
      },
    };
  }
  const provider = staticTokenProvider(credentials);
  if (!provider) return undefined;
  return { scheme: credentials.apiToken !== undefined ? 'apiToken' : 'oauth2', scopes: undefined, authorize: provider };
}

/** Refuses, before anything is sent, a call the spec says these credentials cannot make. */
export function checkCredentialsFor(credentials: ClientCredentials | undefined, operation: Operation): ClientCredentials {
  const method = () => `${facadeMethodOf(operation.operationId) ?? operation.operationId}()`;
  if (!credentials)
    throw new TypeError(`${operation.operationId} needs credentials: create the client with apiToken, accessToken or oauth`);
  if (!operation.security.includes(credentials.scheme)) {
    const accepted = operation.security
      .map((scheme) => (scheme === 'apiToken' ? 'an API token (apiToken)' : 'OAuth (oauth or accessToken)'))
      .join(' or ');
    throw new TypeError(
      `${method()} (${operation.operationId}) accepts only ${accepted}, as Okta's spec says; this client has ${credentials.scheme === 'apiToken' ? 'an API token' : 'OAuth credentials'}`,
    );
  }
  const { scopes } = credentials;
  if (credentials.scheme === 'oauth2' && scopes && operation.scopes.length > 0 && !operation.scopes.some((scope) => scopes.has(scope))) {
    throw new TypeError(
      `${method()} needs the scope ${operation.scopes.join(' or ')}: add it to oauth.scopes, and grant it to the app in Okta`,
    );
  }
  return credentials;
}
