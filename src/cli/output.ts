import type { LoggedSession } from '../client/log-sessions.js';
import type { LogEvent, Session } from '../types.js';

/** A session as text: one `name value` row per field it has. */
export function describeSession(session: Session): string {
  const rows: [string, unknown][] = [
    ['id', session.id],
    ['login', session.login],
    ['userId', session.userId],
    ['status', session.status],
    ['createdAt', session.createdAt],
    ['expiresAt', session.expiresAt],
    ['amr', session.amr?.join(', ')],
    ['idp', session.idp ? `${session.idp.type} ${session.idp.id}` : undefined],
  ];
  return rows
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key.padEnd(10)} ${String(value)}`)
    .join('\n');
}

/** A fixed-width row: each cell cut or padded to its width, the last one whole. */
function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => {
      const width = widths[index];
      if (width === undefined) return cell;
      return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
    })
    .join('  ');
}

const LOG_WIDTHS = [20, 28, 30, 15, 25];

export const LOG_HEADER = row(['TIME (UTC)', 'EVENT', 'ACTOR', 'IP', 'SESSION', 'OUTCOME'], LOG_WIDTHS);

/** One System Log event as a table row: time, event type, actor, IP, session, outcome. */
export function logEventRow(event: LogEvent): string {
  return row(
    [
      (event.published ?? '').replace(/\.\d+Z$/, 'Z'),
      event.eventType ?? '',
      event.actor?.alternateId ?? event.actor?.displayName ?? '',
      event.client?.ipAddress ?? '',
      event.authenticationContext?.externalSessionId ?? '',
      event.outcome?.result ?? '',
    ],
    LOG_WIDTHS,
  );
}

const SESSION_WIDTHS = [25, 28, 20, 20, 15];

export const SESSION_HEADER = row(['SESSION', 'USER', 'FIRST SEEN (UTC)', 'LAST SEEN (UTC)', 'IP', 'STATE'], SESSION_WIDTHS);

export const isoSeconds = (date: Date | undefined) => (date ? date.toISOString().replace(/\.\d+Z$/, 'Z') : '');

/** One session the log shows as a table row; its state says how far the log can tell. */
export function loggedSessionRow(session: LoggedSession): string {
  const state = session.ended
    ? `ended ${isoSeconds(session.ended.at)}${session.ended.requestId ? ` by request ${session.ended.requestId}` : ''}`
    : 'active (as far as the log shows)';
  const more = session.ipAddresses.length > 1 ? ` +${session.ipAddresses.length - 1}` : '';
  return row(
    [
      session.externalSessionId,
      session.login ?? session.userId ?? '',
      isoSeconds(session.firstSeen),
      isoSeconds(session.lastSeen),
      `${session.ipAddresses[0] ?? ''}${more}`,
      state,
    ],
    SESSION_WIDTHS,
  );
}
