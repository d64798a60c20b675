import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ChangeClass, compareSlices, type ContractChange } from '../../scripts/lib/contract/compare.ts';
import { RULES } from '../../scripts/lib/contract/catalogue.ts';
import { loadSessionSlice, parseSpec } from '../../scripts/lib/spec-io.ts';
import { hasRealSpecs, NEEDS_SHARED, REAL_SPEC_2024, REAL_SPEC_2025 } from '../support/shared.js';

const SPEC = 'openapi/okta-sessions.yaml';
const LATER_RELEASE = 'test/fixtures/contract/without-create-and-me.yaml';
/** The slice before this project adopted 2026.06.3: all seven operations from release 2025.08.0. */
const RELEASE_2025 = 'test/fixtures/contract/release-2025.08.0.yaml';

function committedSlice(): any {
  return parseSpec(readFileSync(SPEC, 'utf8'), SPEC);
}

/** The report for the committed slice against a copy changed by `mutate`. */
function changesAfter(mutate: (spec: any) => void): ContractChange[] {
  const head = committedSlice();
  mutate(head);
  return compareSlices(committedSlice(), head).changes;
}

function only(changes: ContractChange[], changeClass: ChangeClass): ContractChange[] {
  return changes.filter((change) => change.class === changeClass);
}

const schemas = (spec: any) => spec.components.schemas;

