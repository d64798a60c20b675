/** The command line's options, and parsing it into a command, its arguments and their values. */
import { parseArgs } from 'node:util';
import { UsageError } from './exit.js';

const OPTIONS = {
  'org-url': { type: 'string' },
  'api-token': { type: 'string' },
  'access-token': { type: 'string' },
  'client-id': { type: 'string' },
  'private-key': { type: 'string' },
  scopes: { type: 'string' },
  cookie: { type: 'string' },
  'timeout-ms': { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  from: { type: 'string' },
  column: { type: 'string' },
  field: { type: 'string' },
  'keep-oauth-tokens': { type: 'boolean', default: false },
  'forget-devices': { type: 'boolean', default: false },
  'keep-devices': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  concurrency: { type: 'string' },
  journal: { type: 'string' },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The flags that only a bulk run (`--from`) takes. */
export const BULK_FLAGS = ['from', 'column', 'field', 'skip-invalid', 'concurrency', 'journal'] as const;

/** parseArgs' messages quote oddly and explain `--`; ours name the flag and the fix. */
function usageFromParseError(error: Error): UsageError {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return new UsageError(`Unknown option ${unknown[1]}. See okta-sessions --help.`);
  const missingValue = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missingValue) return new UsageError(`Option ${missingValue[1]} needs a value.`);
  return new UsageError(error.message);
}

/** The command line's values and positionals; throws a UsageError that names the flag. */
export function parseCommandLine(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseError(error as Error);
  }
}
