/**
 * The table of commands: `main.ts` dispatches from it, and the tool's usage is rendered from it. A command
 * is one module holding its usage, flags, scopes and what it does; adding one is adding a line here.
 */
import type { Command } from '../command.js';
import { clearUser } from './clear-user.js';
import { create } from './create.js';
import { get } from './get.js';
import { log } from './log.js';
import { me } from './me.js';
import { refresh } from './refresh.js';
import { revoke } from './revoke.js';
import { serve } from './serve.js';
import { sessions } from './sessions.js';

export const COMMANDS = { get, refresh, revoke, create, me, 'clear-user': clearUser, log, sessions, serve } as const satisfies Record<
  string,
  Command
>;

export type CommandName = keyof typeof COMMANDS;

export function commandNamed(name: string): Command | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
}
