import { describe, expect, it } from 'vitest';
import { operations } from '../generated/operations.js';
import { EXCLUDED_OPERATIONS, FACADE_METHODS } from '../src/facade-methods.js';
import { OktaSessions } from '../src/index.js';
import { oktaHeaders, RECORDED_SESSION } from './helpers.js';

const specOperations = Object.keys(operations);
const facade = FACADE_METHODS as Record<string, string>;
const excluded = EXCLUDED_OPERATIONS as Record<string, string>;

describe('spec coverage', () => {
  it.each(specOperations)('spec operation %s is exposed by the facade or excluded on purpose', (operationId) => {
    expect(facade[operationId] ?? excluded[operationId], `${operationId} is in the spec but not exposed: add a facade method or list it in EXCLUDED_OPERATIONS`).toBeDefined();
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
        return new Response(status === 204 ? null : JSON.stringify(RECORDED_SESSION), { status, headers: oktaHeaders() });
      },
    });
    const call = (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
    expect(typeof call, `OktaSessions has no method ${method}`).toBe('function');
    const argument = spec.path.includes('{sessionId}') ? 'sess1' : operationId === 'createSession' ? 'token1' : { cookie: 'sid=sess1' };
    await call?.call(client, argument);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe(spec.method);
    expect(new URL(sent[0]!.url).pathname).toBe(spec.path.replace('{sessionId}', 'sess1'));
    expect(sent[0]?.headers.has('authorization')).toBe(spec.security.length > 0);
  });
});
