import { describe, expect, it } from 'vitest';
import { OktaSessions } from '../../src/index.js';

describe('orgUrl', () => {
  it.each([
    ['https://acme.okta.com', 'https://acme.okta.com'],
    ['https://acme.okta.com/', 'https://acme.okta.com'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s', (orgUrl) => {
    expect(() => new OktaSessions({ orgUrl })).not.toThrow();
  });

  it.each([
    ['acme.okta.com', /absolute URL/],
    ['http://acme.okta.com', /must use https/],
    ['ftp://acme.okta.com', /must use https/],
    ['http://localhost.evil.com', /must use https/],
    ['https://user:pass@acme.okta.com', /must not contain credentials/],
    ['https://acme.okta.com/api/v1', /origin only.*"https:\/\/acme.okta.com"/],
    ['https://acme.okta.com?x=1', /origin only/],
    ['https://acme.okta.com/#frag', /origin only/],
  ])('rejects %s with a clear message', (orgUrl, message) => {
    expect(() => new OktaSessions({ orgUrl })).toThrow(message);
  });
});

describe('orgUrl that does not parse', () => {
  it.each(['https://admin:s3cret-pass@acme okta.com', 'https://admin:s3cret/pass@acme okta.com', '//admin:s3cret-pass@acme okta.com'])(
    'quotes %j without its userinfo',
    (orgUrl) => {
      let message = '';
      try {
        new OktaSessions({ orgUrl });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^orgUrl must be an absolute URL/);
      expect(message).toContain('[REDACTED]@acme okta.com');
      expect(message).not.toMatch(/s3cret|admin/);
    },
  );

  it('never quotes a password, whatever the URL parses as', () => {
    // "admin:" parses as a scheme here: the message names the scheme, not the rest.
    expect(() => new OktaSessions({ orgUrl: 'admin:s3cret-pass@acme.okta.com' })).toThrow(/^orgUrl must use https/);
    expect(() => new OktaSessions({ orgUrl: 'admin:s3cret-pass@acme.okta.com' })).not.toThrow(/s3cret/);
  });
});