describe('client rules on synthetic changes', () => {
  it('an unchanged spec has no changes', () => {
    expect(changesAfter(() => {})).toEqual([]);
  });

  it('breaking: an operation removed, naming the facade method', () => {
    const breaking = only(
      changesAfter((spec) => delete spec.paths['/api/v1/sessions/{sessionId}'].delete),
      'breaking',
    );
    expect(breaking).toEqual([
      expect.objectContaining({
        rule: 'operation-removed',
        operation: { operationId: 'revokeSession', method: 'DELETE', path: '/api/v1/sessions/{sessionId}', facadeMethod: 'revoke' },
      }),
    ]);
  });

  it('breaking: an operation whose path or method changed', () => {
    const movedPath = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/{sessionId}/refresh'] = spec.paths['/api/v1/sessions/{sessionId}/lifecycle/refresh'];
      delete spec.paths['/api/v1/sessions/{sessionId}/lifecycle/refresh'];
    });
    expect(only(movedPath, 'breaking').map((change) => [change.rule, change.message])).toEqual([
      ['operation-moved', 'moved from POST /api/v1/sessions/{sessionId}/lifecycle/refresh to POST /api/v1/sessions/{sessionId}/refresh'],
    ]);
    const movedMethod = changesAfter((spec) => {
      const item = spec.paths['/api/v1/sessions/{sessionId}/lifecycle/refresh'];
      item.put = item.post;
      delete item.post;
    });
    expect(only(movedMethod, 'breaking').map((change) => change.rule)).toEqual(['operation-moved']);
  });

  it('breaking: a Session property removed or its type changed, in every operation returning it', () => {
    const removed = only(
      changesAfter((spec) => delete schemas(spec).Session.properties.login),
      'breaking',
    );
    expect(removed.map((change) => `${change.operation?.facadeMethod} ${change.rule} ${change.location}`).sort()).toEqual([
      'create response-property-removed responses.200.login',
      'get response-property-removed responses.200.login',
      'getCurrent response-property-removed responses.200.login',
      'refresh response-property-removed responses.200.login',
      'refreshCurrent response-property-removed responses.200.login',
    ]);
    const retyped = only(
      changesAfter((spec) => {
        schemas(spec).Session.properties.expiresAt = { type: 'integer', readOnly: true };
      }),
      'breaking',
    );
    expect(retyped).toHaveLength(5);
    expect(retyped[0]?.message).toMatch(/`expiresAt` type changed: string \(date-time\) -> integer/);
  });

  it('breaking: a new required request property or parameter', () => {
    const property = changesAfter((spec) => {
      schemas(spec).CreateSessionRequest.properties.deviceToken = { type: 'string' };
      schemas(spec).CreateSessionRequest.required = ['deviceToken'];
    });
    expect(only(property, 'breaking').map((change) => change.rule)).toEqual(['request-required-added']);
    const parameter = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/{sessionId}'].get.parameters = [
        { name: 'expand', in: 'query', required: true, schema: { type: 'string' } },
      ];
    });
    expect(only(parameter, 'breaking').map((change) => change.message)).toEqual(['new required parameter `query expand`']);
  });

  it('breaking: a narrowed request enum, and a removed request property the facade sends', () => {
    const base = committedSlice();
    schemas(base).CreateSessionRequest.properties.kind = { type: 'string', enum: ['A', 'B'] };
    const head = structuredClone(base);
    schemas(head).CreateSessionRequest.properties.kind.enum = ['A'];
    delete schemas(head).CreateSessionRequest.properties.sessionToken;
    const breaking = only(compareSlices(base, head).changes, 'breaking');
    expect(breaking.map((change) => change.message).sort()).toEqual([
      'request property `kind` no longer accepts `B`',
      'request property `sessionToken` removed, but the facade sends it',
    ]);
  });

  it('breaking: an auth scheme removed from an operation, or auth required where there was none', () => {
    const removed = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/{sessionId}'].get.security = [{ oauth2: ['okta.sessions.read'] }];
    });
    expect(only(removed, 'breaking').map((change) => change.message)).toEqual(['auth scheme `apiToken` no longer accepted']);
    const required = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/me'].get.security = [{ apiToken: [] }];
    });
    expect(only(required, 'breaking').map((change) => change.rule)).toEqual(['auth-now-required']);
  });

  it('needs attention: a new response enum value (a new SessionAuthenticationMethod)', () => {
    const changes = changesAfter((spec) => schemas(spec).SessionAuthenticationMethod.enum.push('pop'));
    const attention = only(changes, 'attention');
    expect(attention).toHaveLength(5);
    expect(attention[0]?.message).toContain('`amr[]` may now be `pop`');
    expect(only(changes, 'breaking')).toEqual([]);
  });

  it('needs attention: a new optional request property, and a deprecated operation', () => {
    const optional = changesAfter((spec) => {
      schemas(spec).CreateSessionRequest.properties.deviceName = { type: 'string' };
    });
    expect(only(optional, 'attention').map((change) => change.message)).toEqual(['new optional request property `deviceName`']);
    const deprecated = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/me'].delete.deprecated = true;
    });
    expect(only(deprecated, 'attention').map((change) => `${change.operation?.facadeMethod}: ${change.message}`)).toEqual([
      'closeCurrent: operation deprecated',
    ]);
  });

  it('needs attention: a new operation the facade does not expose', () => {
    const changes = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/{sessionId}/lifecycle/suspend'] = {
        post: { operationId: 'suspendSession', responses: { '204': { description: 'ok' } }, security: [{ apiToken: [] }] },
      };
    });
    expect(only(changes, 'attention').map((change) => [change.operation?.operationId, change.message])).toEqual([
      ['suspendSession', 'new operation, not exposed by the facade yet'],
    ]);
  });

  it('docs-only: summaries, descriptions, examples and scope descriptions', () => {
    const changes = changesAfter((spec) => {
      spec.paths['/api/v1/sessions/{sessionId}'].get.summary = 'Retrieve one session';
      schemas(spec).Session.properties.id.description = 'The id';
      spec.components.examples.CreateSessionBody.value.sessionToken = 'other';
      spec.components.securitySchemes.oauth2.flows.authorizationCode.scopes['okta.sessions.read'] = 'Reads sessions';
    });
    expect(changes.length).toBeGreaterThan(3);
    expect(changes.filter((change) => change.class !== 'docs')).toEqual([]);
  });

  it('readOnly moved in a response is non-breaking, even though the engine calls it breaking', () => {
    const changes = changesAfter((spec) => {
      delete schemas(spec).Session.properties.id.readOnly;
    });
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change).toMatchObject({ class: 'non-breaking', rule: 'response-readonly' });
    }
    expect(changes.some((change) => change.engine === 'breaking')).toBe(true);
  });

  it('a later release without createSession and the /me operations is breaking for four facade methods', () => {
    const report = compareSlices(loadSessionSlice(RELEASE_2025).slice, loadSessionSlice(LATER_RELEASE).slice);
    expect(report.summary.breaking).toBe(4);
    expect(
      only(report.changes, 'breaking')
        .map((change) => change.operation?.facadeMethod)
        .sort(),
    ).toEqual(['closeCurrent', 'create', 'getCurrent', 'refreshCurrent']);
    expect(report.summary.attention).toBe(0);
  });
});

