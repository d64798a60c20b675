// GENERATED FILE: do not edit by hand. Regenerate with `make generate`.
// Source: openapi/okta-sessions.yaml (info.version 2026.06.3), sha256 76557c3d7dc9d03321bea93df9d10996dd9c65e616bce4780742f3f420d9a349

export interface paths {
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a session with session token
         * @description Creates a new Session for a user with a valid session token. Use this API if, for example, you want to set the session cookie yourself instead of allowing Okta to set it, or want to hold the session ID to delete a session through the API instead of visiting the logout URL.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `id` of the session */
                sessionId: components["parameters"]["pathSessionId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a session
         * @description Retrieves information about the session specified by the given session ID
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /**
         * Revoke a session
         * @description Revokes the specified session
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{sessionId}/lifecycle/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `id` of the session */
                sessionId: components["parameters"]["pathSessionId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh a session
         * @description Refreshes an existing session using the `id` for that session. A successful response contains the refreshed session with an updated `expiresAt` timestamp.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve the current session
         * @description Retrieves Session information for the current user. Use this method in a browser-based application to determine if the user is signed in.
         *
         *     > **Note:** This operation requires a session cookie for the user. An API token isn't allowed for this operation.
         */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        /**
         * Close the current session
         * @description Closes the Session for the user who is currently signed in. Use this method in a browser-based application to sign out a user.
         *
         *     > **Note:** This operation requires a session cookie for the user. An API token isn't allowed for this operation.
         */
        delete: operations["closeCurrentSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/me/lifecycle/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh the current session
         * @description Refreshes the Session for the current user
         *
         *     > **Note:** This operation requires a session cookie for the user. An API token isn't allowed for this operation.
         */
        post: operations["refreshCurrentSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateSessionRequest: {
            /** @description The session token obtained during authentication */
            sessionToken?: string;
        };
        /** Error */
        Error: {
            errorCauses?: components["schemas"]["ErrorCause"][];
            /** @description An Okta code for this type of error */
            errorCode?: string;
            /** @description A unique identifier for this error. This can be used by Okta Support to help with troubleshooting. */
            errorId?: string;
            /** @description An Okta code for this type of error */
            errorLink?: string;
            /** @description A short description of what caused this error. Sometimes this contains dynamically-generated information about your specific error. */
            errorSummary?: string;
        };
        ErrorCause: {
            errorSummary?: string;
        };
        /** @description Describes allowed HTTP verbs for the `href` */
        HrefHints: {
            allow?: components["schemas"]["HttpMethod"][];
        };
        /** Link Object */
        HrefObject: {
            readonly hints?: components["schemas"]["HrefHints"];
            /** @description Link URI */
            href: string;
            /** @description Link name */
            readonly name?: string;
            /** @description Indicates whether the link object's `href` property is a URI template. */
            readonly templated?: boolean;
            /** @description The media type of the link. If omitted, it is implicitly `application/json`. */
            readonly type?: string;
        } & {
            [key: string]: unknown;
        };
        HrefObjectSelfLink: components["schemas"]["HrefObject"] & unknown;
        /** @enum {string} */
        HttpMethod: "DELETE" | "GET" | "POST" | "PUT";
        /** @description Specifies link relations (see [Web Linking](https://www.rfc-editor.org/rfc/rfc8288)) available using the [JSON Hypertext Application Language](https://datatracker.ietf.org/doc/html/draft-kelly-json-hal-06) specification. This object is used for dynamic discovery of related resources and lifecycle operations. */
        LinksSelf: {
            self?: components["schemas"]["HrefObjectSelfLink"];
        };
        Session: {
            _links?: components["schemas"]["LinksSelf"];
            /** @description Authentication method reference */
            readonly amr?: components["schemas"]["SessionAuthenticationMethod"][];
            /** Format: date-time */
            readonly createdAt?: string;
            /**
             * Format: date-time
             * @description A timestamp when the session expires
             */
            readonly expiresAt?: string;
            /** @description A unique key for the session */
            readonly id?: string;
            idp?: components["schemas"]["SessionIdentityProvider"];
            /**
             * Format: date-time
             * @description A timestamp when the user last performed multifactor authentication
             */
            readonly lastFactorVerification?: string;
            /**
             * Format: date-time
             * @description A timestamp when the user last performed the primary or step-up authentication with a password
             */
            readonly lastPasswordVerification?: string;
            /** @description A unique identifier for the user (username) */
            readonly login?: string;
            /** @description Current session status */
            status?: components["schemas"]["SessionStatus"];
            /** @description A unique key for the user */
            readonly userId?: string;
        };
        /** @enum {string} */
        SessionAuthenticationMethod: "fpt" | "geo" | "hwk" | "kba" | "mca" | "mfa" | "otp" | "pwd" | "sc" | "sms" | "swk" | "tel";
        SessionIdentityProvider: {
            /** @description Identity Provider ID. If the `type` is `OKTA`, then the `id` is the org ID. */
            readonly id?: string;
            type?: components["schemas"]["SessionIdentityProviderType"];
        };
        /** @enum {string} */
        SessionIdentityProviderType: "ACTIVE_DIRECTORY" | "FEDERATION" | "LDAP" | "OKTA" | "SOCIAL";
        /** @enum {string} */
        SessionStatus: "ACTIVE" | "MFA_ENROLL" | "MFA_REQUIRED";
    };
    responses: {
        /** @description Forbidden */
        ErrorAccessDenied403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not Found */
        ErrorResourceNotFound404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too Many Requests */
        ErrorTooManyRequests429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description `id` of the session */
        pathSessionId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type CreateSessionRequest = components['schemas']['CreateSessionRequest'];
export type Error = components['schemas']['Error'];
export type ErrorCause = components['schemas']['ErrorCause'];
export type HrefHints = components['schemas']['HrefHints'];
export type HrefObject = components['schemas']['HrefObject'];
export type HrefObjectSelfLink = components['schemas']['HrefObjectSelfLink'];
export type HttpMethod = components['schemas']['HttpMethod'];
export type LinksSelf = components['schemas']['LinksSelf'];
export type Session = components['schemas']['Session'];
export type SessionAuthenticationMethod = components['schemas']['SessionAuthenticationMethod'];
export type SessionIdentityProvider = components['schemas']['SessionIdentityProvider'];
export type SessionIdentityProviderType = components['schemas']['SessionIdentityProviderType'];
export type SessionStatus = components['schemas']['SessionStatus'];
export type ResponseErrorAccessDenied403 = components['responses']['ErrorAccessDenied403'];
export type ResponseErrorResourceNotFound404 = components['responses']['ErrorResourceNotFound404'];
export type ResponseErrorTooManyRequests429 = components['responses']['ErrorTooManyRequests429'];
export type ParameterPathSessionId = components['parameters']['pathSessionId'];
export type $defs = Record<string, never>;
export interface operations {
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["ErrorAccessDenied403"];
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `id` of the session */
                sessionId: components["parameters"]["pathSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["ErrorAccessDenied403"];
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `id` of the session */
                sessionId: components["parameters"]["pathSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["ErrorAccessDenied403"];
            404: components["responses"]["ErrorResourceNotFound404"];
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `id` of the session */
                sessionId: components["parameters"]["pathSessionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            403: components["responses"]["ErrorAccessDenied403"];
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: {
                /** @example sid=abcde-123 or idx=abcde-123 */
                Cookie?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    closeCurrentSession: {
        parameters: {
            query?: never;
            header?: {
                /** @example sid=abcde-123 or idx=abcde-123 */
                Cookie?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["ErrorResourceNotFound404"];
        };
    };
    refreshCurrentSession: {
        parameters: {
            query?: never;
            header?: {
                /** @example sid=abcde-123 or idx=abcde-123 */
                Cookie?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
