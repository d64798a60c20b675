import { sessionIdProblem } from '../../input/session-id.js';
import { UsageError } from '../exit.js';

/** A session id as a person typed it: Okta's shape, checked before anything is sent. */
export function sessionIdArgument(value: string | undefined): string {
  const problem = sessionIdProblem(value, 'okta');
  if (problem) throw new UsageError(problem);
  return value as string;
}

/** How a session id command names its subject in an error report. */
export const SESSION_ID = { key: 'sessionId', label: 'session id' } as const;
