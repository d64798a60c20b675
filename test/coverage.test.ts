import { describe, expect, it } from 'vitest';
import { operations } from '../generated/operations.js';
import { OktaSessions } from '../src/index.js';
import { OPERATIONS } from '../src/operations.js';
import { oktaHeaders, RECORDED_SESSION } from './support/okta.js';

const specOperations = Object.keys(operations);
const table = Object.values(OPERATIONS);
const facade: Record<string, string> = Object.fromEntries(
  table.flatMap((op) => (typeof op.exposedAs === 'string' ? [[op.operationId, op.exposedAs]] : [])),
);
const excluded: Record<string, string> = Object.fromEntries(
  table.flatMap((op) => (typeof op.exposedAs === 'string' ? [] : [[op.operationId, op.exposedAs.excludedBecause]])),
);

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

describe('spec coverage', () => {
  it.each(specOperations)('spec operation %s is exposed by the facade or excluded on purpose', (operationId) => {
    expect(
      facade[operationId] ?? excluded[operationId],
      `${operationId} is in the spec but not exposed: add it to OPERATIONS in src/operations.ts with a facade method or excludedBecause`,
    ).toBeDefined();
  });

  it.each(Object.keys(facade))('facade operation %s exists in the spec', (operationId) => {
    expect(specOperations, `the facade calls ${operationId}, which the spec no longer has`).toContain(operationId);
  });

  it.each(Object.entries(facade))('%s: okta.%s() sends the spec method and path', async (operationId, method) => {
    const spec = operations[operationId as keyof typeof operations];
    const sent: Request[] = [];
    const client = new OktaSessions({
      orgUrl: 'https://acme.okta.com',
      apiToken: 'token-value',
      fetch: async (input, init) => {
        sent.push(new Request(input, init));
        const status = spec.method === 'DELETE' ? 204 : 200;
        const body = operationId === 'listLogEvents' ? [] : RECORDED_SESSION;
        return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: oktaHeaders() });
      },
    });
    const call = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
    expect(typeof call, `OktaSessions has no method ${method}`).toBe('function');
    // Every path parameter (a session id, a user id or login) is the method's first argument.
    const argument = spec.path.includes('{')
      ? 'arg1'
      : operationId === 'createSession'
        ? 'token1'
        : operationId === 'listLogEvents'
          ? {}
          : { cookie: 'sid=sess1' };
    const result = call?.call(client, argument);
    // A paged read sends when it is read: read it to its end (one empty page).
    if (isAsyncIterable(result)) for await (const _ of result);
    else await result;
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(spec.method);
    expect(new URL(sent[0]!.url).pathname).toBe(spec.path.replace(/\{[^}]+\}/, 'arg1'));
    expect(sent[0]?.headers.has('authorization')).toBe(spec.security.length > 0);
  });
});
