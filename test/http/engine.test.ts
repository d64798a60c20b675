import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeConnectionError, fetchEngine, isRefusedConnection } from '../../src/http/engine.js';

afterEach(() => vi.unstubAllGlobals());

describe('fetch engine', () => {
  it("calls the global fetch as a plain function of globalThis, never as another object's method (a browser throws Illegal invocation)", async () => {
    const receivers: unknown[] = [];
    vi.stubGlobal('fetch', function (this: unknown) {
      receivers.push(this);
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    const engine = fetchEngine(undefined);
    await engine.send('https://acme.okta.com/x', {});
    // Looked up at call time, so a fetch patched after the client was made still applies.
    expect(receivers).toEqual([globalThis]);
  });

  it("uses the caller's fetch when given one", async () => {
    const custom = vi.fn(async () => new Response('{}'));
    await fetchEngine(custom).send('https://acme.okta.com/x', { method: 'GET' });
    expect(custom).toHaveBeenCalledWith('https://acme.okta.com/x', { method: 'GET' });
  });
});

describe('connection errors', () => {
  const fetchRefused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
  const httpRefused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });

  it('recognise a refused connection whether the code is on cause (fetch) or on the error (node:http)', () => {
    expect(isRefusedConnection(fetchRefused)).toBe(true);
    expect(isRefusedConnection(httpRefused)).toBe(true);
    expect(isRefusedConnection(reset)).toBe(false);
    expect(isRefusedConnection(new Error('boom'))).toBe(false);
    expect(isRefusedConnection(undefined)).toBe(false);
  });

  it('describe the error in one line with the system code, without repeating it', () => {
    expect(describeConnectionError(fetchRefused)).toBe('fetch failed (ECONNREFUSED)');
    expect(describeConnectionError(httpRefused)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(describeConnectionError(new TypeError('fetch failed', { cause: new Error('other side closed') }))).toBe('fetch failed (other side closed)');
    expect(describeConnectionError('weird')).toBe('weird');
  });
});
