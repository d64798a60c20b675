import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../../src/cli/bulk.js';
import { parseIdList } from '../../src/cli/id-list.js';
import { Journal } from '../../src/cli/journal.js';

describe('parseIdList', () => {
  it('takes one id per line, ignoring blank lines and # comments, and keeps line numbers', () => {
    expect(parseIdList('# incident\n\n102aaa\n  102bbb  \r\n')).toEqual({
      ids: [
        { id: '102aaa', line: 3 },
        { id: '102bbb', line: 4 },
      ],
      invalid: [],
      duplicates: 0,
    });
  });

  it('reports each invalid id with its line and what is wrong, and sends a duplicate once', () => {
    const list = parseIdList('102aaa\nhttps://acme.okta.com/x\n102aaa\nme\n');
    expect(list.ids).toEqual([{ id: '102aaa', line: 1 }]);
    expect(list.duplicates).toBe(1);
    expect(list.invalid.map(({ line, problem }) => [line, problem.split(':')[0]])).toEqual([
      [2, '"https'],
      [4, '"me" is not a session id'],
    ]);
  });

  it('reads a CSV column by header name, with quoted fields holding commas and quotes', () => {
    const list = parseIdList('name,"session id"\n"Doe, ""J""",102aaa\nx,102bbb\n', 'session id');
    expect(list.ids.map(({ id, line }) => [id, line])).toEqual([
      ['102aaa', 2],
      ['102bbb', 3],
    ]);
    expect(() => parseIdList('a,b\n1,2\n', 'c')).toThrow('line 1: the CSV header has no column "c"; its columns are "a", "b"');
  });
});

describe('Journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okta-sessions-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const result = (id: string, ok: boolean): BulkResult => ({ id, ok, outcome: ok ? 'revoked' : 'failed', status: ok ? 204 : 500, errorCode: null, requestId: null, attempts: 1 });

  it('starts empty, and a new journal over the same file skips the ids that ended well, not the failed ones', () => {
    const path = join(dir, 'run.ndjson');
    const first = new Journal(path);
    expect(first.done.size).toBe(0);
    first.record(result('102aaa', true));
    first.record(result('102bbb', false));
    expect(new Journal(path).done).toEqual(new Set(['102aaa']));
  });

  it('survives a line cut short by a crash: that id is sent again, and new lines start fresh', () => {
    const path = join(dir, 'crash.ndjson');
    writeFileSync(path, `${JSON.stringify(result('102aaa', true))}\n{"id":"102bb`);
    const journal = new Journal(path);
    expect(journal.done).toEqual(new Set(['102aaa']));
    journal.record(result('102bbb', true));
    expect(new Journal(path).done).toEqual(new Set(['102aaa', '102bbb']));
    expect(readFileSync(path, 'utf8').split('\n').at(-2)).toBe(JSON.stringify(result('102bbb', true)));
  });
});
