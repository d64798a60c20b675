// Public types come from the spec via generated/; nothing here is retyped by hand.
export type {
  CreateSessionRequest,
  components,
  Error as OktaErrorBody,
  ErrorCause,
  operations,
  paths,
  Session,
  SessionAuthenticationMethod,
  SessionIdentityProvider,
  SessionIdentityProviderType,
  SessionStatus,
  User,
  UserGetSingleton,
  UserProfile,
  UserStatus,
} from '../generated/okta-sessions.js';