describe('every finding ends in exactly one class', () => {
  it('several changes in one operation: the recognised ones do not hide the others', () => {
    const changes = changesAfter((spec) => {
      const session = schemas(spec).Session;
      delete session.properties.login; // rule: breaking
      session.properties.id.maxLength = 64; // no rule: needs review
      session.required = [...(session.required ?? []), 'status']; // rule: now always present
      session.properties.userId.description = 'Who owns it'; // text
      (spec.paths['/api/v1/sessions/{sessionId}'].get.parameters ??= []).push({ name: 'expand', in: 'query', schema: { type: 'string' } }); // rule: attention
    });
    const forGet = changes
      .filter((change) => change.operation?.operationId === 'getSession')
      .map((change) => `${change.class} ${change.rule} ${change.class === 'docs' ? '' : change.location}`.trim())
      .sort();
    expect(forGet).toEqual([
      'attention request-optional-added parameters.query expand',
      'attention unrecognised responses.200.id',
      'breaking response-property-removed responses.200.login',
      'docs text',
      'non-breaking response-property-required responses.200.status',
    ]);
  });

  it('a change the rules do not model, next to one they do at the same property, is still reported', () => {
    const changes = changesAfter((spec) => {
      const expiresAt = schemas(spec).Session.properties.expiresAt;
      expiresAt.type = 'integer'; // rule: breaking
      expiresAt.minimum = 0; // no rule
    });
    const forGet = changes
      .filter((change) => change.operation?.operationId === 'getSession')
      .map((change) => `${change.class} ${change.rule}`);
    expect(forGet.sort()).toEqual(['attention unrecognised', 'breaking response-type-changed']);
  });

  it('every rule in the table is applied somewhere in the contract code', () => {
    const code = ['rules.ts', 'compare.ts', 'engine-diffs.ts']
      .map((file) => readFileSync(`scripts/lib/contract/${file}`, 'utf8'))
      .join('\n');
    for (const rule of Object.keys(RULES)) expect(code, rule).toContain(`'${rule}'`);
  });

  it('the class of every change is the one its rule has in the rules table', () => {
    const changes = changesAfter((spec) => {
      delete schemas(spec).Session.properties.login;
      schemas(spec).Session.properties.id.maxLength = 64;
      spec.paths['/api/v1/sessions/{sessionId}'].get.deprecated = true;
      spec.paths['/api/v1/sessions/{sessionId}'].get.summary = 'Other';
    });
    expect(changes.length).toBeGreaterThan(4);
    for (const change of changes) expect(change.class).toBe(RULES[change.rule].class);
  });
});

describe('client rules for the user operations', () => {
  const clear = (spec: any) => spec.paths['/api/v1/users/{userId}/sessions'].delete;

  it("breaking: a query parameter's default changed (forgetDevices differs by engine; a caller who leaves it out relies on it)", () => {
    const changes = changesAfter((spec) => {
      clear(spec).parameters.find((parameter: any) => parameter.name === 'forgetDevices').schema.default = false;
    });
    expect(only(changes, 'breaking').map((change) => [change.rule, change.operation?.operationId, change.message])).toEqual([
      [
        'request-default-changed',
        'revokeUserSessions',
        'parameter `query forgetDevices` default changed: true -> false (a caller who leaves it out gets the new behaviour)',
      ],
    ]);
  });

  it('needs attention: a new UserStatus value; breaking: a User property removed', () => {
    const added = changesAfter((spec) => schemas(spec).UserStatus.enum.push('QUARANTINED'));
    expect(only(added, 'attention').map((change) => [change.rule, change.operation?.operationId, change.location])).toEqual([
      ['response-enum-added', 'getUser', 'responses.200.status'],
    ]);
    expect(only(added, 'breaking')).toEqual([]);
    const removed = changesAfter((spec) => delete schemas(spec).User.properties.status);
    expect(only(removed, 'breaking').map((change) => [change.rule, change.operation?.operationId, change.location])).toEqual([
      ['response-property-removed', 'getUser', 'responses.200.status'],
    ]);
  });

  it('breaking: the oauthTokens parameter the facade sends removed; an added required query parameter too', () => {
    const removed = changesAfter((spec) => {
      clear(spec).parameters = clear(spec).parameters.filter((parameter: any) => parameter.name !== 'oauthTokens');
    });
    expect(only(removed, 'breaking').map((change) => change.rule)).toEqual(['request-sent-removed']);
    const required = changesAfter((spec) =>
      clear(spec).parameters.push({ name: 'reason', in: 'query', required: true, schema: { type: 'string' } }),
    );
    expect(only(required, 'breaking').map((change) => change.rule)).toEqual(['request-required-added']);
  });

  it("needs attention: getUser's path parameter renamed, compared as the same operation", () => {
    const changes = changesAfter((spec) => {
      spec.paths['/api/v1/users/{userIdOrLogin}'] = spec.paths['/api/v1/users/{id}'];
      delete spec.paths['/api/v1/users/{id}'];
      spec.paths['/api/v1/users/{userIdOrLogin}'].parameters = [
        { name: 'userIdOrLogin', in: 'path', required: true, schema: { type: 'string' } },
      ];
    });
    // (The inline parameter has no description: a docs-only change beside it.)
    expect(changes.filter((change) => change.class !== 'docs').map((change) => [change.class, change.rule])).toEqual([
      ['attention', 'path-parameter-renamed'],
    ]);
  });
});

