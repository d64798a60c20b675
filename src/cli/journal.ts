import { appendFileSync, readFileSync } from 'node:fs';
import type { BulkResult } from './bulk.js';

/**
 * One line per finished id, appended (and handed to the OS) before the next is
 * reported, so a crash loses at most the ids in flight. A rerun with the same
 * journal skips every id that ended well; failed ones are tried again.
 */
export class Journal {
  readonly path: string;
  /** Ids that ended well in an earlier run. */
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
        if (result.ok === true && typeof result.id === 'string') done.add(result.id);
      } catch {
        // A line cut short by a crash: its id was in flight, and is sent again.
      }
    }
    this.done = done;
    // A crash may have left a partial last line: start ours on a fresh one.
    if (text !== '' && !text.endsWith('\n')) appendFileSync(path, '\n');
  }

  record(result: BulkResult): void {
    appendFileSync(this.path, `${JSON.stringify(result)}\n`);
  }
}
