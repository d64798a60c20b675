/** The test page: what a web app does with the `/me` operations. Bundled for the browser by browser.test.ts. */
import { OktaError, OktaSessions } from '../../src/universal.js';

interface Outcome {
  ok: boolean;
  value?: { id: string; login: string; expiresAt: string } | undefined;
  error?: { name: string; isOktaError: boolean; message: string; status: number | undefined };
}

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = (await call()) as { id: string; login: string; expiresAt: string } | undefined;
    return { ok: true, value: value && { id: value.id, login: value.login, expiresAt: value.expiresAt } };
  } catch (error) {
    const e = error as Error & { status?: number };
    return { ok: false, error: { name: e.name, isOktaError: error instanceof OktaError, message: e.message, status: e.status } };
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

Object.assign(window, { signInFlow, currentSession, withApiToken });
document.title = 'okta-sessions browser test';
