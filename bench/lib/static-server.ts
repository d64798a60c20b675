import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const SESSION = JSON.stringify({
  id: '102l8zwRRO8Q2y3vlkDEVbkig',
  userId: '00uq9rgxol2uZABHN1d7',
  login: 'u@example.com',
  createdAt: '2025-09-22T07:00:55.000Z',
  expiresAt: '2025-09-22T09:00:55.000Z',
  status: 'ACTIVE',
  lastPasswordVerification: '2025-09-22T07:00:55.000Z',
  amr: ['pwd'],
  idp: { id: '00onkw1sbuAh3Q06I1d7', type: 'OKTA' },
  _links: { self: { href: 'https://acme.okta.com/api/v1/sessions/me', hints: { allow: ['GET', 'DELETE'] } } },
});

/**
 * The cheapest server that still looks like Okta (a fixed Session with Okta's
 * headers), so latency differences are the clients' own overhead.
 */
export async function startStaticServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(SESSION),
      'x-okta-request-id': 'aabbccddeeff00112233445566778899',
      'x-rate-limit-limit': '1000000',
      'x-rate-limit-remaining': '999999',
      'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 60),
    });
    res.end(SESSION);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
