import { sessionIdProblem } from '../../input/session-id.js';
import { type SessionCommand, sessionCall, type SessionResult } from '../bulk-sessions.js';
import { UsageError } from '../exit.js';
import type { BulkSpec } from './bulk-command.js';

/** A session id as a person typed it: Okta's shape, checked before anything is sent. */
export function sessionIdArgument(value: string | undefined): string {
  const problem = sessionIdProblem(value, 'okta');
  if (problem) throw new UsageError(problem);
  return value as string;
}

/** How a session id command names its subject in an error report. */
export const SESSION_ID = { key: 'sessionId', label: 'session id' } as const;

/** `revoke --from` and `get --from`: session ids, one call each. */
export function sessionBulk(command: SessionCommand): BulkSpec<SessionResult> {
  return {
    command,
    noun: 'id',
    problemOf: (value) => sessionIdProblem(value, 'okta'),
    keysOf: (result) => [result.id],
    call: (client) => sessionCall(command, client),
    rows:
      command === 'revoke'
        ? [
            ['revoked', 'revoked'],
            ['already gone (404)', 'already-gone'],
            ['failed', 'failed'],
          ]
        : [
            ['found', 'found'],
            ['failed', 'failed'],
          ],
    repeatNote: command === 'revoke' ? 'revoking twice is harmless: 404, already gone' : 'reading twice changes nothing',
  };
}
