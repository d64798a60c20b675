import { appendFileSync, readFileSync } from 'node:fs';
import type { BulkResult } from './outcomes.js';

/**
 * One line per finished input, appended (and handed to the OS) before the next is reported, so a crash
 * loses at most the inputs in flight. A rerun with the same journal skips every input that ended done;
 * the rest are tried again. Each line marks its input done and, for a user, the user id it resolved to.
 * It is opened, and written to, before the first request: a journal that cannot be kept stops the run
 * with nothing sent.
 */
export class Journal {
  readonly path: string;
  /** Inputs, and the user ids they resolved to, that ended done in an earlier run. */
  readonly done: ReadonlySet<string>;

  constructor(path: string) {
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
        const result = JSON.parse(line) as Partial<BulkResult>;
        if (result.ok !== true) continue;
        for (const key of [result.input, result.userId]) if (typeof key === 'string') done.add(key);
      } catch {
        // A line cut short by a crash: its input was in flight, and is sent again.
      }
    }
    this.done = done;
    // Creates the file, or proves it can be written: a crash may also have left a partial last line, ended here.
    appendFileSync(path, text !== '' && !text.endsWith('\n') ? '\n' : '');
  }

  record(entry: BulkResult | { event: string; [key: string]: unknown }): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
  }
}
