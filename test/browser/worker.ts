/** A Web Worker of the test page: no `document`, a browser all the same. Bundled by browser.test.ts. */
import { OktaSessions } from '../../src/universal.js';

function attempt(make: () => unknown): string {
  try {
    make();
    return 'constructed';
  } catch (error) {
    return (error as Error).message;
  }
}

self.onmessage = (event: MessageEvent<string>) => {
  const orgUrl = event.data;
  const oauth = {
    clientId: '0oa8f5j3ecb5w3dF35d7',
    privateKey: { kty: 'EC', crv: 'P-256', d: 'd', x: 'x', y: 'y' },
    scopes: ['okta.sessions.read'],
  } as const;
  self.postMessage({
    apiToken: attempt(() => new OktaSessions({ orgUrl, apiToken: '00abcdefghijklmnopqrstuvwxyz' })),
    oauth: attempt(() => new OktaSessions({ orgUrl, oauth })),
    allowed: attempt(() => new OktaSessions({ orgUrl, apiToken: '00abcdefghijklmnopqrstuvwxyz', dangerouslyAllowBrowser: true })),
  });
};
