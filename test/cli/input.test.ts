import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInputList } from '../../src/cli/bulk/input.js';
import { Journal } from '../../src/cli/bulk/journal.js';
import { type BulkResult, resultOf } from '../../src/cli/bulk/outcomes.js';
import { sessionIdRefusal } from '../../src/cli/bulk/sessions.js';
import { sessionIdProblem, userIdProblem } from '../../src/input/ids.js';

/** Session ids, as `revoke --from` reads them; ids and values here keep the old field names. */
function parseIdList(text: string, column?: string) {
  const list = parseInputList(text, { source: undefined, column, problemOf: (value) => sessionIdProblem(value) });
  return { ids: list.inputs.map(({ value, line }) => ({ id: value, line })), invalid: list.invalid, duplicates: list.duplicates };
}

describe('parseInputList: session ids', () => {
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
    const id = '102l8zwRRO8Q2y3vlkDEVbkig';
    const refused = (text: string) => parseInputList(text, { source: undefined, problemOf: sessionIdRefusal });
    const list = { ...refused(`${id}\nhttps://acme.okta.com/x\n${id}\nme\n`), ids: [] as unknown[] };
    list.ids = list.inputs.map(({ value, line }) => ({ id: value, line }));
    expect(list.ids).toEqual([{ id, line: 1 }]);
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

describe('parseInputList: users, from a System Log export', () => {
  const users = (text: string, field?: string) =>
    parseInputList(text, { source: undefined, field, problemOf: (value) => userIdProblem(value, 'idOrLogin') });
  const event = (alternateId: string, id = '00uq9rgxol2uZABHN1d7') => ({
    eventType: 'user.session.start',
    actor: { id, type: 'User', alternateId },
  });

  it('reads a field of JSON lines, and of a JSON array, by a dotted path', () => {
    const lines = [event('ada@example.com'), event('grace@example.com'), event('ada@example.com')]
      .map((record) => JSON.stringify(record))
      .join('\n');
    expect(users(lines, 'actor.alternateId')).toEqual({
      inputs: [
        { value: 'ada@example.com', line: 1 },
        { value: 'grace@example.com', line: 2 },
      ],
      invalid: [],
      duplicates: 1,
      filteredOut: 0,
    });
    const array = JSON.stringify([event('ada@example.com', '00uAAAAAAAAAAAAAAAAA'), event('x', '00uBBBBBBBBBBBBBBBBB')], null, 2);
    expect(users(array, 'actor.id').inputs.map(({ value }) => value)).toEqual(['00uAAAAAAAAAAAAAAAAA', '00uBBBBBBBBBBBBBBBBB']);
    expect(users(JSON.stringify([{ target: [{ alternateId: 'linus' }] }]), 'target.0.alternateId').inputs).toEqual([
      { value: 'linus', line: 1 },
    ]);
  });

  it('names each record without the field, each line that is not JSON, and each value that is not a user, before anything is sent', () => {
    const list = users(
      `${JSON.stringify(event('ada@example.com'))}\n{"actor":{}}\nnot json\n${JSON.stringify(event('me'))}\n`,
      'actor.alternateId',
    );
    expect(list.inputs).toEqual([{ value: 'ada@example.com', line: 1 }]);
    expect(list.invalid.map(({ line, problem }) => [line, problem])).toEqual([
      [2, 'no string at "actor.alternateId"'],
      [3, 'not a JSON record (--field reads JSON lines or a JSON array)'],
      [4, 'idOrLogin "me" would name the API token\'s own admin, not a user: pass the user\'s id or login'],
    ]);
    expect(() => users('[{"a":', 'a')).toThrow(/starts like a JSON array but is not valid JSON/);
    expect(() => parseInputList('x', { source: undefined, column: 'a', field: 'b', problemOf: () => undefined })).toThrow(
      '--column reads a CSV and --field JSON: give one',
    );
  });
});

describe('Journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okta-sessions-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const result = (id: string, ok: boolean): BulkResult => resultOf(id, ok ? 'revoked' : 'failed', { status: ok ? 204 : 500, attempts: 1 });

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
    writeFileSync(path, `${JSON.stringify(result('102aaa', true))}\n{"input":"102bb`);
    const journal = new Journal(path);
    expect(journal.done).toEqual(new Set(['102aaa']));
    journal.record(result('102bbb', true));
    expect(new Journal(path).done).toEqual(new Set(['102aaa', '102bbb']));
    expect(readFileSync(path, 'utf8').split('\n').at(-2)).toBe(JSON.stringify(result('102bbb', true)));
  });
});
