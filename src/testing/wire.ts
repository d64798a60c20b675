/** Reading requests and writing responses on node:http, for the embedded server. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1 << 20;

export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a whole response: JSON unless a content type says otherwise, with its length. Returns the headers sent. */
export function writeResponse(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const sent: Record<string, string | string[]> = { ...headers };
  if (text && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) sent['content-type'] = 'application/json';
  sent['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(status, sent);
  res.end(text);
  return sent;
}
