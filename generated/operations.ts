// GENERATED FILE: do not edit by hand. Regenerate with `make generate`.
// Source: openapi/okta-sessions.yaml (info.version 2026.06.3), sha256 69f06d9aa9e3b84354168ef346da57e4c6bbafbec6740e16efb4df44fda4778b

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
  "getUser": {
    "method": "GET",
    "path": "/api/v1/users/{id}",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.users.read"
    ],
    "deprecated": false
  },
  "listLogEvents": {
    "method": "GET",
    "path": "/api/v1/logs",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.logs.read"
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
  },
  "revokeUserSessions": {
    "method": "DELETE",
    "path": "/api/v1/users/{userId}/sessions",
    "security": [
      "apiToken",
      "oauth2"
    ],
    "scopes": [
      "okta.users.manage"
    ],
    "deprecated": false
  }
} as const;

export type OperationId = keyof typeof operations;
