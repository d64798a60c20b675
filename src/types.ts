// Public types come from the spec via generated/; nothing here is retyped by hand, but for the one overlay below.
export type {
  CreateSessionRequest,
  components,
  Error as OktaErrorBody,
  ErrorCause,
  LogActor,
  LogAuthenticationContext,
  LogClient,
  LogEvent,
  LogOutcome,
  LogTarget,
  LogTransaction,
  operations,
  paths,
  SessionAuthenticationMethod,
  SessionIdentityProvider,
  SessionIdentityProviderType,
  SessionStatus,
  User,
  UserGetSingleton,
  UserProfile,
  UserStatus,
} from '../generated/okta-sessions.js';

import type { Session as SpecSession } from '../generated/okta-sessions.js';

/**
 * A session as Okta sends it: the spec's `Session`, with `lastFactorVerification` `null` when no factor was
 * verified, as every recorded create, get and refresh answer has it (the spec types it a string, or absent).
 */
export type Session = Omit<SpecSession, 'lastFactorVerification'> & {
  /** When the user last verified a factor (ISO 8601), or `null` when no factor was verified in the session. */
  readonly lastFactorVerification?: string | null;
};
