import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareSlices } from '../../scripts/lib/contract/compare.ts';
import {
  adoptRelease,
  loadRetainedPolicy,
  RETAINED_MARK,
  RETAINED_POLICY_PATH,
  type RetainedPolicyEntry,
} from '../../scripts/lib/retained.ts';
import { loadSessionSlice, operationIds } from '../../scripts/lib/spec-io.ts';

/** The slice before 2026.06.3 (all seven operations, release 2025.08.0) and a later release without create and /me. */
const before = () => loadSessionSlice('test/fixtures/contract/release-2025.08.0.yaml').slice;
const laterRelease = () => loadSessionSlice('test/fixtures/contract/without-create-and-me.yaml').slice as any;
const FROM_2025 = Object.fromEntries(operationIds(before()).map((id) => [id, '2025.08.0']));
const COMMITTED_POLICY = loadRetainedPolicy();

const policyWithout = (operationId: string): RetainedPolicyEntry[] => COMMITTED_POLICY.filter((entry) => entry.operationId !== operationId);

describe('adopting a release that dropped operations', () => {
  it('the committed policy retains exactly the four operations, from 2025.08.0, each with a reason', () => {
    expect(COMMITTED_POLICY.map((entry) => entry.operationId).sort()).toEqual([
      'closeCurrentSession',
      'createSession',
      'getCurrentSession',
      'refreshCurrentSession',
    ]);
    for (const entry of COMMITTED_POLICY) {
      expect(entry.from).toBe('2025.08.0');
      expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it('keeps the retained operations, marked, and the report names them and breaks nothing', () => {
    const adoption = adoptRelease(before(), FROM_2025, laterRelease(), COMMITTED_POLICY);
    expect(operationIds(adoption.slice)).toEqual(operationIds(before()));
    expect((adoption.slice.paths as any)['/api/v1/sessions'].post[RETAINED_MARK]).toEqual({
      from: '2025.08.0',
      reason: expect.stringContaining('still serves'),
    });
    expect((adoption.slice.paths as any)['/api/v1/sessions/{sessionId}'].get[RETAINED_MARK]).toBeUndefined();
    // The retained operation's own request schema, absent from the release, comes along.
    expect(Object.keys((adoption.slice.components as any).schemas)).toContain('CreateSessionRequest');

    const report = compareSlices(before(), adoption.slice);
    expect(report.summary.breaking).toBe(0);
    expect(
      report.changes
        .filter((change) => change.rule === 'operation-retained')
        .map((change) => change.operation?.facadeMethod)
        .sort(),
    ).toEqual(['closeCurrent', 'create', 'getCurrent', 'refreshCurrent']);
    expect(report.operations.find((source) => source.operation.operationId === 'getSession')?.retained).toBeUndefined();
  });

  it('a removal the policy does not cover is still breaking', () => {
    const adoption = adoptRelease(before(), FROM_2025, laterRelease(), policyWithout('createSession'));
    const report = compareSlices(before(), adoption.slice);
    expect(
      report.changes.filter((change) => change.class === 'breaking').map((change) => `${change.rule} ${change.operation?.operationId}`),
    ).toEqual(['operation-removed createSession']);
  });

  it('the release wins a shared schema, and a retained operation that no longer fits it is breaking', () => {
    const release = laterRelease();
    delete release.components.schemas.Session.properties.login;
    const adoption = adoptRelease(before(), FROM_2025, release, COMMITTED_POLICY);
    expect((adoption.slice.components as any).schemas.Session.properties.login).toBeUndefined();
    const removed = compareSlices(before(), adoption.slice).changes.filter((change) => change.rule === 'response-property-removed');
    expect(removed.map((change) => change.operation?.operationId).sort()).toEqual([
      'createSession',
      'getCurrentSession',
      'getSession',
      'refreshCurrentSession',
      'refreshSession',
    ]);
    for (const change of removed) expect(change.class).toBe('breaking');
  });

  it('a request schema the release redefines is the release version, checked against what the facade sends', () => {
    const release = laterRelease();
    release.components.schemas.CreateSessionRequest = {
      type: 'object',
      required: ['deviceToken', 'sessionToken'],
      properties: { sessionToken: { type: 'string' }, deviceToken: { type: 'string' } },
    };
    const adoption = adoptRelease(before(), FROM_2025, release, COMMITTED_POLICY);
    const breaking = compareSlices(before(), adoption.slice).changes.filter((change) => change.class === 'breaking');
    expect(breaking.map((change) => `${change.rule} ${change.operation?.operationId} ${change.location}`)).toEqual([
      'request-required-added createSession requestBody.deviceToken',
    ]);
  });

  it('adopting again over an adopted slice keeps the marks and changes nothing', () => {
    const first = adoptRelease(before(), FROM_2025, laterRelease(), COMMITTED_POLICY);
    const second = adoptRelease(first.slice, {}, laterRelease(), COMMITTED_POLICY);
    expect(second.slice).toEqual(first.slice);
    expect(compareSlices(first.slice, second.slice).changes).toEqual([]);
  });

  it('a policy entry for an operation the release has again is unused, and the release version wins', () => {
    const adoption = adoptRelease(before(), FROM_2025, before(), COMMITTED_POLICY);
    expect(adoption.retained).toEqual([]);
    expect(adoption.unused).toHaveLength(4);
    expect((adoption.slice.paths as any)['/api/v1/sessions'].post[RETAINED_MARK]).toBeUndefined();
  });

  it('refuses a policy that names another release than the one the operation was taken from', () => {
    const policy = COMMITTED_POLICY.map((entry) => ({ ...entry, from: '2024.06.1' }));
    expect(() => adoptRelease(before(), FROM_2025, laterRelease(), policy)).toThrow(
      /retains (createSession|getCurrentSession|refreshCurrentSession|closeCurrentSession) from 2024\.06\.1, but the current slice has it from 2025\.08\.0: review the entry and correct "from"/,
    );
  });
});

describe(`the policy file (${RETAINED_POLICY_PATH})`, () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const policyFile = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'okta-sessions-policy-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'policy.json'), content);
    return join(dir, 'policy.json');
  };

  it('no file means nothing is retained', () => {
    expect(loadRetainedPolicy('no/such/policy.json')).toEqual([]);
  });

  it('says what to fix in a malformed entry', () => {
    expect(() => loadRetainedPolicy(policyFile('{'))).toThrow(/not valid JSON/);
    expect(() => loadRetainedPolicy(policyFile('[]'))).toThrow(/expected \{"retained": \[/);
    expect(() => loadRetainedPolicy(policyFile('{"retained":[{"from":"2025.08.0","reason":"x"}]}'))).toThrow(
      /retained\[0\] needs an "operationId"/,
    );
    expect(() => loadRetainedPolicy(policyFile('{"retained":[{"operationId":"createSession","from":"latest","reason":"x"}]}'))).toThrow(
      /needs "from": the release it is kept from/,
    );
    expect(() => loadRetainedPolicy(policyFile('{"retained":[{"operationId":"createSession","from":"2025.08.0","reason":" "}]}'))).toThrow(
      /needs a "reason"/,
    );
    const twice = '{"retained":[{"operationId":"a","from":"2025.08.0","reason":"r"},{"operationId":"a","from":"2025.08.0","reason":"r"}]}';
    expect(() => loadRetainedPolicy(policyFile(twice))).toThrow(/a is listed twice/);
  });
});
