/**
 * How an API answer is read: a 2xx with the JSON the spec promises (or no body) is the call's value;
 * 429 and 502-504 are failures a retry may cure; anything else, including a 2xx whose body does not
 * parse, is the error `errors/make.ts` makes of it. Error bodies are read only when the error is thrown.
 */
import { apiError, type AttemptCount, type ErrorContext } from '../errors/make.js';
import type { OperationRef } from '../errors/classes.js';
import type { Secret } from '../errors/redact.js';
import { type RateLimitReading, rateLimitOf } from '../pacing/rate-limit-reading.js';
import type { Verdict } from './attempts.js';
import type { EngineResponse } from './engine.js';
import { failureOfStatus } from './retry.js';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** An error body: Okta's JSON error object, or the raw text when it is not JSON (an HTML page from a proxy). */
async function readErrorBody(response: EngineResponse): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A success body: the spec's type for the operation (`T`), or undefined for none. */
function parseValue<T>(text: string): { value: T } | undefined {
  try {
    return { value: text === '' ? undefined : JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The reader the attempt loop runs for one API call; `T` is the operation's success body as the spec types it. */
export function apiAnswerReader<T>(operation: OperationRef, secrets: readonly Secret[]) {
  return async (response: EngineResponse, reading: RateLimitReading, count: AttemptCount): Promise<Verdict<T>> => {
    const context: ErrorContext = { operation, secrets, count };
    const failure = failureOfStatus(response.status);
    if (failure)
      return { failure, error: async (note) => apiError(response, await readErrorBody(response), context, rateLimitOf(reading), note) };
    if (!response.ok) return { error: apiError(response, await readErrorBody(response), context, rateLimitOf(reading)) };
    const text = NULL_BODY_STATUSES.has(response.status) ? '' : await response.text();
    return parseValue<T>(text) ?? { error: apiError(response, text, context, undefined) };
  };
}
