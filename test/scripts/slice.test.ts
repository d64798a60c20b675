import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adoptRelease, loadRetainedPolicy } from '../../scripts/lib/retained.ts';
import { sliceSessionSpec } from '../../scripts/lib/slice.ts';
import { loadSessionSlice, operationIds, parseSpec, releaseFromFileName, toYaml } from '../../scripts/lib/spec-io.ts';
import { hasRealSpecs, NEEDS_SHARED, REAL_SPEC_2024, REAL_SPEC_2025, REAL_SPEC_2026 } from '../support/shared.js';

const FIXTURE = new URL('../fixtures/management-mini.yaml', import.meta.url);
const ALL_TEN = [
  'closeCurrentSession',
  'createSession',
  'getCurrentSession',
  'getSession',
  'getUser',
  'listLogEvents',
  'refreshCurrentSession',
  'refreshSession',
  'revokeSession',
  'revokeUserSessions',
];

describe('slicer on the committed fixture', () => {
  const sliced = sliceSessionSpec(parseSpec(readFileSync(FIXTURE, 'utf8'), 'fixture'));

  it('keeps the Session paths and the two user operations, drops other paths, other operations of their path items, and parameters-only path items', () => {
    expect(Object.keys(sliced.paths ?? {})).toEqual([
      '/api/v1/sessions',
      '/api/v1/sessions/me',
      '/api/v1/sessions/{sessionId}',
      '/api/v1/users/{userId}',
      '/api/v1/users/{userId}/sessions',
    ]);
    const paths = sliced.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/users/{userId}'] ?? {})).toEqual(['parameters', 'get']);
    expect(Object.keys(paths['/api/v1/users/{userId}/sessions'] ?? {})).toEqual(['parameters', 'delete']);
  });

  it('keeps exactly the transitive component closure', () => {
    const components = sliced.components as Record<string, Record<string, unknown>>;
    expect(Object.keys(components.schemas ?? {})).toEqual(['CreateSessionRequest', 'Error', 'Session', 'SessionStatus', 'User']);
    expect(Object.keys(components.parameters ?? {})).toEqual(['pathSessionId', 'pathUserId']);
    expect(Object.keys(components.responses ?? {})).toEqual(['ErrorTooManyRequests429']);
  });

  it('keeps only the security schemes and OAuth scopes the operations use', () => {
    const schemes = (sliced.components as Record<string, any>).securitySchemes;
    expect(Object.keys(schemes)).toEqual(['apiToken', 'oauth2']);
    // okta.users.manage is named only by deleteUser, which the slice leaves out.
    expect(Object.keys(schemes.oauth2.flows.authorizationCode.scopes)).toEqual(['okta.sessions.read', 'okta.users.read']);
  });

  it('keeps only the used tags, and info and servers', () => {
    expect(sliced.tags).toEqual([{ name: 'Session' }, { name: 'User' }]);
    expect((sliced.info as Record<string, unknown>).version).toBe('9.9.9');
    expect(sliced.servers).toEqual([{ url: 'https://{yourOktaDomain}' }]);
  });

  it('is idempotent: slicing a slice changes nothing', () => {
    expect(toYaml(sliceSessionSpec(parseSpec(toYaml(sliced), 'slice')))).toBe(toYaml(sliced));
  });

  it('fails clearly on a dangling $ref, a spec without session paths, or a non-OpenAPI file', () => {
    const broken = parseSpec(
      readFileSync(FIXTURE, 'utf8').replace('schemas/SessionStatus', () => 'schemas/Gone'),
      'f',
    );
    expect(() => sliceSessionSpec(broken)).toThrow(/Dangling \$ref "#\/components\/schemas\/Gone"/);
    expect(() => sliceSessionSpec({ openapi: '3.0.3', paths: { '/api/v1/users': {} } })).toThrow(/no operations under \/api\/v1\/sessions/);
    expect(() => parseSpec('just: text', 'notes.yaml')).toThrow(/notes.yaml: not an OpenAPI 3 document/);
    expect(() => parseSpec('{ unclosed', 'bad.yaml')).toThrow(/bad.yaml: not valid YAML or JSON/);
  });

  it('reads the release from Okta file names', () => {
    expect(releaseFromFileName('/x/management-minimal-2025.08.0.yaml')).toBe('2025.08.0');
    expect(releaseFromFileName('dist/2026.06.3/management-minimal.yaml')).toBe('2026.06.3');
    expect(releaseFromFileName('spec.yaml')).toBeUndefined();
  });
});

describe('slicer on real Okta releases', () => {
  it.skipIf(!hasRealSpecs)(
    `2026.06.3 adopted over 2025.08.0 with the retained-operations policy reproduces the committed slice byte for byte${NEEDS_SHARED}`,
    () => {
      const release = loadSessionSlice(REAL_SPEC_2026);
      expect(release.wasFull).toBe(true);
      expect(operationIds(release.slice)).toEqual([
        'getSession',
        'getUser',
        'listLogEvents',
        'refreshSession',
        'revokeSession',
        'revokeUserSessions',
      ]);
      const before = loadSessionSlice(REAL_SPEC_2025).slice;
      const releases = Object.fromEntries(operationIds(before).map((id) => [id, '2025.08.0']));
      const adopted = adoptRelease(before, releases, release.slice, loadRetainedPolicy());
      expect(toYaml(adopted.slice)).toBe(readFileSync(new URL('../../openapi/okta-sessions.yaml', import.meta.url), 'utf8'));
      const provenance = JSON.parse(readFileSync(new URL('../../openapi/okta-sessions.source.json', import.meta.url), 'utf8'));
      expect(provenance).toMatchObject({ release: '2026.06.3', sourceSha256: release.sha256 });
      expect(provenance.operations.createSession).toEqual({ release: '2025.08.0', retained: expect.stringContaining('still serves') });
      expect(provenance.operations.getSession).toEqual({ release: '2026.06.3' });
      expect(provenance.operations.revokeUserSessions).toEqual({ release: '2026.06.3' });
    },
  );

  it.skipIf(!hasRealSpecs)(`2025.08.0 slices to the committed pre-2026 fixture byte for byte${NEEDS_SHARED}`, () => {
    const fixture = readFileSync(new URL('../fixtures/contract/release-2025.08.0.yaml', import.meta.url), 'utf8');
    expect(`${fixture.split('\n')[0]}\n${toYaml(loadSessionSlice(REAL_SPEC_2025).slice)}`).toBe(fixture);
  });

  it.skipIf(!hasRealSpecs)(`2024.06.1 slices to the same ten operations, getUser on its older path${NEEDS_SHARED}`, () => {
    const loaded = loadSessionSlice(REAL_SPEC_2024);
    expect(operationIds(loaded.slice)).toEqual(ALL_TEN);
    expect(Object.keys(loaded.slice.paths ?? {})).toContain('/api/v1/users/{userId}');
    const schemas = Object.keys((loaded.slice.components as Record<string, object>).schemas ?? {});
    expect(schemas).toEqual(expect.arrayContaining(['Session', 'User', 'UserStatus']));
    // Only the user operations the client takes: nothing of the rest of the Users API.
    expect(schemas.filter((name) => /^(CreateUser|UpdateUserRequest|UserNextLogin|GroupProfile)/.test(name))).toEqual([]);
  });

  it('the committed slice has all ten operations and validates as a slice', () => {
    const loaded = loadSessionSlice(new URL('../../openapi/okta-sessions.yaml', import.meta.url).pathname);
    expect(loaded.wasFull).toBe(false);
    expect(operationIds(loaded.slice)).toEqual(ALL_TEN);
  });
});
