import { describe, expect, it } from 'vitest';
import { connectionFailureOf, describeConnectionError } from '../../src/errors/connection.js';

describe('connection errors', () => {
  const fetchRefused = new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });
  const httpRefused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });

  const fetchUntrusted = new TypeError('fetch failed', {
    cause: Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
  });
  const httpWrongHost = Object.assign(new Error("Hostname/IP does not match certificate's altnames"), {
    code: 'ERR_TLS_CERT_ALTNAME_INVALID',
  });

  it('recognise a refused connection and an untrusted certificate whether the code is on cause (fetch) or on the error (node:http)', () => {
    expect([fetchRefused, httpRefused].map(connectionFailureOf)).toEqual(['refused', 'refused']);
    expect([fetchUntrusted, httpWrongHost].map(connectionFailureOf)).toEqual(['untrusted-certificate', 'untrusted-certificate']);
    expect([reset, new Error('boom'), undefined, Object.assign(new Error('x'), { code: 42 })].map(connectionFailureOf)).toEqual([
      'connection',
      'connection',
      'connection',
      'connection',
    ]);
  });

  it('describe the error in one line with the system code, without repeating it', () => {
    expect(describeConnectionError(fetchRefused)).toBe('fetch failed (ECONNREFUSED)');
    expect(describeConnectionError(httpRefused)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(describeConnectionError(new TypeError('fetch failed', { cause: new Error('other side closed') }))).toBe(
      'fetch failed (other side closed)',
    );
    expect(describeConnectionError('weird')).toBe('weird');
  });

  it('say what to do about an untrusted certificate: a TLS-inspecting proxy wants its CA in NODE_EXTRA_CA_CERTS', () => {
    expect(describeConnectionError(fetchUntrusted)).toBe(
      'fetch failed (SELF_SIGNED_CERT_IN_CHAIN): the org’s TLS certificate is not trusted here. Behind a TLS-inspecting proxy, give Node its CA certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem',
    );
    expect(describeConnectionError(httpWrongHost)).toMatch(
      /^Hostname\/IP does not match certificate's altnames \(ERR_TLS_CERT_ALTNAME_INVALID\): the org’s TLS certificate is not trusted here\./,
    );
  });
});
