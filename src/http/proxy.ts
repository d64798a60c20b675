/** Which proxy, if any, the Node engine goes through: the `proxy` option, or the environment as curl reads it. */
import { getProxyForUrl } from 'proxy-from-env';
import type { ProxyOption } from './engine.js';

export interface ProxyChoice {
  url: URL;
  /** The `Proxy-Authorization` its credentials make (Basic), when it has any. */
  authorization: string | undefined;
  /** Its credentials, as they may appear in errors: redacted like every other secret. */
  secrets: string[];
}

/** node:http wants an IPv6 literal without the brackets a URL gives it. */
export function unbracketed(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

function parseProxyUrl(value: string | URL, where: string): URL {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError(`${where} must be a URL such as http://proxy.internal:3128`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`${where} must be an http:// or https:// proxy URL; ${url.protocol.replace(/:$/, '')} proxies are not supported`);
  }
  return url;
}

function credentialsOf(url: URL): Pick<ProxyChoice, 'authorization' | 'secrets'> {
  if (!url.username && !url.password) return { authorization: undefined, secrets: [] };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return {
    authorization: `Basic ${basic}`,
    secrets: [url.password, password, `${url.username}:${url.password}`, basic].filter((secret) => secret !== ''),
  };
}

/**
 * The proxy for requests to `target`. The option wins over the environment;
 * without it, `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` and `NO_PROXY` decide
 * (either case, as curl does), read once when the client is made.
 */
export function chooseProxy(target: string, option: ProxyOption): ProxyChoice | undefined {
  if (option === false) return undefined;
  let url: URL;
  if (option !== undefined) {
    if (typeof option !== 'string' && !(option instanceof URL)) throw new TypeError('proxy must be a URL string, a URL, or false');
    url = parseProxyUrl(option, 'proxy');
  } else {
    const fromEnvironment = getProxyForUrl(target);
    if (!fromEnvironment) return undefined;
    url = parseProxyUrl(
      fromEnvironment,
      `The proxy in the environment (${new URL(target).protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'} or ALL_PROXY)`,
    );
  }
  return { url, ...credentialsOf(url) };
}
