/**
 * What puts one request on the wire and returns its response: the transport's
 * only way out. The fetch engine is the default everywhere today; the seam is
 * where engines for other runtimes plug in.
 */
export type Engine = (url: string, init: RequestInit) => Promise<Response>;

/**
 * A user's `fetch`, or the global one looked up at call time (so test tools that
 * patch it still apply). Called as a plain function: a browser's fetch throws
 * "Illegal invocation" when called as a method of another object.
 */
export function fetchEngine(custom: typeof globalThis.fetch | undefined): Engine {
  return custom ? (url, init) => custom(url, init) : (url, init) => globalThis.fetch(url, init);
}

/** Connection errors that mean nothing was sent. */
const REFUSED_CODES = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);

type SystemError = { code?: unknown; message?: unknown; cause?: unknown };

function asObject(value: unknown): SystemError | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}

/** The system error's code: fetch puts it on `cause`, node:http on the error itself. */
function systemCode(error: unknown): string | undefined {
  const code = asObject(asObject(error)?.cause)?.code ?? asObject(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the engine's error says the connection was refused: the request never left. */
export function isRefusedConnection(error: unknown): boolean {
  const code = systemCode(error);
  return code !== undefined && REFUSED_CODES.has(code);
}

/** An engine error as one line: its message and the system error behind it. */
export function describeConnectionError(error: unknown): string {
  const causeMessage = asObject(asObject(error)?.cause)?.message;
  const detail = systemCode(error) ?? (typeof causeMessage === 'string' ? causeMessage : undefined);
  const message = error instanceof Error ? error.message : String(error);
  return detail && !message.includes(detail) ? `${message} (${detail})` : message;
}