describe('client rules for the System Log', () => {
  it('breaking: a LogEvent property the facade reads removed or retyped; needs attention: one it does not read', () => {
    const read = changesAfter((spec) => {
      delete schemas(spec).LogAuthenticationContext.properties.externalSessionId;
      schemas(spec).LogTransaction.properties.id.type = 'integer';
    });
    expect(only(read, 'breaking').map((change) => [change.rule, change.operation?.operationId, change.location])).toEqual([
      ['response-property-removed', 'listLogEvents', 'responses.200.$[].authenticationContext.externalSessionId'],
      ['response-type-changed', 'listLogEvents', 'responses.200.$[].transaction.id'],
    ]);
    const unread = changesAfter((spec) => {
      delete schemas(spec).LogEvent.properties.debugContext;
      schemas(spec).LogUserAgent.properties.os.type = 'integer';
    });
    expect(only(unread, 'breaking')).toEqual([]);
    expect(only(unread, 'attention').map((change) => [change.rule, change.location])).toEqual([
      ['response-unread-type-changed', 'responses.200.$[].client.userAgent.os'],
      ['response-unread-property-removed', 'responses.200.$[].debugContext'],
    ]);
  });

  it("Okta's prose defaults are text; a parameter that comes to list its values needs attention", () => {
    const log = (spec: any) => spec.paths['/api/v1/logs'].get;
    const changes = changesAfter((spec) => {
      log(spec).parameters.find((parameter: any) => parameter.name === 'since').schema.default = '14 days prior to until';
    });
    expect(changes.filter((change) => change.class !== 'docs')).toEqual([]);
    expect(changes.map((change) => change.rule)).toContain('request-default-prose');
  });
});

