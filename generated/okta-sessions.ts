// GENERATED FILE: do not edit by hand. Regenerate with `make generate`.
// Source: openapi/okta-sessions.yaml (info.version 2026.06.3), sha256 69f06d9aa9e3b84354168ef346da57e4c6bbafbec6740e16efb4df44fda4778b

export interface paths {
    "/api/v1/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all System Log events
         * @description Lists all System Log events
         *
         *     See [System Log query](https://developer.okta.com/docs/reference/system-log-query/) for further details and examples, and [System Log filters and search](https://help.okta.com/okta_help.htm?type=oie&id=csh-syslog-filters) for common use cases.
         *
         *     By default, 100 System Log events are returned. If there are more events, see the [header link](https://developer.okta.com/docs/api/#link-header) for the `next` link,
         *     or increase the number of returned objects using the `limit` parameter.
         *
         *     >**Note:** The value of the `clientSecret` property in the System Log is secured by a hashing function, and isn't the value used during authentication.
         */
        get: operations["listLogEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An ID, login, or login shortname (as long as the shortname is unambiguous) of an existing Okta user */
                id: components["parameters"]["pathId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a user
         * @description Retrieves a user from your Okta org.
         *
         *     You can substitute `me` for the `id` to fetch the current user linked to an API token or session cookie.
         *      * The request returns the user linked to the API token that is specified in the Authorization header, not the user linked to the active session. Details of the admin user who granted the API token is returned.
         *      * When the end user has an active Okta session, it is typically a CORS request from the browser. Therefore, it's possible to retrieve the current user without the Authorization header.
         *
         *     When fetching a user by `login` or `login shortname`, [URL encode](https://developer.mozilla.org/en-US/docs/Glossary/Percent-encoding) the request parameter to ensure that special characters are escaped properly. Logins with a `/` character can only be fetched by `id` due to URL issues with escaping the `/` character. If you don't know a user's ID, you can use the [List all users](/openapi/okta-management/management/user/listusers) endpoint to find it.
         *
         *     > **Note:** Some browsers block third-party cookies by default, which disrupts Okta functionality in certain flows. See [Mitigate the impact of third-party cookie deprecation](https://help.okta.com/okta_help.htm?type=oie&id=ext-third-party-cookies).
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ID of an existing Okta user */
                userId: components["parameters"]["pathUserId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke all user sessions
         * @description Revokes all active identity provider sessions of the user. This forces the user to authenticate on the next operation. Optionally revokes OpenID Connect and OAuth refresh and access tokens issued to the user.
         *
         *     You can also clear the user's remembered factors for all devices using the `forgetDevices` parameter. See [forgetDevices](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserSessions/#tag/UserSessions/operation/revokeUserSessions!in=query&path=forgetDevices&t=request).
         *     > **Note:** This operation doesn't clear the sessions created for web or native apps.
         */
        delete: operations["revokeUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Specifies the authentication provider that validates the user's password credential. The user's current provider is managed by the **Delegated Authentication** settings for your org. The provider object is **read-only**. */
        AuthenticationProvider: {
            /**
             * @description The name of the authentication provider
             * @example OKTA
             */
            readonly name?: string;
            type?: components["schemas"]["AuthenticationProviderType"];
        };
        /**
         * @description The type of authentication provider
         * @enum {string}
         */
        AuthenticationProviderType: "ACTIVE_DIRECTORY" | "FEDERATION" | "IMPORT" | "LDAP" | "OKTA" | "SOCIAL";
        CreateSessionRequest: {
            /** @description The session token obtained during authentication */
            sessionToken?: string;
        };
        /**
         * @description Algorithm used to generate the key. Only required for the PBKDF2 algorithm.
         * @enum {string}
         */
        DigestAlgorithm: "SHA256_HMAC" | "SHA512_HMAC";
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
        /** @description Describes the user, app, client, or other entity (actor) who performs an action on a target. The actor is dependent on the action that is performed. All events have actors. */
        LogActor: {
            /** @description Alternative ID of the actor */
            readonly alternateId?: string;
            /** @description Further details about the actor */
            readonly detailEntry?: {
                [key: string]: unknown;
            };
            /** @description Display name of the actor */
            readonly displayName?: string;
            /** @description ID of the actor */
            readonly id?: string;
            /** @description Type of actor */
            readonly type?: string;
        };
        /**
         * @description All authentication relies on validating one or more credentials that prove the authenticity of the actor's identity. Credentials are sometimes provided by the actor, as is the case with passwords, and at other times provided by a third party, and validated by the authentication provider.
         *
         *     The authenticationContext contains metadata about how the actor is authenticated. For example, an authenticationContext for an event, where a user authenticates with Integrated Windows Authentication (IWA), looks like the following:
         *     ```
         *     {
         *         "authenticationProvider": "ACTIVE_DIRECTORY",
         *         "authenticationStep": 0,
         *         "credentialProvider": null,
         *         "credentialType": "IWA",
         *         "externalSessionId": "102N1EKyPFERROGvK9wizMAPQ",
         *         "interface": null,
         *         "issuer": null
         *     }
         *     ```
         *     In this case, the user enters an IWA credential to authenticate against an Active Directory instance. All of the user's future-generated events in this sign-in session are going to share the same `externalSessionId`.
         *
         *     Among other operations, this response object can be used to scan for suspicious sign-in activity or perform analytics on user authentication habits (for example, how often authentication scheme X is used versus authentication scheme Y).
         */
        LogAuthenticationContext: {
            authenticationProvider?: components["schemas"]["LogAuthenticationProvider"];
            /** @description The zero-based step number in the authentication pipeline. Currently unused and always set to `0`. */
            readonly authenticationStep?: number;
            credentialProvider?: components["schemas"]["LogCredentialProvider"];
            credentialType?: components["schemas"]["LogCredentialType"];
            /** @description A proxy for the actor's [session ID](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html) */
            readonly externalSessionId?: string;
            /** @description The third-party user interface that the actor authenticates through, if any. */
            readonly interface?: string;
            issuer?: components["schemas"]["LogIssuer"];
        };
        /**
         * @description The system that proves the identity of an actor using the credentials provided to it
         * @enum {string}
         */
        LogAuthenticationProvider: "ACTIVE_DIRECTORY" | "FACTOR_PROVIDER" | "FEDERATION" | "LDAP" | "OKTA_AUTHENTICATION_PROVIDER" | "SOCIAL";
        /** @description <x-lifecycle-container><x-lifecycle class="oie"></x-lifecycle></x-lifecycle-container>The result of the bot protection detection associated with the event */
        LogBotProtection: {
            /**
             * @description The bot detected level associated with the bot protection configuration target
             * @enum {string|null}
             */
            readonly level?: "NONE" | "LOW" | "MEDIUM" | "HIGH" | null;
        } | null;
        /** @description When an event is triggered by an HTTP request, the `client` object describes the [client](https://datatracker.ietf.org/doc/html/rfc2616) that issues the HTTP request. For instance, the web browser is the client when a user accesses Okta. When this request is received and processed, a sign-in event is fired. When the event isn't sourced to an HTTP request, such as an automatic update, the `client` object field is blank. */
        LogClient: {
            /** @description Type of device that the client operates from (for example, computer) */
            readonly device?: string;
            geographicalContext?: components["schemas"]["LogGeographicalContext"];
            /** @description For OAuth requests, this is the ID of the OAuth [client](https://datatracker.ietf.org/doc/html/rfc6749#section-1.1) making the request. For SSWS token requests, this is the ID of the agent making the request. */
            readonly id?: string;
            /** @description IP address that the client is making its request from */
            readonly ipAddress?: string;
            userAgent?: components["schemas"]["LogUserAgent"];
            /** @description The `name` of the [Zone](https://developer.okta.com/docs/api/openapi/okta-management/management/networkzone/#tag/NetworkZone/operation/getNetworkZone) that the client's location is mapped to */
            readonly zone?: string;
        };
        /**
         * @description A credential provider is a software service that manages identities and their associated credentials. When authentication occurs through credentials provided by a credential provider, the credential provider is recorded here.
         * @enum {string}
         */
        LogCredentialProvider: "DUO" | "GOOGLE" | "OKTA_AUTHENTICATION_PROVIDER" | "OKTA_CREDENTIAL_PROVIDER" | "RSA" | "SYMANTEC" | "YUBIKEY";
        /**
         * @description The underlying technology/scheme used in the credential
         * @enum {string}
         */
        LogCredentialType: "ASSERTION" | "CERTIFICATE" | "DEVICE_UDID" | "EMAIL" | "IWA" | "JWT" | "OAuth 2.0" | "OKTA_CLIENT_SESSION" | "OTP" | "PASSWORD" | "PRE_SHARED_SYMMETRIC_KEY" | "SMS";
        /**
         * @description For some kinds of events (for example, OLM provisioning, sign-in request, second factor SMS, and so on), the fields that are provided in other response objects aren't sufficient to adequately describe the operations that the event has performed. In such cases, the `debugContext` object provides a way to store additional information.
         *
         *     For example, an event where a second factor SMS token is sent to a user may have a `debugContext` that looks like the following:
         *     ```
         *     {
         *         "debugData": {
         *             "requestUri": "/api/v1/users/00u3gjksoiRGRAZHLSYV/factors/smsf8luacpZJAva10x45/verify",
         *             "smsProvider": "TELESIGN",
         *             "transactionId": "268632458E3C100F5F5F594C6DC689D4"
         *         }
         *     }
         *     ```
         *     By inspecting the debugData field, you can find the URI that is used to trigger the second factor SMS (`/api/v1/users/00u3gjksoiRGRAZHLSYV/factors/smsf8luacpZJAva10x45/verify`), the SMS provider (`TELESIGN`), and the ID used by Telesign to identify this transaction (`268632458E3C100F5F5F594C6DC689D4`).
         *
         *     If for some reason the information that is needed to implement a feature isn't provided in other response objects, you should scan the `debugContext.debugData` field for potentially useful fields.
         *     > **Important:** The information contained in `debugContext.debugData` is intended to add context when troubleshooting customer platform issues. Both key names and values may change from release to release and aren't guaranteed to be stable. Therefore, they shouldn't be viewed as a data contract but as a debugging aid instead.
         */
        LogDebugContext: {
            /** @description A dynamic field that contains miscellaneous information that is dependent on the event type. */
            readonly debugData?: {
                [key: string]: unknown;
            };
        };
        LogEvent: {
            actor?: components["schemas"]["LogActor"];
            authenticationContext?: components["schemas"]["LogAuthenticationContext"];
            client?: components["schemas"]["LogClient"];
            debugContext?: components["schemas"]["LogDebugContext"];
            /** @description The display message for an event */
            readonly displayMessage?: string;
            /**
             * @description The published event type. Event instances are categorized by action in the event type attribute. This attribute is key to
             *     navigating the System Log through expression filters. See [Event Types catalog](https://developer.okta.com/docs/reference/api/event-types/#catalog) for a complete list of System Log event types.
             */
            readonly eventType?: string;
            /** @description Associated Events API Action `objectType` attribute value */
            readonly legacyEventType?: string;
            outcome?: components["schemas"]["LogOutcome"];
            /**
             * Format: date-time
             * @description Timestamp when the event is published
             */
            readonly published?: string;
            request?: components["schemas"]["LogRequest"];
            securityContext?: components["schemas"]["LogSecurityContext"];
            severity?: components["schemas"]["LogSeverity"];
            /**
             * @description The entity that an actor performs an action on. Targets can be anything, such as an app user, a sign-in token, or anything else.
             *
             *     > **Note:** When searching the target array, search for a given `type` rather than the array location. Target types, such as `User` and `AppInstance`,
             *     for a given `eventType` are not always in the same array location.
             */
            readonly target?: components["schemas"]["LogTarget"][];
            transaction?: components["schemas"]["LogTransaction"];
            /** @description Unique identifier for an individual event */
            readonly uuid?: string;
            /** @description Versioning indicator */
            readonly version?: string;
        };
        /** @description Geographical context describes a set of geographic coordinates. In addition to containing latitude and longitude data, the `GeographicalContext` object also contains address data of postal code-level granularity. Within the `Client` object, the geographical context refers to the physical location of the client when it sends the request that triggers this event. All `Transaction` events with `type` equal to `WEB` have a geographical context set. `Transaction` events with `type` equal to `JOB` don't have a geographical context set. The geographical context data can be missing if the geographical data for a request can't be resolved. */
        LogGeographicalContext: {
            /** @description The city that encompasses the area that contains the geolocation coordinates, if available (for example, Seattle, San Francisco) */
            readonly city?: string;
            /** @description Full name of the country that encompasses the area that contains the geolocation coordinates (for example, France, Uganda) */
            readonly country?: string;
            geolocation?: components["schemas"]["LogGeolocation"];
            /** @description Postal code of the area that encompasses the geolocation coordinates */
            readonly postalCode?: string;
            /** @description Full name of the state or province that encompasses the area that contains the geolocation coordinates (for example, Montana, Ontario) */
            readonly state?: string;
        };
        /** @description The latitude and longitude of the geolocation where an action was performed. The object is formatted according to the [ISO 6709](https://www.iso.org/obp/ui/fr/#iso:std:iso:6709:ed-3:v1:en) standard. */
        LogGeolocation: {
            /**
             * Format: double
             * @description Latitude which uses two digits for the [integer part](https://www.iso.org/obp/ui/fr/#iso:std:iso:6709:ed-3:v1:en#Latitude)
             */
            readonly lat?: number;
            /**
             * Format: double
             * @description Longitude which uses three digits for the [integer part](https://www.iso.org/obp/ui/fr/#iso:std:iso:6709:ed-3:v1:en#Longitude)
             */
            readonly lon?: number;
        };
        LogIpAddress: {
            geographicalContext?: components["schemas"]["LogGeographicalContext"];
            /** @description IP address */
            readonly ip?: string;
            ipDetails?: components["schemas"]["LogIpDetails"];
            /** @description Details regarding the source */
            readonly source?: string;
            /** @description IP address version */
            readonly version?: string;
        };
        /** @description Details about the associated IP address */
        LogIpDetails: {
            /** @description The [Autonomous system](https://docs.telemetry.mozilla.org/datasets/other/asn_aggregates/reference) number that's associated with the IP address */
            readonly asNumber?: number | null;
            /** @description The name associated with the Autonomous System Number (ASN) */
            readonly asOrg?: string | null;
            /** @description The domain name associated with the IP address */
            readonly domain?: string | null;
            /** @description The associated IP service categories for the IP address */
            readonly ipServiceCategories?: components["schemas"]["LogIpServiceCategory"][] | null;
            /** @description The internet service provider associated with the IP address */
            readonly isp?: string | null;
        } | null;
        /** @description Describes the IP service category associated with an IP. */
        LogIpServiceCategory: {
            /** @description Indicates whether the service is an anonymizer */
            readonly isAnonymous?: boolean | null;
            /** @description The name of the associated operator */
            readonly operator?: string | null;
            /**
             * @description The type of service provided from this IP address
             * @enum {string|null}
             */
            readonly type?: "VPN" | "Proxy" | "Tor" | "Residential Proxy" | "Blockchain VPN" | null;
        };
        /** @description Describes the issuer of the authorization server when the authentication is performed through OAuth. This is the location where well-known resources regarding the details of the authorization servers are published. */
        LogIssuer: {
            /** @description Varies depending on the type of authentication. If authentication is SAML 2.0, `id` is the issuer in the SAML assertion. For social login, `id` is the issuer of the token. */
            readonly id?: string;
            /** @description Information on the `issuer` and source of the SAML assertion or token */
            readonly type?: string;
        };
        LogOutcome: {
            /** @description Reason for the result, for example, `INVALID_CREDENTIALS` */
            readonly reason?: string;
            /**
             * @description Result of the action
             * @enum {string}
             */
            readonly result?: "SUCCESS" | "FAILURE" | "SKIPPED" | "ALLOW" | "DENY" | "CHALLENGE" | "UNKNOWN" | "RATE_LIMIT" | "DEFERRED" | "SCHEDULED" | "ABANDONED" | "UNANSWERED";
        };
        /** @description The `Request` object describes details that are related to the HTTP request that triggers this event, if available. When the event isn't sourced to an HTTP request, such as an automatic update on the Okta servers, the `Request` object still exists, but the `ipChain` field is empty. */
        LogRequest: {
            /** @description If the incoming request passes through any proxies, the IP addresses of those proxies are stored here in the format of clientIp, proxy1, proxy2, and so on. This field is useful when working with trusted proxies. */
            readonly ipChain?: components["schemas"]["LogIpAddress"][];
        };
        /** @description Risk associated with the event */
        LogRisk: {
            /** @description The name of the detection mechanism that identified the risk */
            readonly detectionName?: string | null;
            /** @description The entity that issued the associated risk */
            readonly issuer?: string | null;
            /**
             * @description The risk level associated with the request
             * @enum {string|null}
             */
            readonly level?: "LOW" | "MEDIUM" | "HIGH" | null;
            /**
             * @description The previous risk level (if any) associated with the user
             * @enum {string|null}
             */
            readonly previousLevel?: "LOW" | "MEDIUM" | "HIGH" | null;
            /** @description Reasons for the associated risk */
            readonly reasons?: string[] | null;
        } | null;
        /** @description The `securityContext` object provides security information that is directly related to the evaluation of the event's IP reputation. IP reputation is a trustworthiness rating that evaluates how likely a sender is to be malicious and is based on the sender's IP address. As the name implies, the `securityContext` object is useful for security applications-flagging and inspecting suspicious events. */
        LogSecurityContext: {
            /** @description The [Autonomous system](https://docs.telemetry.mozilla.org/datasets/other/asn_aggregates/reference) number that's associated with the autonomous system the event request was sourced to */
            readonly asNumber?: number | null;
            /** @description The organization that is associated with the autonomous system that the event request is sourced to */
            readonly asOrg?: string | null;
            botProtection?: components["schemas"]["LogBotProtection"];
            /** @description The domain name that's associated with the IP address of the inbound event request */
            readonly domain?: string | null;
            ipDetails?: components["schemas"]["LogIpDetails"];
            /** @description The Internet service provider that's used to send the event's request */
            readonly isp?: string | null;
            /** @description Specifies whether an event's request is from a known proxy */
            readonly isProxy?: boolean | null;
            risk?: components["schemas"]["LogRisk"];
            /** @description The result of the user behavior detection models associated with the event */
            readonly userBehaviors?: components["schemas"]["LogUserBehavior"][] | null;
        };
        /**
         * @description Indicates how severe the event is
         * @enum {string}
         */
        LogSeverity: "DEBUG" | "ERROR" | "INFO" | "WARN";
        LogTarget: {
            /** @description The alternate ID of the target */
            readonly alternateId?: string;
            /**
             * @description Details on the target's changes. Not all event types support the `changeDetails` property, and not all
             *     `target` objects contain the `changeDetails` property.
             *
             *     > **Note:** You can't run queries on `changeDetails` or the object's `to` or `from` properties.
             * @example {
             *       "LogTargetChangeDetails": {
             *         "$ref": "#/components/examples/LogTargetChangeDetails"
             *       }
             *     }
             */
            changeDetails?: {
                /** @description The original properties of the target */
                from?: {
                    [key: string]: unknown;
                };
                /** @description The updated properties of the target */
                to?: {
                    [key: string]: unknown;
                };
            };
            /** @description Further details on the target */
            readonly detailEntry?: {
                [key: string]: unknown;
            };
            /** @description The display name of the target */
            readonly displayName?: string;
            /** @description The ID of the target */
            readonly id?: string;
            /** @description The type of target */
            readonly type?: string;
        };
        /**
         * @description A `transaction` object comprises contextual information associated with its respective event.
         *     This information is useful for understanding sequences of correlated events.
         *     For example, a `transaction` object such as the following:
         *     ```
         *     {
         *       "id": "Wn4f-0RQ8D8lTSLkAmkKdQAADqo",
         *       "type": "WEB",
         *       "detail": null
         *     }
         *     ```
         *     indicates that a `WEB` request with `id` `Wn4f-0RQ8D8lTSLkAmkKdQAADqo` has created this event.
         *
         *     A `transaction` object with a `requestApiTokenId` in the `detail` object, for example :
         *     ```
         *     {
         *       "id": "YjSlblAAqnKY7CdyCkXNBgAAAIU",
         *       "type": "WEB",
         *       "detail": {
         *         "requestApiTokenId": "00T94e3cn9kSEO3c51s5"
         *       }
         *     }
         *     ```
         *     indicates that this event was the result of an action performed through an API using the token identified by 00T94e3cn9kSEO3c51s5. The token ID is visible in the Admin Console, **Security** > **API**. See [API token management](https://help.okta.com/okta_help.htm?id=Security_API). For more information on API tokens, see [Create an API token](https://developer.okta.com/docs/guides/create-an-api-token/).
         */
        LogTransaction: {
            /** @description Details for this transaction. */
            readonly detail?: {
                [key: string]: unknown;
            };
            /** @description Unique identifier for this transaction. */
            readonly id?: string;
            /** @description Describes the kind of transaction. `WEB` indicates a web request. `JOB` indicates an asynchronous task. */
            readonly type?: string;
        };
        /**
         * @description "A user agent is software (a software agent) that is acting on behalf of a user." ([Definition of User Agent](https://developer.mozilla.org/en-US/docs/Glossary/User_agent))
         *
         *     In the Okta event data object, the `UserAgent` object provides specifications about the client software that makes event-triggering HTTP requests. User agent identification is often useful for identifying interoperability problems between servers and clients, and also for browser and operating system usage analytics.
         */
        LogUserAgent: {
            /** @description If the client is a web browser, this field identifies the type of web browser (for example, CHROME, FIREFOX) */
            readonly browser?: string;
            /** @description The operating system that the client runs on (for example, Windows 10) */
            readonly os?: string;
            /** @description A raw string representation of the user agent that is formatted according to [section 5.5.3 of HTTP/1.1 Semantics and Content](https://datatracker.ietf.org/doc/html/rfc7231#section-5.5.3). Both the `browser` and the `OS` fields can be derived from this field. */
            readonly rawUserAgent?: string;
        };
        /** @description The result of the user behavior detection models associated with the event */
        LogUserBehavior: {
            /** @description The unique identifier of the user behavior detection model */
            readonly id?: string | null;
            /** @description The name of the user behavior detection model [configured by admins](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Behavior/) */
            readonly name?: string | null;
            /**
             * @description The result of the user behavior analysis
             * @enum {string|null}
             */
            readonly result?: "UNKNOWN" | "POSITIVE" | "NEGATIVE" | "BAD_REQUEST" | null;
        };
        /**
         * @description Specifies a password for a user.
         *
         *     When a user has a valid password, imported hashed password, or password hook, and a response object contains
         *     a password credential, then the password object is a bare object without the value property defined (for example, `password: {}`). This indicates that a password value exists. You can modify password policy requirements in the Admin Console by editing the Password authenticator:  **Security** > **Authenticators** > **Password** (or for Okta Classic orgs, use **Security** > **Authentication** > **Password**).
         *
         *     For information on defaults and configuring your password policies, see [Configure the password authenticator](https://help.okta.com/okta_help.htm?type=oie&id=ext-configure-password) in the help documentation.
         */
        PasswordCredential: {
            hash?: components["schemas"]["PasswordCredentialHash"];
            hook?: components["schemas"]["PasswordCredentialHook"];
            /**
             * Format: password
             * @description Specifies the password for a user. The password policy validates this password.
             * @example pa$$word
             */
            value?: string;
        };
        /**
         * @description Specifies a hashed password to import into Okta. This allows an existing password to be imported into Okta directly
         *     from some other store. Okta supports the BCRYPT, SHA-512, SHA-256, SHA-1, MD5, and PBKDF2 hash functions for password import.
         *      A hashed password may be specified in a password object when creating or updating a user, but not for other operations.
         *      See the [Create user with imported hashed password](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#create-user-with-imported-hashed-password) description. When you update a user with a hashed password, the user must be in the `STAGED` status.
         */
        PasswordCredentialHash: {
            algorithm?: components["schemas"]["PasswordCredentialHashAlgorithm"];
            digestAlgorithm?: components["schemas"]["DigestAlgorithm"];
            /** @description The number of iterations used when hashing passwords using PBKDF2. Must be >= 4096. Only required for PBKDF2 algorithm. */
            iterationCount?: number;
            /** @description Size of the derived key in bytes. Only required for PBKDF2 algorithm. */
            keySize?: number;
            /**
             * @description Only required for salted hashes. For BCRYPT, this specifies Radix-64 as the encoded salt used to generate the hash,
             *     which must be 22 characters long. For other salted hashes, this specifies the Base64-encoded salt used to
             *     generate the hash.
             */
            salt?: string;
            /** @description Specifies whether salt was pre- or postfixed to the password before hashing. Only required for salted algorithms. */
            saltOrder?: string;
            /**
             * @description For SHA-512, SHA-256, SHA-1, MD5, and PBKDF2, this is the actual base64-encoded hash of the password (and salt, if used).
             *     This is the Base64-encoded `value` of the SHA-512/SHA-256/SHA-1/MD5/PBKDF2 digest that was computed by either pre-fixing or post-fixing
             *     the `salt` to the `password`, depending on the `saltOrder`. If a `salt` was not used in the `source` system, then this should just be
             *     the Base64-encoded `value` of the password's SHA-512/SHA-256/SHA-1/MD5/PBKDF2 digest. For BCRYPT, this is the actual Radix-64 encoded hashed password.
             */
            value?: string;
            /** @description Governs the strength of the hash and the time required to compute it. Only required for BCRYPT algorithm. */
            workFactor?: number;
        };
        /**
         * @description The algorithm used to generate the hash using the password (and salt, when applicable).
         * @enum {string}
         */
        PasswordCredentialHashAlgorithm: "BCRYPT" | "MD5" | "PBKDF2" | "SHA-1" | "SHA-256" | "SHA-512";
        /** @description Specify a [password import inline hook](/openapi/okta-management/management/tags/inlinehook/createpasswordimportinlinehook) to trigger verification of the user's password the first time the user signs in. This allows an existing password to be imported into Okta directly from some other store. */
        PasswordCredentialHook: {
            /** @description The type of password inline hook. Currently, must be set to default. */
            type?: string;
        };
        /**
         * @description Specifies a secret question and answer that's validated (case insensitive) when a user forgets their
         *     password or unlocks their account. The answer property is write-only.
         */
        RecoveryQuestionCredential: {
            /**
             * @description The answer to the recovery question
             * @example se7en
             */
            answer?: string;
            /**
             * @description The recovery question
             * @example what is your favourite movie?
             */
            question?: string;
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
        User: {
            /** @description Embedded resources related to the user using the [JSON Hypertext Application Language](https://datatracker.ietf.org/doc/html/draft-kelly-json-hal-06) specification */
            readonly _embedded?: {
                [key: string]: Record<string, never>;
            };
            /**
             * @description Specifies link relations (see [Web Linking](https://datatracker.ietf.org/doc/html/rfc8288) available for the current status of a user.
             *     The links object is used for dynamic discovery of related resources, lifecycle operations, and credential operations. The links object is read-only.
             *
             *     For an individual user result, the links object contains a full set of link relations available for that user as determined by your policies.
             *     For a collection of users, the links object contains only the `self` link. Operations that return a collection of users include [List all users](https://developer.okta.com/docs/api/openapi/okta-management/management/user/listusers) and [List all group member users](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Group/#tag/Group/operation/listGroupUsers).
             */
            _links?: components["schemas"]["LinksSelf"] & {
                /** @description URL to activate the user */
                activate?: components["schemas"]["HrefObject"];
                /** @description URL to change the user's password */
                changePassword?: components["schemas"]["HrefObject"];
                /** @description URL to change the user's recovery question */
                changeRecoveryQuestion?: components["schemas"]["HrefObject"];
                /** @description URL to deactivate a user */
                deactivate?: components["schemas"]["HrefObject"];
                /** @description URL to expire the user's password */
                expirePassword?: components["schemas"]["HrefObject"];
                /** @description URL to initiate a forgot password operation */
                forgotPassword?: components["schemas"]["HrefObject"];
                /** @description URL to reactivate the user */
                reactivate?: components["schemas"]["HrefObject"];
                /** @description URL to reset the user's factors */
                resetFactors?: components["schemas"]["HrefObject"];
                /** @description URL to reset the user's password */
                resetPassword?: components["schemas"]["HrefObject"];
                /** @description URL to the user's profile schema */
                schema?: components["schemas"]["HrefObject"];
                /** @description URL to the individual user */
                self?: components["schemas"]["HrefObject"];
                /** @description URL to suspend the user */
                suspend?: components["schemas"]["HrefObject"];
                /** @description URL to the user type */
                type?: components["schemas"]["HrefObject"];
                /** @description URL to unlock the locked-out user */
                unlock?: components["schemas"]["HrefObject"];
                /** @description URL to unsuspend the user */
                unsuspend?: components["schemas"]["HrefObject"];
            } & unknown;
            /**
             * Format: date-time
             * @description The timestamp when the user status transitioned to `ACTIVE`
             */
            readonly activated?: string | null;
            /**
             * Format: date-time
             * @description The timestamp when the user was created
             */
            readonly created?: string;
            credentials?: components["schemas"]["UserCredentials"];
            /** @description The unique key for the user */
            readonly id?: string;
            /**
             * Format: date-time
             * @description The timestamp of the last login
             */
            readonly lastLogin?: string | null;
            /**
             * Format: date-time
             * @description The timestamp when the user was last updated
             */
            readonly lastUpdated?: string;
            /**
             * Format: date-time
             * @description The timestamp when the user's password was last updated
             */
            readonly passwordChanged?: string | null;
            profile?: components["schemas"]["UserProfile"];
            /**
             * @description The ID of the realm in which the user is residing. See [Realms](/openapi/okta-management/management/tags/realm).
             * @example guo1bfiNtSnZYILxO0g4
             */
            readonly realmId?: string;
            status?: components["schemas"]["UserStatus"];
            /**
             * Format: date-time
             * @description The timestamp when the status of the user last changed
             */
            readonly statusChanged?: string | null;
            /**
             * @description The target status of an in-progress asynchronous status transition. This property is only returned if the user's state is transitioning.
             * @enum {string|null}
             */
            readonly transitioningToStatus?: "ACTIVE" | "DEPROVISIONED" | "PROVISIONED" | null;
            /**
             * @description The user type that determines the schema for the user's profile. The `type` property is a map that identifies the [User Types](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserType/#tag/UserType).
             *
             *     Currently it contains a single element, `id`. It can be specified when creating a new user, and can be updated by an admin on a full replace of an existing user (but not a partial update).
             */
            type?: {
                /** @description The ID of the user type */
                id?: string;
            };
        };
        /** @description Describes how the account is blocked from access. If `appliesTo` is `ANY_DEVICES`, then the account is blocked for all devices. If `appliesTo` is `UNKNOWN_DEVICES`, then the account is only blocked for unknown devices. */
        UserBlock: {
            /**
             * @description The devices that the block applies to
             * @enum {string}
             */
            readonly appliesTo?: "ANY_DEVICES" | "UNKNOWN_DEVICES";
            /**
             * @description Type of access block
             * @enum {string}
             */
            readonly type?: "DEVICE_BASED";
        };
        /** @description Specifies primary authentication and recovery credentials for a user. Credential types and requirements vary depending on the provider and security policy of the org. */
        UserCredentials: {
            password?: components["schemas"]["PasswordCredential"];
            provider?: components["schemas"]["AuthenticationProvider"];
            recovery_question?: components["schemas"]["RecoveryQuestionCredential"];
        };
        UserGetSingleton: components["schemas"]["User"] & {
            /** @description The embedded resources related to the object if the `expand` query parameter is specified */
            _embedded?: {
                /** @description A list of access block details for the user account */
                blocks?: components["schemas"]["UserBlock"][];
            };
        };
        /**
         * @description Specifies the default and custom profile properties for a user.
         *
         *     The default user profile is based on the [System for Cross-domain Identity Management: Core Schema](https://datatracker.ietf.org/doc/html/rfc7643).
         *
         *     The only permitted customizations of the default profile are to update permissions, change whether the `firstName` and `lastName` properties are nullable, and specify a [pattern](https://developer.okta.com/docs/reference/api/schemas/#login-pattern-validation) for `login`. You can use the Profile Editor in the Admin Console or the [Schemas API](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UISchema/#tag/UISchema) to make schema modifications.
         *
         *     You can extend user profiles with custom properties. You must first add the custom property to the user profile schema before you reference it.
         *     You can use the Profile Editor in the Admin Console or the [Schemas API](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UISchema/#tag/UISchema) to manage schema extensions.
         *
         *     Custom attributes can contain HTML tags. It's the client's responsibility to escape or encode this data before displaying it. Use [best-practices](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html) to prevent cross-site scripting.
         */
        UserProfile: {
            /** @description The city or locality of the user's address (`locality`) */
            city?: string | null;
            /** @description Name of the cost center assigned to a user */
            costCenter?: string | null;
            /** @description The country name component of the user's address (`country`). For validation, see [ISO 3166-1 alpha 2 "short" code format](https://datatracker.ietf.org/doc/html/draft-ietf-scim-core-schema-22#ref-ISO3166). */
            countryCode?: string | null;
            /** @description Name of the user's department */
            department?: string;
            /** @description Name of the user suitable for display to end users */
            displayName?: string | null;
            /** @description Name of the user's division */
            division?: string | null;
            /**
             * Format: email
             * @description The primary email address of the user. For validation, see [RFC 5322 Section 3.2.3](https://datatracker.ietf.org/doc/html/rfc5322#section-3.2.3).
             */
            email?: string;
            /** @description The organization or company assigned unique identifier for the user */
            employeeNumber?: string;
            /** @description Given name of the user (`givenName`) */
            firstName?: string | null;
            /** @description Honorific prefix(es) of the user, or title in most Western languages */
            honorificPrefix?: string | null;
            /** @description Honorific suffix(es) of the user */
            honorificSuffix?: string | null;
            /** @description The family name of the user (`familyName`) */
            lastName?: string | null;
            /**
             * @description The user's default location for purposes of localizing items such as currency, date time format, numerical representations, and so on.
             *     A locale value is a concatenation of the ISO 639-1 two-letter language code, an underscore, and the ISO 3166-1 two-letter country code. For example, en_US specifies the language English and country US. This value is `en_US` by default.
             */
            locale?: string;
            /**
             * @description The unique identifier for the user (`username`). For validation, see [Login pattern validation](https://developer.okta.com/docs/reference/api/schemas/#login-pattern-validation).
             *
             *     Every user within your Okta org must have a unique identifier for a login. This constraint applies to all users you import from other systems or applications such as Active Directory. Your organization is the top-level namespace to mix and match logins from all your connected applications or directories. Careful consideration of naming conventions for your login identifier will make it easier to onboard new applications in the future.
             *
             *     Logins are not considered unique if they differ only in case and/or diacritical marks. If one of your users has a login of `Isaac.Brock@example.com`, there cannot be another user whose login is `isaac.brock@example.com`, nor `isáàc.bröck@example.com`.
             *
             *     Okta has a default ambiguous name resolution policy for usernames that include @-signs. By default, usernames must be formatted as email addresses and thus always include @-signs. You can remove that restriction using either the Admin Console or the [Schemas API](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/Schema/). Users can sign in with their non-qualified short name (for example: `isaac.brock` with username `isaac.brock@example.com`) as long as the short name is still unique within the org.
             */
            login?: string;
            /** @description The `displayName` of the user's manager */
            manager?: string | null;
            /** @description The `id` of the user's manager */
            managerId?: string | null;
            /** @description The middle name of the user */
            middleName?: string | null;
            /** @description The mobile phone number of the user */
            mobilePhone?: string | null;
            /** @description The casual way to address the user in real life */
            nickName?: string | null;
            /** @description Name of the the user's organization */
            organization?: string | null;
            /** @description Mailing address component of the user's address */
            postalAddress?: string | null;
            /** @description The user's preferred written or spoken language. For validation, see [RFC 7231 Section 5.3.5](https://datatracker.ietf.org/doc/html/rfc7231#section-5.3.5). */
            preferredLanguage?: string | null;
            /** @description The primary phone number of the user such as a home number */
            primaryPhone?: string | null;
            /** @description The URL of the user's online profile. For example, a web page. See [URL](https://datatracker.ietf.org/doc/html/rfc1808). */
            profileUrl?: string | null;
            /**
             * Format: email
             * @description The secondary email address of the user typically used for account recovery. For validation, see [RFC 5322 Section 3.2.3](https://datatracker.ietf.org/doc/html/rfc5322#section-3.2.3).
             */
            secondEmail?: string | null;
            /** @description The state or region component of the user's address (`region`) */
            state?: string | null;
            /** @description The full street address component of the user's address */
            streetAddress?: string | null;
            /** @description The user's time zone */
            timezone?: string | null;
            /** @description The user's title, such as Vice President */
            title?: string | null;
            /**
             * @description The property used to describe the organization-to-user relationship, such as employee or contractor
             *
             *     > **Note:** The `userType` property is a standard string attribute and should be treated as a descriptive label rather than a functional setting. Unlike a user's assigned user [`type`](https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/createUser!path=type&t=request), this property is purely informational and doesn't influence the behavior of the Okta platform.
             */
            userType?: string | null;
            /** @description The ZIP code or postal code component of the user's address (`postalCode`) */
            zipCode?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description The current status of the user.
         *
         *     The status of a user changes in response to explicit events, such as admin-driven lifecycle changes, user login, or self-service password recovery. Okta doesn't asynchronously sweep through users and update their password expiry state, for example. Instead, Okta evaluates password policy at login time, notices the password has expired, and moves the user to the expired state. When running reports, remember that the data is valid as of the last login or lifecycle event for that user.
         *
         *     > **Note:** The `ACTIVATING` status is a transitional status that occurs when a user is being activated but hasn't completed the activation process. This status isn't directly settable through the API, nor should you use it for any of your user management workflows.
         * @enum {string}
         */
        UserStatus: "ACTIVE" | "DEPROVISIONED" | "LOCKED_OUT" | "PASSWORD_EXPIRED" | "PROVISIONED" | "RECOVERY" | "STAGED" | "SUSPENDED";
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
        /** @description Bad Request */
        ErrorApiValidationFailed400: {
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
        /**
         * @description Specifies the media type of the resource. Optional `okta-response` value can be included for performance optimization.
         *
         *     Complex DelAuth configurations may degrade performance when fetching specific parts of the response, and passing this parameter can omit these parts, bypassing the bottleneck.
         *
         *     Enum values for `okta-response`:
         *       * `omitCredentials`: Omits the credentials subobject from the response.
         *       * `omitCredentialsLinks`: Omits the following HAL links from the response: Update password, Change recovery question, Start forgot password flow, Reset password, Reset factors, Unlock.
         *       * `omitTransitioningToStatus`: Omits the `transitioningToStatus` field from the response.
         */
        OktaResponse: string;
        /** @description An ID, login, or login shortname (as long as the shortname is unambiguous) of an existing Okta user */
        pathId: string;
        /** @description `id` of the session */
        pathSessionId: string;
        /** @description ID of an existing Okta user */
        pathUserId: string;
        /** @description An optional parameter to include metadata in the `_embedded` attribute. Valid values: `blocks` or <x-lifecycle class="ea"></x-lifecycle> `classification`. */
        queryUserExpand: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type AuthenticationProvider = components['schemas']['AuthenticationProvider'];
export type AuthenticationProviderType = components['schemas']['AuthenticationProviderType'];
export type CreateSessionRequest = components['schemas']['CreateSessionRequest'];
export type DigestAlgorithm = components['schemas']['DigestAlgorithm'];
export type Error = components['schemas']['Error'];
export type ErrorCause = components['schemas']['ErrorCause'];
export type HrefHints = components['schemas']['HrefHints'];
export type HrefObject = components['schemas']['HrefObject'];
export type HrefObjectSelfLink = components['schemas']['HrefObjectSelfLink'];
export type HttpMethod = components['schemas']['HttpMethod'];
export type LinksSelf = components['schemas']['LinksSelf'];
export type LogActor = components['schemas']['LogActor'];
export type LogAuthenticationContext = components['schemas']['LogAuthenticationContext'];
export type LogAuthenticationProvider = components['schemas']['LogAuthenticationProvider'];
export type LogBotProtection = components['schemas']['LogBotProtection'];
export type LogClient = components['schemas']['LogClient'];
export type LogCredentialProvider = components['schemas']['LogCredentialProvider'];
export type LogCredentialType = components['schemas']['LogCredentialType'];
export type LogDebugContext = components['schemas']['LogDebugContext'];
export type LogEvent = components['schemas']['LogEvent'];
export type LogGeographicalContext = components['schemas']['LogGeographicalContext'];
export type LogGeolocation = components['schemas']['LogGeolocation'];
export type LogIpAddress = components['schemas']['LogIpAddress'];
export type LogIpDetails = components['schemas']['LogIpDetails'];
export type LogIpServiceCategory = components['schemas']['LogIpServiceCategory'];
export type LogIssuer = components['schemas']['LogIssuer'];
export type LogOutcome = components['schemas']['LogOutcome'];
export type LogRequest = components['schemas']['LogRequest'];
export type LogRisk = components['schemas']['LogRisk'];
export type LogSecurityContext = components['schemas']['LogSecurityContext'];
export type LogSeverity = components['schemas']['LogSeverity'];
export type LogTarget = components['schemas']['LogTarget'];
export type LogTransaction = components['schemas']['LogTransaction'];
export type LogUserAgent = components['schemas']['LogUserAgent'];
export type LogUserBehavior = components['schemas']['LogUserBehavior'];
export type PasswordCredential = components['schemas']['PasswordCredential'];
export type PasswordCredentialHash = components['schemas']['PasswordCredentialHash'];
export type PasswordCredentialHashAlgorithm = components['schemas']['PasswordCredentialHashAlgorithm'];
export type PasswordCredentialHook = components['schemas']['PasswordCredentialHook'];
export type RecoveryQuestionCredential = components['schemas']['RecoveryQuestionCredential'];
export type Session = components['schemas']['Session'];
export type SessionAuthenticationMethod = components['schemas']['SessionAuthenticationMethod'];
export type SessionIdentityProvider = components['schemas']['SessionIdentityProvider'];
export type SessionIdentityProviderType = components['schemas']['SessionIdentityProviderType'];
export type SessionStatus = components['schemas']['SessionStatus'];
export type User = components['schemas']['User'];
export type UserBlock = components['schemas']['UserBlock'];
export type UserCredentials = components['schemas']['UserCredentials'];
export type UserGetSingleton = components['schemas']['UserGetSingleton'];
export type UserProfile = components['schemas']['UserProfile'];
export type UserStatus = components['schemas']['UserStatus'];
export type ResponseErrorAccessDenied403 = components['responses']['ErrorAccessDenied403'];
export type ResponseErrorApiValidationFailed400 = components['responses']['ErrorApiValidationFailed400'];
export type ResponseErrorResourceNotFound404 = components['responses']['ErrorResourceNotFound404'];
export type ResponseErrorTooManyRequests429 = components['responses']['ErrorTooManyRequests429'];
export type ParameterOktaResponse = components['parameters']['OktaResponse'];
export type ParameterPathId = components['parameters']['pathId'];
export type ParameterPathSessionId = components['parameters']['pathSessionId'];
export type ParameterPathUserId = components['parameters']['pathUserId'];
export type ParameterQueryUserExpand = components['parameters']['queryUserExpand'];
export type $defs = Record<string, never>;
export interface operations {
    listLogEvents: {
        parameters: {
            query?: {
                /** @description Retrieves the next page of results. Okta returns a link in the HTTP Header (`rel=next`) that includes the after query parameter */
                after?: string;
                /** @description Filter expression that filters the results. All operators except [ ] are supported. See [Filter](https://developer.okta.com/docs/api/#filter) and [Operators](https://developer.okta.com/docs/api/#operators). */
                filter?: string;
                /** @description Sets the number of results that are returned in the response */
                limit?: number;
                /** @description Filters log events results by one or more case insensitive keywords. */
                q?: string;
                /** @description Filters the lower time bound of the log events `published` property for bounded queries or persistence time for polling queries */
                since?: string;
                /** @description The order of the returned events that are sorted by the `published` property */
                sortOrder?: "ASCENDING" | "DESCENDING";
                /** @description Filters the upper time bound of the log events `published` property for bounded queries or persistence time for polling queries. */
                until?: string;
            };
            header?: never;
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
                    "application/json": components["schemas"]["LogEvent"][];
                };
            };
            400: components["responses"]["ErrorApiValidationFailed400"];
            403: components["responses"]["ErrorAccessDenied403"];
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
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
    getUser: {
        parameters: {
            query?: {
                /** @description An optional parameter to include metadata in the `_embedded` attribute. Valid values: `blocks` or <x-lifecycle class="ea"></x-lifecycle> `classification`. */
                expand?: components["parameters"]["queryUserExpand"];
            };
            header?: {
                /**
                 * @description Specifies the media type of the resource. Optional `okta-response` value can be included for performance optimization.
                 *
                 *     Complex DelAuth configurations may degrade performance when fetching specific parts of the response, and passing this parameter can omit these parts, bypassing the bottleneck.
                 *
                 *     Enum values for `okta-response`:
                 *       * `omitCredentials`: Omits the credentials subobject from the response.
                 *       * `omitCredentialsLinks`: Omits the following HAL links from the response: Update password, Change recovery question, Start forgot password flow, Reset password, Reset factors, Unlock.
                 *       * `omitTransitioningToStatus`: Omits the `transitioningToStatus` field from the response.
                 */
                "Content-Type"?: components["parameters"]["OktaResponse"];
            };
            path: {
                /** @description An ID, login, or login shortname (as long as the shortname is unambiguous) of an existing Okta user */
                id: components["parameters"]["pathId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /**
                     * @description An HTTP entity tag (`ETag`) is an identifier for a specific version of a resource. See [Conditional Requests and Entity Tags](/#conditional-requests-and-entity-tags).
                     * @example W/"1234567890abcdef"
                     */
                    Etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserGetSingleton"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["ErrorTooManyRequests429"];
        };
    };
    revokeUserSessions: {
        parameters: {
            query?: {
                /**
                 * @description Clears the user's remembered factors for all devices.
                 *     > **Note:** This parameter defaults to false in Classic Engine.
                 */
                forgetDevices?: boolean;
                /** @description Revokes issued OpenID Connect and OAuth refresh and access tokens */
                oauthTokens?: boolean;
            };
            header?: never;
            path: {
                /** @description ID of an existing Okta user */
                userId: components["parameters"]["pathUserId"];
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
}
