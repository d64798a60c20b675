import { OktaSessions, type OktaSessionsOptions } from '../../src/index.js';

export const ORG = 'https://acme.okta.com';
export const API_TOKEN = '00TESTtokenValue-abcdef0123456789';

/** A session as Okta returns it, including the deprecated `mfaActive` the schema lacks. */
export const RECORDED_SESSION = {
  id: '102l8zwRRO8Q2y3vlkDEVbkig',
  userId: '00uq9rgxol2uZABHN1d7',
  login: 'u@example.com',
  createdAt: '2025-09-22T07:00:55.000Z',
  expiresAt: '2025-09-22T09:00:55.000Z',
  status: 'ACTIVE',
  lastPasswordVerification: '2025-09-22T07:00:55.000Z',
  lastFactorVerification: null,
  amr: ['pwd'],
  idp: { id: '00onkw1sbuAh3Q06I1d7', type: 'OKTA' },
  mfaActive: true,
  _links: { self: { href: `${ORG}/api/v1/sessions/me`, hints: { allow: ['GET', 'DELETE'] } } },
};

/** Headers Okta sends on every response; `nowMs` is the server's clock. */
export function oktaHeaders(nowMs = Date.now(), rateLimit = { limit: 375, remaining: 374, resetInSeconds: 60 }): Record<string, string> {
  return {
    'content-type': 'application/json',
    date: new Date(nowMs).toUTCString(),
    'x-okta-request-id': 'aabbccddeeff00112233445566778899',
    'x-rate-limit-limit': String(rateLimit.limit),
    'x-rate-limit-remaining': String(rateLimit.remaining),
    'x-rate-limit-reset': String(Math.floor(nowMs / 1000) + rateLimit.resetInSeconds),
  };
}

export function oktaErrorBody(errorCode: string, errorSummary: string) {
  return { errorCode, errorSummary, errorLink: errorCode, errorId: 'oaeTestErrorId', errorCauses: [] };
}

export const RATE_LIMITED_BODY = oktaErrorBody('E0000047', 'API call exceeded rate limit due to too many requests.');

export function newClient(options: Partial<OktaSessionsOptions> = {}): OktaSessions {
  return new OktaSessions({ orgUrl: ORG, apiToken: API_TOKEN, ...options } as OktaSessionsOptions);
}

/** Awaits a promise expected to reject and returns the reason. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
