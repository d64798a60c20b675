/** The test page: what a web app does with the `/me` operations. Bundled for the browser by browser.test.ts. */
import { OktaConnectionError, OktaError, OktaSessions } from '../../src/universal.js';

interface Outcome {
  ok: boolean;
  value?: { id: string; login: string; expiresAt: string } | undefined;
  error?: { name: string; isOktaError: boolean; isConnectionError: boolean; message: string; status: number | undefined };
}

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = (await call()) as { id: string; login: string; expiresAt: string } | undefined;
    return { ok: true, value: value && { id: value.id, login: value.login, expiresAt: value.expiresAt } };
  } catch (error) {
    const e = error as Error & { status?: number };
    return {
      ok: false,
      error: {
        name: e.name,
        isOktaError: error instanceof OktaError,
        isConnectionError: error instanceof OktaConnectionError,
        message: e.message,
        status: e.status,
      },
    };
  }
}

function show(label: string, outcome: unknown): void {
  const line = document.createElement('pre');
  line.textContent = `${label}: ${JSON.stringify(outcome, null, 1)}`;
  document.body.append(line);
}

/** Signed in already (the cookie came from sessionCookieRedirect): read, refresh (a second later, so expiresAt moves), close, read again. */
async function signInFlow(orgUrl: string) {
  const okta = new OktaSessions({ orgUrl });
  const current = await outcomeOf(() => okta.getCurrent());
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const result = {
    current,
    refreshed: await outcomeOf(() => okta.refreshCurrent()),
    closed: await outcomeOf(() => okta.closeCurrent()),
    afterClose: await outcomeOf(() => okta.getCurrent()),
    cookieSeenByScript: document.cookie,
  };
  for (const [label, outcome] of Object.entries(result)) show(label, outcome);
  return result;
}

async function currentSession(orgUrl: string) {
  const outcome = await outcomeOf(() => new OktaSessions({ orgUrl }).getCurrent());
  show('getCurrent', outcome);
  return outcome;
}

function withApiToken(orgUrl: string, dangerouslyAllowBrowser: boolean): string {
  try {
    new OktaSessions({ orgUrl, apiToken: '00abcdefghijklmnopqrstuvwxyz', dangerouslyAllowBrowser });
    return 'constructed';
  } catch (error) {
    return (error as Error).message;
  }
}

/** A throwaway EC key, as a service app's would be. */
async function serviceAppKey(): Promise<JsonWebKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  return crypto.subtle.exportKey('jwk', pair.privateKey);
}

async function withServiceApp(orgUrl: string, dangerouslyAllowBrowser: boolean): Promise<string> {
  try {
    new OktaSessions({
      orgUrl,
      oauth: { clientId: '0oa8f5j3ecb5w3dF35d7', privateKey: (await serviceAppKey()) as never, scopes: ['okta.sessions.read'] },
      dangerouslyAllowBrowser,
    });
    return 'constructed';
  } catch (error) {
    return (error as Error).message;
  }
}

function withAccessToken(orgUrl: string): string {
  new OktaSessions({ orgUrl, accessToken: 'the-signed-in-users-own-token' });
  return 'constructed';
}

/** What the client says in a Web Worker, which has no `document`. */
function inWorker(orgUrl: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker('/worker.js', { type: 'module' });
    worker.onmessage = (event) => resolve(event.data as Record<string, string>);
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(orgUrl);
  });
}

/** With the network gone after the page loaded: the page's own code is there, the OAuth chunk and Okta are not. */
async function offlineCalls(orgUrl: string) {
  const current = await outcomeOf(() => new OktaSessions({ orgUrl }).getCurrent());
  const serviceApp = new OktaSessions({
    orgUrl,
    oauth: { clientId: '0oa8f5j3ecb5w3dF35d7', privateKey: (await serviceAppKey()) as never, scopes: ['okta.sessions.read'] },
    dangerouslyAllowBrowser: true,
  });
  const result = { current, serviceApp: await outcomeOf(() => serviceApp.get('102l8zwRRO8Q2y3vlkDEVbkig')) };
  for (const [label, outcome] of Object.entries(result)) show(`offline ${label}`, outcome);
  return result;
}

Object.assign(window, { signInFlow, currentSession, withApiToken, withServiceApp, withAccessToken, inWorker, offlineCalls });
document.title = 'okta-sessions browser test';
