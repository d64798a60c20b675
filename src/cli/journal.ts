import { appendFileSync, readFileSync } from 'node:fs';
import type { BulkOutcome } from './bulk.js';

/**
 * One line per finished input, appended (and handed to the OS) before the next
 * is reported, so a crash loses at most the inputs in flight. A rerun with the
 * same journal skips every input that ended well; failed ones are tried again.
 * `keysOf` names what a line marks done: its input (`id` for session ids,
 * `input` for users) and, for a user, the user id it resolved to.
 */
export class Journal<R extends BulkOutcome> {
  readonly path: string;
  /** Inputs (and what they resolved to) that ended well in an earlier run. */
  readonly done: ReadonlySet<string>;

  constructor(path: string, keysOf: (line: Partial<R>) => readonly unknown[]) {
    this.path = path;
    const done = new Set<string>();
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      try {
        const result = JSON.parse(line) as Partial<R>;
        if (result.ok !== true) continue;
        for (const key of keysOf(result)) if (typeof key === 'string') done.add(key);
      } catch {
        // A line cut short by a crash: its input was in flight, and is sent again.
      }
    }
    this.done = done;
    // A crash may have left a partial last line: start ours on a fresh one.
    if (text !== '' && !text.endsWith('\n')) appendFileSync(path, '\n');
  }

  record(result: R): void {
    appendFileSync(this.path, `${JSON.stringify(result)}\n`);
  }
}
