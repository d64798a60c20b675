/** Exit codes, as docs/cli.md documents them; 130 is the shell's code for a run ended by Ctrl-C. */
export const EXIT = { ok: 0, api: 1, usage: 2, network: 3, local: 4, unverified: 5, interrupted: 130 } as const;

/** The caller's mistake: exit 2, with a message that says what to fix. */
export class UsageError extends Error {}

/** Something on this machine stopped the command (a port in use, unreadable input): exit 4. */
export class LocalError extends Error {}
