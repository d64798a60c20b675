import { describe, expect, it } from 'vitest';
import { checkCookie } from '../../src/input/cookie.js';
import { newClient } from '../support/okta.js';

describe('session cookies (RFC 6265 cookie syntax, checked before sending, never quoted)', () => {
  it.each(['sid=102l8zwRRO8Q2y3vlkDEVbkig', 'idx=abc.def-ghi_jkl', 'DT=DI1x; sid=102abc; JSESSIONID=xyz', 'sid="102quoted"', 'sid=a=b'])(
    'accepts %j',
    (cookie) => {
      expect(checkCookie(cookie)).toBe(cookie);
    },
  );

  it.each([
    ['a NUL', 'sid=102secret\u0000tail'],
    ['a line break', 'sid=102secret\r\nX-Evil: 1'],
    ['a tab inside the value', 'sid=102se\tcret'],
    ['a space inside the value', 'sid=102se cret'],
    ['a comma', 'sid=102secret,other'],
    ['a backslash', 'sid=102sec\\ret'],
    ['a non-ASCII character', 'sid=102sécret'],
    ['no session cookie', 'JSESSIONID=102secret'],
    ['an empty session cookie', 'sid=; DT=102secret'],
    ['an empty pair', 'sid=102secret;;'],
  ])('refuses %s, without quoting any of it, before anything is sent', async (_what, cookie) => {
    const sent: string[] = [];
    const client = newClient({ fetch: async (input) => (sent.push(String(input)), new Response(null, { status: 204 })) });
    const error = await client.getCurrent({ cookie }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^cookie must be a Cookie header value/);
    expect((error as Error).message).not.toContain('secret');
    expect(sent).toEqual([]);
  });
});
