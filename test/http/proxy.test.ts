/**
 * The Node engine through a real forward proxy on loopback (the `proxy` package, with Basic auth), as curl
 * uses one: https targets through CONNECT tunnels, plain http ones as absolute-form requests.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { createProxy } from 'proxy';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OktaSessions } from '../../src/index.js';
import { fetchEngines } from '../../src/http/engine.js';
import { startOktaSessionsServer, type OktaSessionsServer } from '../../src/testing/index.js';
import { rejectionOf } from '../support/okta.js';
import { runCli } from '../support/cli.js';
import { type LocalhostCertificate, localhostCertificate } from '../support/tls.js';

const PROXY_USER = 'corp-user';
const PROXY_PASSWORD = 's3cret-proxy-pass';

let okta: OktaSessionsServer;
let sessionId: string;
let secondSessionId: string;
let proxyUrl: string;
/** The `host:port` of every CONNECT the proxy was asked for. */
const tunnels: string[] = [];
/** `METHOD absolute-URL` of every plain request the proxy forwarded, and the connections it was sent on. */
const forwarded: string[] = [];
let proxyConnections = 0;
const proxyServer = createProxy(createServer());
proxyServer.authenticate = (req) =>
  req.headers['proxy-authorization'] === `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`;
proxyServer.on('connect', (req) => tunnels.push(req.url ?? ''));
proxyServer.on('request', (req) => forwarded.push(`${req.method} ${req.url}`));
proxyServer.on('connection', () => proxyConnections++);

beforeAll(async () => {
  okta = await startOktaSessionsServer();
  const setup = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken, proxy: false });
  sessionId = (await setup.create(await okta.issueSessionToken({ login: 'proxy@example.com' }))).id as string;
  secondSessionId = (await setup.create(await okta.issueSessionToken({ login: 'proxy@example.com' }))).id as string;
  await setup.close();
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await okta.close();
  await new Promise((resolve) => proxyServer.close(resolve));
});
afterEach(() => {
  tunnels.length = 0;
  forwarded.length = 0;
  proxyConnections = 0;
  vi.unstubAllEnvs();
});

