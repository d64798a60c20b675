import type { Session } from '../types.js';

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
