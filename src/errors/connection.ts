/**
 * What an engine's failure means, read from the system error behind it (fetch puts it on `cause`, node:http on
 * the error itself), and how to say it.
 */
import { isBrowser } from '../helpers/runtime.js';

/** A forward proxy would not open a tunnel to the org (http/proxy-tunnel.ts). */
export const PROXY_REFUSED_CODE = 'ERR_PROXY_REFUSED';
/** Connection errors that mean nothing was sent. */
const REFUSED_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', PROXY_REFUSED_CODE]);
/** TLS verification failures (OpenSSL's codes, as Node and undici report them): nothing was sent, and trying again changes nothing. */
const UNTRUSTED_CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** Nearly always a TLS-inspecting corporate proxy when Okta's own certificate is refused. */
const UNTRUSTED_CERTIFICATE_HINT =
  'the org’s TLS certificate is not trusted here. Behind a TLS-inspecting proxy, give Node its CA certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem';

type SystemError = { code?: unknown; message?: unknown; cause?: unknown };

function asObject(value: unknown): SystemError | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** The system error's code. */
function systemCode(error: unknown): string | undefined {
  const code = asObject(asObject(error)?.cause)?.code ?? asObject(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What an engine's error means for retrying: refused (the request never left), an untrusted
 * certificate (never left, and never will), or a connection that failed after it may have been sent.
 */
export function connectionFailureOf(error: unknown): 'refused' | 'untrusted-certificate' | 'connection' {
  const code = systemCode(error);
  if (code === undefined) return 'connection';
  return REFUSED_CODES.has(code) ? 'refused' : UNTRUSTED_CERTIFICATE_CODES.has(code) ? 'untrusted-certificate' : 'connection';
}

/** An engine error as one line: its message, the system error behind it, and what to do when that is a certificate. */
export function describeConnectionError(error: unknown): string {
  const causeMessage = asObject(asObject(error)?.cause)?.message;
  const code = systemCode(error);
  const detail = code ?? (typeof causeMessage === 'string' ? causeMessage : undefined);
  const message = error instanceof Error ? error.message : String(error);
  const described = detail && !message.includes(detail) ? `${message} (${detail})` : message;
  return connectionFailureOf(error) === 'untrusted-certificate' ? `${described}: ${UNTRUSTED_CERTIFICATE_HINT}` : described;
}

function pageOrigin(): string {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' ? origin : 'this page’s origin';
}

/**
 * A fetch that fails in a browser rejects with a bare TypeError ("Failed to fetch"): the browser hides why.
 * For Okta it is nearly always one of these, so the error names them.
 */
export function browserFetchFailureHint(error: unknown): string | undefined {
  if (!isBrowser() || !(error instanceof TypeError)) return undefined;
  return (
    `the browser blocked it or could not complete it. Likely: ${pageOrigin()} is not a Trusted Origin (CORS) of the org; ` +
    'third-party cookies are blocked (Okta needs a custom domain on this site); or Okta answered an error without CORS headers ' +
    '(such as 404 for an ended session). The browser console says which'
  );
}