describe('on real Okta releases', () => {
  it.skipIf(!hasRealSpecs)(
    `2024.06.1 -> 2025.08.0: nothing breaking; getUser's path parameter renamed and forgetDevices added need attention; readOnly and allOf moves are non-breaking${NEEDS_SHARED}`,
    () => {
      const report = compareSlices(loadSessionSlice(REAL_SPEC_2024).slice, loadSessionSlice(REAL_SPEC_2025).slice);
      expect(report.summary.breaking).toBe(0);
      const [logs, others] = bySystemLog(report.changes);
      // The System Log's prose defaults (since, until) are text; sortOrder coming to list its values, a new credentialType
      // and schema keywords the rules do not model need a look.
      expect(new Set(only(logs, 'attention').map((change) => change.rule))).toEqual(
        new Set(['request-enum-added', 'response-enum-added', 'unrecognised']),
      );
      expect(logs.filter((change) => change.rule === 'request-default-prose').map((change) => change.location)).toEqual([
        'parameters.query since',
        'parameters.query until',
      ]);
      expect(only(others, 'attention').map((change) => `${change.rule} ${change.operation?.operationId} ${change.location}`)).toEqual([
        // /api/v1/users/{userId} became /api/v1/users/{id}: the same URL, compared as one operation.
        'path-parameter-renamed getUser parameters',
        'request-optional-added getUser parameters.header Content-Type',
        'request-optional-added revokeUserSessions parameters.query forgetDevices',
        // Keywords the model does not capture are for a person to review, never lost.
        'unrecognised getUser responses.200.profile.login',
        'unrecognised getUser responses.200',
      ]);
      expect(report.summary.docs).toBeGreaterThan(10);
      const nonBreaking = only(others, 'non-breaking');
      expect(new Set(nonBreaking.map((change) => change.rule))).toEqual(new Set(['response-readonly', 'schema-layout']));
      // The generic engine over-reports these; the report must not echo it.
      expect(nonBreaking.filter((change) => change.engine === 'breaking').length).toBeGreaterThan(0);
      // Five operations return a Session, and getUser a User with the same links; each sees the same _links changes.
      expect(new Set(nonBreaking.map((change) => change.operation?.operationId)).size).toBe(6);
    },
  );

  it.skipIf(!hasRealSpecs)(
    `2025.08.0 -> the committed slice (2026.06.3 with four retained): nothing breaking, the four named${NEEDS_SHARED}`,
    () => {
      const report = compareSlices(loadSessionSlice(REAL_SPEC_2025).slice, committedSlice());
      expect(report.summary.breaking).toBe(0);
      const [logs, others] = bySystemLog(report.changes);
      // Five securityContext fields became nullable: the facade reads none of them.
      expect(only(logs, 'attention').map((change) => `${change.rule} ${change.location}`)).toEqual(
        ['asNumber', 'asOrg', 'domain', 'isp', 'isProxy'].map(
          (field) => `response-unread-type-changed responses.200.$[].securityContext.${field}`,
        ),
      );
      expect(
        only(others, 'attention')
          .map((change) => `${change.rule} ${change.operation?.operationId}`)
          .sort(),
      ).toEqual([
        'operation-retained closeCurrentSession',
        'operation-retained createSession',
        'operation-retained getCurrentSession',
        'operation-retained refreshCurrentSession',
        // `maxLength` and `pattern`-like keywords on profile fields: for review.
        'unrecognised getUser',
        'unrecognised getUser',
      ]);
      expect(report.operations.filter((source) => source.retained).map((source) => source.retained?.from)).toEqual([
        '2025.08.0',
        '2025.08.0',
        '2025.08.0',
        '2025.08.0',
      ]);
    },
  );
});

/** The changes to the System Log's operation, and the rest. */
function bySystemLog<T extends { operation?: { operationId: string } | undefined }>(changes: readonly T[]): [T[], T[]] {
  return [
    changes.filter((change) => change.operation?.operationId === 'listLogEvents'),
    changes.filter((change) => change.operation?.operationId !== 'listLogEvents'),
  ];
}

function runScript(script: string, args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      `${process.cwd()}/node_modules/.bin/tsx`,
      [`${process.cwd()}/scripts/${script}`, ...args],
      { cwd },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run contract-diff', () => {
  it('exit 0 and a markdown report when nothing breaks', async () => {
    const run = await runScript('contract-diff.ts', [SPEC, SPEC]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**0 breaking, 0 need attention, 0 non-breaking, 0 docs-only**');
  });

  it('exit 1 for breaking changes, grouped and naming operation, HTTP call and facade method', async () => {
    const run = await runScript('contract-diff.ts', [RELEASE_2025, LATER_RELEASE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('## Breaking (4)');
    expect(run.stdout).toContain('- `createSession` (POST /api/v1/sessions) → `okta.create()`: operation removed from the spec');
  });

  it('--json gives the same report as JSON', async () => {
    const run = await runScript('contract-diff.ts', [RELEASE_2025, LATER_RELEASE, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ breaking: 4, attention: 0, 'non-breaking': 0, docs: 1 });
    expect(report.changes[0]).toMatchObject({ class: 'breaking', rule: 'operation-removed', operation: { facadeMethod: 'create' } });
  });

  it('exit 2 with a clear message for usage and parse errors', async () => {
    const missing = await runScript('contract-diff.ts', [SPEC]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('usage: npm run contract-diff');
    const unreadable = await runScript('contract-diff.ts', [SPEC, 'no/such/file.yaml']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('no/such/file.yaml: cannot read: ENOENT');
    const notSpec = await runScript('contract-diff.ts', [SPEC, 'package.json']);
    expect(notSpec.code).toBe(2);
    expect(notSpec.stderr).toContain('package.json: not an OpenAPI 3 document');
  });
});