/** A TLS server on loopback in front of `port`, with a certificate for localhost: an https org, or an https:// proxy. */
async function tlsFrontFor(port: number, certificate: LocalhostCertificate): Promise<TlsServer> {
  const front = createTlsServer(certificate, (socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return front;
}

describe('proxy', () => {
  it('sends a plain http target through the proxy option as absolute-form requests (as curl does, no CONNECT), with its credentials', async () => {
    const client = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken, proxy: proxyUrl });
    await expect(client.get(sessionId)).resolves.toMatchObject({ id: sessionId });
    await client.get(sessionId);
    await client.close();
    const request = `GET ${okta.url}/api/v1/sessions/${sessionId}`;
    expect(forwarded).toEqual([request, request]);
    expect(tunnels).toEqual([]);
    // One connection to the proxy, kept alive for the second call.
    expect(proxyConnections).toBe(1);
  });

  it('follows HTTP_PROXY/HTTPS_PROXY from the environment, in either case, as curl does', async () => {
    vi.stubEnv('http_proxy', proxyUrl);
    const client = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken });
    await client.get(sessionId);
    await client.close();
    expect(forwarded).toEqual([`GET ${okta.url}/api/v1/sessions/${sessionId}`]);
  });

  it('goes direct for a host in NO_PROXY, and with proxy: false whatever the environment says', async () => {
    vi.stubEnv('HTTP_PROXY', proxyUrl);
    vi.stubEnv('NO_PROXY', 'example.com,127.0.0.1');
    const listed = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken });
    await listed.get(sessionId);
    await listed.close();
    vi.stubEnv('NO_PROXY', '');
    const ignoring = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken, proxy: false });
    await ignoring.get(sessionId);
    await ignoring.close();
    expect([...tunnels, ...forwarded]).toEqual([]);
  });

  it('takes the OAuth token through the proxy too (okta/okta-sdk-nodejs#383)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { clientId } = okta.registerServiceApp({ publicKey: publicKey.export({ format: 'jwk' }), scopes: ['okta.sessions.read'] });
    const client = new OktaSessions({
      orgUrl: okta.url,
      oauth: { clientId, privateKey: privateKey.export({ format: 'jwk' }) as never, scopes: ['okta.sessions.read'] },
      proxy: proxyUrl,
    });
    const tokensBefore = okta.tokenRequests;
    await client.get(sessionId);
    await client.close();
    expect(okta.tokenRequests).toBeGreaterThan(tokensBefore);
    // The token request and the API call went through the proxy: the org was never reached directly.
    expect(forwarded.filter((line) => line.startsWith(`POST ${okta.url}/oauth2/v1/token`)).length).toBeGreaterThan(0);
    expect(forwarded).toContain(`GET ${okta.url}/api/v1/sessions/${sessionId}`);
  });

  it('never shows the proxy credentials: a refused proxy login, a dead proxy, the client itself', async () => {
    const wrongPassword = proxyUrl.replace(PROXY_PASSWORD, `${PROXY_PASSWORD}-old`);
    const refused = new OktaSessions({ orgUrl: okta.url, apiToken: okta.apiToken, proxy: wrongPassword, retry: false });
    const refusal = (await rejectionOf(refused.get(sessionId))) as Error & { status?: number };
    expect(refusal.status).toBe(407);
    const deadProxy = new OktaSessions({
      orgUrl: okta.url,
      apiToken: okta.apiToken,
      proxy: 'http://corp-user:s3cret-proxy-pass@127.0.0.1:9',
      retry: false,
    });
    const unreachable = (await rejectionOf(deadProxy.get(sessionId))) as Error;
    expect(unreachable.name).toBe('OktaConnectionError');
    const { inspect } = await import('node:util');
    for (const shown of [refusal, unreachable]
      .flatMap((error) => [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: 5 })])
      .concat(inspect(refused, { showHidden: true, depth: 5 }))) {
      expect(shown).not.toContain(PROXY_PASSWORD);
      expect(shown).not.toContain(Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64'));
    }
    await Promise.all([refused.close(), deadProxy.close()]);
  });

  it('tunnels https with CONNECT and checks the org’s certificate through the tunnel (the CLI, as a user behind a proxy runs it)', async () => {
    // An https org on loopback: a TLS front for the embedded server, with a certificate for localhost from a CA of the test's own.
    const certificate = localhostCertificate();
    const tlsFront = await tlsFrontFor(Number(new URL(okta.url).port), certificate);
    const httpsOrg = `https://localhost:${(tlsFront.address() as AddressInfo).port}`;
    try {
      const env = { OKTA_ORG_URL: httpsOrg, OKTA_API_TOKEN: okta.apiToken, HTTPS_PROXY: proxyUrl };
      const trusted = await runCli(['get', sessionId, '--json'], { ...env, NODE_EXTRA_CA_CERTS: certificate.certFile });
      expect(trusted.stderr).toBe('');
      expect(JSON.parse(trusted.stdout)).toMatchObject({ id: sessionId, login: 'proxy@example.com' });
      expect(tunnels).toEqual([new URL(httpsOrg).host]);
      // A tunnel is a kept-alive connection of the pool: calls one after another go through the same one.
      tunnels.length = 0;
      const twice = await runCli(
        ['get', '--from', '-', '--concurrency', '1', '--json'],
        { ...env, NODE_EXTRA_CA_CERTS: certificate.certFile },
        `${sessionId}\n${secondSessionId}\n`,
      );
      expect(twice.code, twice.stderr).toBe(0);
      expect(twice.stdout.trim().split('\n')).toHaveLength(2);
      expect(tunnels).toEqual([new URL(httpsOrg).host]);
      // A proxy that will not open the tunnel: said as such, at once, and nothing reached the org.
      const refusedTunnel = new OktaSessions({
        orgUrl: httpsOrg,
        apiToken: okta.apiToken,
        proxy: proxyUrl.replace(PROXY_PASSWORD, 'wrong'),
        retry: false,
      });
      const refusal = (await rejectionOf(refusedTunnel.get(sessionId))) as Error;
      await refusedTunnel.close();
      expect(refusal.name).toBe('OktaConnectionError');
      expect(refusal.message).toBe(
        `Could not reach Okta: The proxy refused the tunnel to ${new URL(httpsOrg).host}: 407 Proxy Authentication Required (ERR_PROXY_REFUSED) (GET /api/v1/sessions/{sessionId})`,
      );
      // Without the CA the same tunnel ends in a refused certificate: verification is not skipped behind a proxy.
      const untrusted = await runCli(['get', sessionId, '--json'], env);
      expect(untrusted.code).toBe(3);
      // Reported at once (no retry meets another certificate), with what to do about it.
      // (Node's own words vary by version: Node 24 adds a hint of its own about --use-system-ca.)
      const failure = JSON.parse(untrusted.stderr) as { error: string; message: string };
      expect(failure.error).toBe('OktaConnectionError');
      expect(failure.message).toMatch(
        /^Could not reach Okta: self-signed certificate.* \(DEPTH_ZERO_SELF_SIGNED_CERT\): the org’s TLS certificate is not trusted here\. Behind a TLS-inspecting proxy, give Node its CA certificate: NODE_EXTRA_CA_CERTS=\/path\/to\/ca\.pem \(GET \/api\/v1\/sessions\/\{sessionId\}\)$/,
      );
      expect(untrusted.stdout + untrusted.stderr).not.toContain(PROXY_PASSWORD);
    } finally {
      await new Promise((resolve) => tlsFront.close(resolve));
      certificate.remove();
    }
  });

  it('goes through an https:// proxy too (TLS to the proxy, its certificate checked): absolute-form and CONNECT', async () => {
    const certificate = localhostCertificate();
    const proxyFront = await tlsFrontFor((proxyServer.address() as AddressInfo).port, certificate);
    const orgFront = await tlsFrontFor(Number(new URL(okta.url).port), certificate);
    try {
      const httpsProxy = `https://${PROXY_USER}:${PROXY_PASSWORD}@localhost:${(proxyFront.address() as AddressInfo).port}`;
      const httpsOrg = `https://localhost:${(orgFront.address() as AddressInfo).port}`;
      const trusted = { NODE_EXTRA_CA_CERTS: certificate.certFile, OKTA_API_TOKEN: okta.apiToken };
      const plain = await runCli(['get', sessionId, '--json'], { ...trusted, OKTA_ORG_URL: okta.url, HTTP_PROXY: httpsProxy });
      expect(plain.code, plain.stderr).toBe(0);
      expect(forwarded).toEqual([`GET ${okta.url}/api/v1/sessions/${sessionId}`]);
      const tunnelled = await runCli(['get', sessionId, '--json'], { ...trusted, OKTA_ORG_URL: httpsOrg, HTTPS_PROXY: httpsProxy });
      expect(tunnelled.code, tunnelled.stderr).toBe(0);
      expect(JSON.parse(tunnelled.stdout)).toMatchObject({ id: sessionId });
      expect(tunnels).toEqual([new URL(httpsOrg).host]);
    } finally {
      await Promise.all([proxyFront, orgFront].map((front) => new Promise((resolve) => front.close(resolve))));
      certificate.remove();
    }
  });

  it('says what to fix in a bad proxy, and refuses it where fetch sends', () => {
    expect(() => new OktaSessions({ orgUrl: okta.url, apiToken: 'x', proxy: 'socks5://127.0.0.1:1080' })).toThrow(
      'proxy must be an http:// or https:// proxy URL; socks5 proxies are not supported',
    );
    expect(() => new OktaSessions({ orgUrl: okta.url, apiToken: 'x', proxy: 'not a url' })).toThrow(
      'proxy must be a URL such as http://proxy.internal:3128',
    );
    vi.stubEnv('HTTPS_PROXY', 'ftp://proxy');
    expect(() => new OktaSessions({ orgUrl: 'https://acme.okta.com', apiToken: 'x' })).toThrow(
      /The proxy in the environment \(HTTPS_PROXY or ALL_PROXY\) must be an http/,
    );
    expect(() => new OktaSessions({ orgUrl: okta.url, apiToken: 'x', proxy: proxyUrl }, fetchEngines())).toThrow(
      /proxy is for the Node engine/,
    );
    expect(() => new OktaSessions({ orgUrl: okta.url, apiToken: 'x', proxy: proxyUrl, fetch })).toThrow(/proxy is for the Node engine/);
  });
});
