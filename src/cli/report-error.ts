import { OktaApiError, OktaError, OktaOAuthError } from '../errors/classes.js';
import { EXIT, LocalError, UsageError } from './exit.js';
import type { CliIo } from './io.js';

/** What a command acted on, as the user gave it: the CLI's own output names it whole (the library's errors shorten a session id). */
export interface Subject {
  /** The JSON key, e.g. `sessionId`. */
  key: string;
  /** The text label, e.g. `session id`. */
  label: string;
  value: string;
}

/** Prints an error on stderr (one JSON object with --json) and returns its exit code. */
export function reportError(error: unknown, json: boolean, io: Pick<CliIo, 'err'>, subject?: Subject): number {
  let code: number;
  let fields: Record<string, unknown>;
  let text: string[];
  if (error instanceof UsageError || error instanceof TypeError) {
    code = EXIT.usage;
    fields = { error: 'usage', message: error.message };
    text = [error.message];
  } else if (error instanceof OktaApiError) {
    code = EXIT.api;
    const { status, errorCode, errorSummary, requestId, attempts } = error;
    fields = { error: error.name, status, errorCode, errorSummary, requestId, attempts, message: error.message };
    text = [`${errorCode ?? `HTTP ${status}`}: ${errorSummary ?? error.message}`, `request id: ${requestId ?? '(none)'}`];
  } else if (error instanceof OktaOAuthError) {
    code = EXIT.api;
    const { status, requestId, attempts } = error;
    fields = {
      error: error.name,
      status,
      oauthError: error.error,
      errorDescription: error.errorDescription,
      requestId,
      attempts,
      message: error.message,
    };
    text = [error.message, `request id: ${requestId ?? '(none)'}`];
  } else if (error instanceof OktaError) {
    code = EXIT.network;
    fields = { error: error.name, message: error.message };
    text = [error.message];
  } else {
    code = EXIT.local;
    const message = error instanceof Error ? error.message : String(error);
    fields = { error: error instanceof LocalError ? 'local' : 'unexpected', message };
    text = [error instanceof LocalError ? message : `okta-sessions: unexpected error: ${message}`];
  }
  if (subject && error instanceof OktaError) {
    fields[subject.key] = subject.value;
    text.push(`${subject.label}: ${subject.value}`);
  }
  if (json) io.err(JSON.stringify(fields));
  else for (const line of text) io.err(line);
  return code;
}
