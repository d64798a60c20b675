// GENERATED FILE: do not edit by hand. Regenerate with `make generate`.
// Source: openapi/okta-sessions.yaml (info.version 2026.06.3), sha256 76557c3d7dc9d03321bea93df9d10996dd9c65e616bce4780742f3f420d9a349

/** Every operation in the spec: the facade and the coverage test read this table. */
export const operations = {
  "closeCurrentSession": {
    "method": "DELETE",
    "path": "/api/v1/sessions/me",
    "security": [],
    "scopes": [],
    "deprecated": false
  },
  "createSession": {
    "method": "POST",
    "path": "/api/v1/sessions",
    "security": [
      "apiToken"
    ],
    "scopes": [],
    "deprecated": false
  },
  "getCurrentSession": {
    "method": "GET",
    "path": "/api/v1/sessions/me",
    "security": [],
    "scopes": [],
    "deprecated": false
  },
  "getSession": {
    "method": "GET",
    "path": "/api/v1/sessions/{sessionId}",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.sessions.read"
    ],
    "deprecated": false
  },
  "refreshCurrentSession": {
    "method": "POST",
    "path": "/api/v1/sessions/me/lifecycle/refresh",
    "security": [],
    "scopes": [],
    "deprecated": false
  },
  "refreshSession": {
    "method": "POST",
    "path": "/api/v1/sessions/{sessionId}/lifecycle/refresh",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.sessions.manage"
    ],
    "deprecated": false
  },
  "revokeSession": {
    "method": "DELETE",
    "path": "/api/v1/sessions/{sessionId}",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.sessions.manage"
    ],
    "deprecated": false
  }
} as const;

export type OperationId = keyof typeof operations;
