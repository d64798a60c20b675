import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../generated/okta-sessions.js';
import {
  OktaSessions,
  type OktaPromise,
  type OktaResponse,
  type Session,
  type SessionStatus,
  type User,
  type UserGetSingleton,
  type UserStatus,
} from '../src/index.js';

// Checked by `tsc` in `make test`; the runtime part only proves the file loads.
describe('public types', () => {
  const okta = new OktaSessions({ orgUrl: 'https://acme.okta.com', apiToken: 'token' });

  it('methods return a promise of the generated type (or void), with withResponse', () => {
    expectTypeOf(okta.create).returns.toEqualTypeOf<OktaPromise<Session>>();
    expectTypeOf(okta.get).returns.toEqualTypeOf<OktaPromise<Session>>();
    expectTypeOf(okta.refresh).returns.toEqualTypeOf<OktaPromise<Session>>();
    expectTypeOf(okta.revoke).returns.toEqualTypeOf<OktaPromise<void>>();
    expectTypeOf(okta.getCurrent).returns.toEqualTypeOf<OktaPromise<Session>>();
    expectTypeOf(okta.refreshCurrent).returns.toEqualTypeOf<OktaPromise<Session>>();
    expectTypeOf(okta.closeCurrent).returns.toEqualTypeOf<OktaPromise<void>>();
    expectTypeOf(okta.getUser).returns.toEqualTypeOf<OktaPromise<UserGetSingleton>>();
    expectTypeOf(okta.clearUserSessions).returns.toEqualTypeOf<OktaPromise<void>>();
    expectTypeOf<OktaPromise<Session>>().toMatchTypeOf<Promise<Session>>();
    expectTypeOf<ReturnType<OktaPromise<Session>['withResponse']>>().toEqualTypeOf<Promise<OktaResponse<Session>>>();
    expectTypeOf<OktaResponse<Session>['data']>().toEqualTypeOf<Session>();
  });

  it('Session and User are the generated schema types, not copies (Session widens lastFactorVerification to null, as Okta sends it)', () => {
    type SpecSession = components['schemas']['Session'];
    expectTypeOf<Omit<Session, 'lastFactorVerification'>>().toEqualTypeOf<Omit<SpecSession, 'lastFactorVerification'>>();
    expectTypeOf<Session['lastFactorVerification']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<SessionStatus>().toEqualTypeOf<'ACTIVE' | 'MFA_ENROLL' | 'MFA_REQUIRED'>();
    expectTypeOf<User>().toEqualTypeOf<components['schemas']['User']>();
    expectTypeOf<UserGetSingleton>().toEqualTypeOf<components['schemas']['UserGetSingleton']>();
    expectTypeOf<UserGetSingleton>().toMatchTypeOf<User>();
    expectTypeOf<UserStatus>().toEqualTypeOf<components['schemas']['UserStatus']>();
    expectTypeOf(okta.get).parameter(0).toEqualTypeOf<string>();
  });
});
