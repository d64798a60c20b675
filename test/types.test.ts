import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../generated/okta-sessions.js';
import { OktaSessions, type Session, type SessionStatus } from '../src/index.js';

// Checked by `tsc` in `make test`; the runtime part only proves the file loads.
describe('public types', () => {
  const okta = new OktaSessions({ orgUrl: 'https://acme.okta.com', apiToken: 'token' });

  it('methods return Session or void', () => {
    expectTypeOf(okta.create).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(okta.get).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(okta.refresh).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(okta.revoke).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(okta.getCurrent).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(okta.refreshCurrent).returns.toEqualTypeOf<Promise<Session>>();
    expectTypeOf(okta.closeCurrent).returns.toEqualTypeOf<Promise<void>>();
  });

  it('Session is the generated schema type, not a copy', () => {
    expectTypeOf<Session>().toEqualTypeOf<components['schemas']['Session']>();
    expectTypeOf<SessionStatus>().toEqualTypeOf<'ACTIVE' | 'MFA_ENROLL' | 'MFA_REQUIRED'>();
    expectTypeOf(okta.get).parameter(0).toEqualTypeOf<string>();
  });
});
