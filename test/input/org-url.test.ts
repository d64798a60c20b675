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
