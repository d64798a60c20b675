/**
 * Every rule the contract report applies, with its class: the one table the
 * report, the README's class table and the tests read. A rule whose class
 * would depend on context is split into one rule per context.
 */
export type ChangeClass = 'breaking' | 'attention' | 'non-breaking' | 'docs';

export interface RuleEntry {
  class: ChangeClass;
  /** What the rule recognises, as the README says it. */
  explanation: string;
}

export const RULES = {
  'operation-removed': { class: 'breaking', explanation: 'an operation removed, and not retained by `openapi/retained-operations.json`' },
  'operation-moved': { class: 'breaking', explanation: 'an operation whose path or method changed' },
  'response-property-removed': {
    class: 'breaking',
    explanation: 'a response property removed (of a `Session` or a `User`, or one of a `LogEvent` the facade reads)',
  },
  'response-type-changed': {
    class: 'breaking',
    explanation: 'a response property whose type changed (for a `LogEvent`, one the facade reads)',
  },
  'request-required-added': { class: 'breaking', explanation: 'a new required request property or parameter' },
  'request-enum-narrowed': { class: 'breaking', explanation: 'a narrowed request enum' },
  'request-sent-removed': { class: 'breaking', explanation: 'a removed request property or parameter the facade sends' },
  'request-sent-type-changed': { class: 'breaking', explanation: 'a request property or parameter the facade sends whose type changed' },
  'request-became-required': { class: 'breaking', explanation: 'a request property or parameter the facade does not send, now required' },
  'request-body-required': { class: 'breaking', explanation: 'a request body now required where the facade sends none' },
  'request-default-changed': {
    class: 'breaking',
    explanation:
      "a request parameter's or property's default changed (a caller who leaves it out, as the facade lets them, gets other behaviour: say `forgetDevices`)",
  },
  'auth-scheme-removed': { class: 'breaking', explanation: 'an auth scheme removed from an operation' },
  'auth-now-required': { class: 'breaking', explanation: 'auth required where there was none' },
  'success-response-removed': { class: 'breaking', explanation: 'the only success response removed' },

  'operation-retained': {
    class: 'attention',
    explanation: 'an operation Okta dropped from the release, kept from an earlier one as the retained-operations policy says',
  },
  'operation-added': { class: 'attention', explanation: 'a new operation (the facade may not expose it yet)' },
  'operation-renamed': { class: 'attention', explanation: 'an operationId renamed (generated names change)' },
  'operation-deprecated': { class: 'attention', explanation: 'a deprecated operation' },
  'response-enum-added': {
    class: 'attention',
    explanation: 'a new enum value in a response (say a new `SessionAuthenticationMethod` or `UserStatus`)',
  },
  'path-parameter-renamed': {
    class: 'attention',
    explanation: "an operation's path parameters renamed, the URL the same (generated path types change)",
  },
  'response-format-changed': { class: 'attention', explanation: 'a response property whose format changed' },
  'response-unread-property-removed': {
    class: 'attention',
    explanation: 'a response property the facade does not read removed, where it names what it reads (`LogEvent`: say `debugContext`)',
  },
  'response-unread-type-changed': { class: 'attention', explanation: 'a response property the facade does not read whose type changed' },
  'response-property-optional': { class: 'attention', explanation: 'a response property no longer required' },
  'request-optional-added': { class: 'attention', explanation: 'a new optional request property or parameter' },
  'request-enum-added': {
    class: 'attention',
    explanation: 'a request parameter that now lists its values, where it listed none (`sortOrder`)',
  },
  'request-sent-became-required': { class: 'attention', explanation: 'a request property the facade already sends, now required' },
  'request-type-changed': {
    class: 'attention',
    explanation: 'a request property or parameter the facade does not send whose type changed',
  },
  'auth-scope-added': { class: 'attention', explanation: 'an operation naming a new OAuth scope' },
  'success-response-removed-alternative': { class: 'attention', explanation: 'a success status removed while another remains' },
  'success-response-added': { class: 'attention', explanation: 'a new success status' },
  'security-scheme-changed': { class: 'attention', explanation: 'a security scheme changed' },
  unrecognised: { class: 'attention', explanation: 'anything the rules do not recognise (say a new `maxLength`)' },

  'operation-undeprecated': { class: 'non-breaking', explanation: 'an operation no longer deprecated' },
  'response-property-added': { class: 'non-breaking', explanation: 'a new response property' },
  'response-property-required': { class: 'non-breaking', explanation: 'a response property now always present' },
  'response-enum-removed': { class: 'non-breaking', explanation: 'a response enum value no longer listed' },
  'request-removed': { class: 'non-breaking', explanation: 'a request property or parameter the facade does not send, removed' },
  'auth-scheme-added': { class: 'non-breaking', explanation: 'an auth scheme also accepted' },
  'auth-scope-removed': { class: 'non-breaking', explanation: 'an operation naming fewer OAuth scopes' },
  'error-response-added': { class: 'non-breaking', explanation: 'an error status documented' },
  'error-response-removed': { class: 'non-breaking', explanation: 'an error status no longer documented' },
  'response-readonly': { class: 'non-breaking', explanation: '`readOnly` moved in a response' },
  'schema-layout': { class: 'non-breaking', explanation: 'a schema restructured (`allOf`) with the same effective shape' },

  text: { class: 'docs', explanation: 'summaries, descriptions and examples' },
  'request-default-prose': {
    class: 'docs',
    explanation: 'a default Okta writes as prose with a prose format (`since`: "7 days prior to until"), a description, not a value',
  },
  'security-scheme-text': { class: 'docs', explanation: 'scope descriptions' },
  'document-metadata': { class: 'docs', explanation: '`info`, servers and tags' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export const CLASS_ORDER: ChangeClass[] = ['breaking', 'attention', 'non-breaking', 'docs'];

export const CLASS_TITLES: Record<ChangeClass, string> = {
  breaking: 'Breaking',
  attention: 'Needs attention',
  'non-breaking': 'Non-breaking',
  docs: 'Docs-only',
};

export const CLASS_ADVICE: Record<ChangeClass, string> = {
  breaking:
    'Code built on the old spec fails against the new one. Do not ship the new spec as is: adapt the facade (or retain a removed operation in openapi/retained-operations.json) first, then accept the break in CI.',
  attention: 'Works today, but review it: a new value, option or deprecation your code may need to handle.',
  'non-breaking': 'Safe for this client.',
  docs: 'Text only: summaries, descriptions, examples, scope descriptions.',
};

/** The README's class table: one row per class, its rules' explanations, what to do. */
export function renderClassTable(): string {
  const rows = CLASS_ORDER.map((changeClass) => {
    const explanations = Object.values(RULES)
      .filter((rule: RuleEntry) => rule.class === changeClass)
      .map((rule) => rule.explanation);
    return `| **${CLASS_TITLES[changeClass].toLowerCase()}** | ${explanations.join('; ')} | ${CLASS_ADVICE[changeClass]} |`;
  });
  return ['| class | what | what to do |', '|---|---|---|', ...rows].join('\n');
}
