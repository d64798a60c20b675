/**
 * okta-auth-js 8, the browser client most of our users' web apps already use, driving the embedded server from
 * headless Chromium: a page on one origin, the embedded Okta on another, the session cookie set by
 * /login/sessionCookieRedirect. Its session calls (`session.exists()`, `session.get()` with `refresh()` and
 * `user()` from the answer's links, `closeSession()`) must work against us as against Okta.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { launchChromium } from '../support/chromium.js';

const LOGIN = 'ada@example.com';
/** okta-auth-js's browser build, as a script tag loads it (the global OktaAuth). */
const OKTA_AUTH_JS = readFileSync('node_modules/@okta/okta-auth-js/umd/default.js', 'utf8');

/** What the page does with okta-auth-js: every session call, each result or error kept. */
const PAGE_SCRIPT = `
window.sessionCalls = async (orgUrl) => {
  // The UMD build's global is the module: its OktaAuth class is an export of it.
  const authClient = new OktaAuth.OktaAuth({
    issuer: orgUrl + '/oauth2/default',
    clientId: '0oaembeddedtestapp',
    redirectUri: location.origin + '/callback',
    testing: { disableHttpsCheck: true },
  });
  const settle = (promise) => promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error: String(error) }));
  const existsBefore = await settle(authClient.session.exists());
  const session = await authClient.session.get();
  const user = session.status === 'ACTIVE' ? await settle(session.user()) : undefined;
  const refreshed = session.status === 'ACTIVE' ? await settle(session.refresh()) : undefined;
  const closed = await settle(authClient.closeSession());
  const existsAfter = await settle(authClient.session.exists());
  const after = await authClient.session.get();
  return { existsBefore, session: { ...session, refresh: undefined, user: undefined }, user, refreshed, closed, existsAfter, after };
};`;

async function pageOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/okta-auth-js.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(OKTA_AUTH_JS);
    else if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(PAGE_SCRIPT);
    else if (req.url === '/app.html')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><script src="/okta-auth-js.js"></script><script src="/page.js"></script>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('okta-auth-js in headless Chromium against the embedded server', () => {
  let browser: Browser;
  let app: { origin: string; server: Server };
  let okta: OktaSessionsServer;

  beforeAll(async () => {
    app = await pageOrigin();
    okta = await startOktaSessionsServer({ cors: { trustedOrigins: [app.origin, app.origin.replace('127.0.0.1', 'localhost')] } });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await okta?.close();
    app?.server.closeAllConnections();
    await new Promise((resolve) => app?.server.close(resolve));
  });

  // Reached as localhost (the app too: the cookie is SameSite=Lax, so the two must be one site), the answer's links
  // must name localhost too (Okta builds them on the domain the browser used), or refresh() and user() go to a host
  // where the browser holds no cookie.
  it.each(['127.0.0.1', 'localhost'])(
    'reached as %s: session.exists(), session.get() with user() and refresh(), closeSession(), cross-origin, with the cookie from sessionCookieRedirect',
    async (host) => {
      const orgUrl = okta.url.replace('127.0.0.1', host);
      const page = await browser.newPage();
      const token = await okta.issueSessionToken({ login: LOGIN });
      const landing = `${app.origin.replace('127.0.0.1', host)}/app.html`;
      const response = await page.goto(`${orgUrl}/login/sessionCookieRedirect?token=${token}&redirectUrl=${encodeURIComponent(landing)}`);
      expect(response?.url()).toBe(landing);

      const result = await page.evaluate((url) => (window as any).sessionCalls(url), orgUrl);

      expect(result.existsBefore).toEqual({ ok: true, value: true });
      expect(result.session).toMatchObject({ status: 'ACTIVE', login: LOGIN, lastFactorVerification: null });
      // user() follows the answer's user link (/api/v1/users/me), read with the cookie and no Authorization.
      expect(result.user).toMatchObject({ ok: true, value: { id: result.session.userId, profile: { login: LOGIN } } });
      expect(result.refreshed).toMatchObject({ ok: true, value: { id: result.session.id, status: 'ACTIVE' } });
      expect(Date.parse(result.refreshed.value.expiresAt)).toBeGreaterThanOrEqual(Date.parse(result.session.expiresAt));
      expect(result.closed).toEqual({ ok: true, value: true });
      expect(result.existsAfter).toEqual({ ok: true, value: false });
      expect(result.after).toEqual({ status: 'INACTIVE' });
      await page.close();
    },
    60_000,
  );
});
