/**
 * The `/me` flow in headless Chromium: a page on one origin, the embedded Okta on another origin of the
 * same site, the session cookie set by /login/sessionCookieRedirect and sent by the browser itself.
 */
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, startOktaSessionsServer } from '../../src/testing/index.js';
import { launchChromium } from '../support/chromium.js';

const OUTPUT_DIR = 'test/browser/output';
const LOGIN = 'ada@example.com';

/** A static origin serving the test page, its module and the chunks split off it (loaded on use), and the worker. */
async function pageOrigin(files: ReadonlyMap<string, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const script = files.get(req.url ?? '');
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (req.url === '/app.html') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          '<!doctype html><meta charset="utf-8"><style>pre { white-space: pre-wrap }</style><body><h1>okta-sessions</h1><script type="module" src="/page.js"></script></body>',
        );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the /me operations in headless Chromium', () => {
  let browser: Browser;
  let trusted: { origin: string; server: Server };
  let untrusted: { origin: string; server: Server };
  let okta: OktaSessionsServer;
  let oktaWithCorsOnErrors: OktaSessionsServer;

  beforeAll(async () => {
    // As a web app's bundler builds it: code behind import() (the OAuth flow) is a chunk the page loads on use.
    const bundled = await build({
      entryPoints: { page: 'test/browser/page.ts', worker: 'test/browser/worker.ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      outdir: 'out',
      write: false,
      logLevel: 'silent',
    });
    const files = new Map(bundled.outputFiles.map((file) => [`/${basename(file.path)}`, file.text]));
    [trusted, untrusted] = await Promise.all([pageOrigin(files), pageOrigin(files)]);
    okta = await startOktaSessionsServer({ cors: { trustedOrigins: [trusted.origin] } });
    oktaWithCorsOnErrors = await startOktaSessionsServer({ cors: { trustedOrigins: [trusted.origin], errorResponses: true } });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([okta?.close(), oktaWithCorsOnErrors?.close()]);
    for (const origin of [trusted, untrusted]) origin?.server.closeAllConnections();
    await Promise.all([trusted, untrusted].map((origin) => origin && new Promise((resolve) => origin.server.close(resolve))));
  });

  /** Signs in the way a web app does: the browser follows sessionCookieRedirect back to the app page. */
  async function signIn(server: OktaSessionsServer, landOn = trusted.origin): Promise<Page> {
    const page = await browser.newPage();
    const token = await server.issueSessionToken({ login: LOGIN });
    const redirectUrl = `${trusted.origin}/app.html`;
    const response = await page.goto(
      `${server.url}/login/sessionCookieRedirect?token=${token}&redirectUrl=${encodeURIComponent(redirectUrl)}`,
    );
    expect(response?.url()).toBe(redirectUrl);
    if (landOn !== trusted.origin) await page.goto(`${landOn}/app.html`);
    return page;
  }

  it('signs in through sessionCookieRedirect, then getCurrent, refreshCurrent and closeCurrent work from the page', async () => {
    const page = await signIn(okta);
    const result = await page.evaluate((orgUrl) => (window as any).signInFlow(orgUrl), okta.url);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}/sign-in-flow.png`, fullPage: true });

    expect(result.current).toMatchObject({ ok: true, value: { login: LOGIN } });
    expect(result.refreshed.ok).toBe(true);
    expect(Date.parse(result.refreshed.value.expiresAt)).toBeGreaterThan(Date.parse(result.current.value.expiresAt));
    expect(result.refreshed.value.id).toBe(result.current.value.id);
    expect(result.closed).toEqual({ ok: true });
    // Okta's error responses carry no CORS headers: the 404 of the ended session reaches the page as a failed fetch.
    expect(result.afterClose.ok).toBe(false);
    expect(result.afterClose.error).toMatchObject({ name: 'OktaConnectionError', isOktaError: true });
    expect(result.afterClose.error.message).toContain('without CORS headers');
    // HttpOnly: page script never sees the session cookie.
    expect(result.cookieSeenByScript).not.toContain('sid=');
    const cookies = await browser.cookies();
    expect(cookies.filter((cookie) => cookie.name === 'sid' && cookie.value !== '""')).toEqual([]);
    await page.close();
  }, 60_000);

  it('with CORS headers on errors, the ended session is an OktaNotFoundError', async () => {
    const page = await signIn(oktaWithCorsOnErrors);
    const result = await page.evaluate((orgUrl) => (window as any).signInFlow(orgUrl), oktaWithCorsOnErrors.url);
    expect(result.current.ok).toBe(true);
    expect(result.afterClose.error).toMatchObject({ name: 'OktaNotFoundError', status: 404 });
    await page.close();
  }, 60_000);

  it('from an origin that is not trusted, the call fails with an OktaConnectionError that names the likely causes', async () => {
    const page = await signIn(okta, untrusted.origin);
    const outcome = await page.evaluate((orgUrl) => (window as any).currentSession(orgUrl), okta.url);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}/untrusted-origin.png`, fullPage: true });
    expect(outcome.ok).toBe(false);
    expect(outcome.error.name).toBe('OktaConnectionError');
    expect(outcome.error.message).toContain(`${untrusted.origin} is not a Trusted Origin (CORS) of the org`);
    expect(outcome.error.message).toContain('third-party cookies are blocked');
    await page.close();
  }, 60_000);

  it('refuses an API token in a page unless dangerouslyAllowBrowser, saying why', async () => {
    const page = await browser.newPage();
    await page.goto(`${trusted.origin}/app.html`);
    const refused = await page.evaluate((orgUrl) => (window as any).withApiToken(orgUrl, false), okta.url);
    expect(refused).toContain('would ship the token to every visitor');
    expect(await page.evaluate((orgUrl) => (window as any).withApiToken(orgUrl, true), okta.url)).toBe('constructed');
    await page.close();
  }, 60_000);

  it('refuses a service app (oauth) in a page as an API token, and both in a Web Worker, unless dangerouslyAllowBrowser', async () => {
    const page = await browser.newPage();
    await page.goto(`${trusted.origin}/app.html`);
    expect(await page.evaluate((orgUrl) => (window as any).withServiceApp(orgUrl, false), okta.url)).toContain(
      "would ship the service app's private key",
    );
    expect(await page.evaluate((orgUrl) => (window as any).withServiceApp(orgUrl, true), okta.url)).toBe('constructed');
    expect(await page.evaluate((orgUrl) => (window as any).withAccessToken(orgUrl), okta.url)).toBe('constructed');
    const inWorker = await page.evaluate((orgUrl) => (window as any).inWorker(orgUrl), okta.url);
    expect(inWorker.apiToken).toContain('would ship the token to every visitor');
    expect(inWorker.oauth).toContain("would ship the service app's private key");
    expect(inWorker.allowed).toBe('constructed');
    await page.close();
  }, 60_000);

  it('offline after the page loaded, every failure is still an OktaConnectionError: a call, and the OAuth flow it cannot load', async () => {
    const page = await signIn(okta);
    await page.setOfflineMode(true);
    const offline = await page.evaluate((orgUrl) => (window as any).offlineCalls(orgUrl), okta.url);
    await page.setOfflineMode(false);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}/offline.png`, fullPage: true });
    expect(offline.current).toMatchObject({
      ok: false,
      error: { name: 'OktaConnectionError', isOktaError: true, isConnectionError: true },
    });
    expect(offline.serviceApp).toMatchObject({
      ok: false,
      error: { name: 'OktaConnectionError', isOktaError: true, isConnectionError: true },
    });
    expect(offline.serviceApp.error.message).toContain('Could not load the OAuth flow');
    await page.close();
  }, 60_000);
});
