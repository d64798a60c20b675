/**
 * What a bulk run acts on, from a list: one per line (blank lines and `#` comments ignored), a column of
 * a CSV with a header (`--column`), or a field of JSON lines or a JSON array (`--field actor.id`, as a
 * System Log export has it), with `--where` choosing records. Input that looks like something else (a CSV
 * or JSON read as lines) is refused, saying which columns or fields it has. Every value is checked here,
 * before anything is sent.
 */

export interface ListedInput {
  value: string;
  /** 1-based line in the text (for a JSON array, the element's number). */
  line: number;
}

export interface InputList {
  inputs: ListedInput[];
  /** Refused before sending, each with why. */
  invalid: (ListedInput & { problem: string })[];
  /** Values listed more than once: each is acted on once. */
  duplicates: number;
  /** Records `--where` left out. */
  filteredOut: number;
}

export interface ListFormat {
  /** Where the list came from: a file's name says what it is (`.csv`, `.json`). */
  source: string | undefined;
  /** A CSV column, by its header name. */
  column?: string | undefined;
  /** A dotted path into each JSON record (`actor.id`, `target.0.alternateId`). */
  field?: string | undefined;
  /** `FIELD=VALUE` conditions a JSON record must meet. */
  where?: readonly string[] | undefined;
  /** Why a value is refused, if it is. */
  problemOf: (value: string) => string | undefined;
}

/** One CSV line's fields; quoted fields may hold commas and doubled quotes. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

/** The value at a dotted path, as a string when it is one. */
function valueAt(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function stringAt(record: unknown, path: string): string | undefined {
  const value = valueAt(record, path);
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The dotted paths of a record's string fields, for a message that says what `--field` could be. */
function fieldPaths(record: unknown, prefix = ''): string[] {
  if (typeof record !== 'object' || record === null) return typeof record === 'string' && prefix ? [prefix] : [];
  return Object.entries(record).flatMap(([key, value]) => fieldPaths(value, prefix ? `${prefix}.${key}` : key));
}

/** The `--where` conditions as pairs. */
function conditions(where: readonly string[]): [string, string][] {
  return where.map((condition) => {
    const at = condition.indexOf('=');
    if (at < 1) throw new RangeError(`--where takes FIELD=VALUE, e.g. --where actor.type=User; got ${JSON.stringify(condition)}`);
    return [condition.slice(0, at), condition.slice(at + 1)];
  });
}

/** JSON records: a JSON array, or one JSON value per line (a line that is not one is named). */
function jsonRecords(text: string): { records: { record: unknown; line: number }[]; unreadable: number[] } {
  if (text.trimStart().startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new RangeError(`the list starts like a JSON array but is not valid JSON: ${(error as Error).message}`);
    }
    return { records: (parsed as unknown[]).map((record, index) => ({ record, line: index + 1 })), unreadable: [] };
  }
  const records: { record: unknown; line: number }[] = [];
  const unreadable: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      records.push({ record: JSON.parse(raw), line: index + 1 });
    } catch {
      unreadable.push(index + 1);
    }
  });
  return { records, unreadable };
}

/** Refuses a list read as lines that is a CSV or JSON: which it is, and what to choose. */
function refuseLookalike(text: string, format: ListFormat): void {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (first === undefined) return;
  const trimmed = first.trim();
  if (/\.(json|jsonl|ndjson)$/i.test(format.source ?? '') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const { records } = jsonRecords(text);
    const paths = [...new Set(records.slice(0, 20).flatMap(({ record }) => fieldPaths(record)))];
    const fields = paths.length > 0 ? `; its records have ${paths.slice(0, 25).join(', ')}${paths.length > 25 ? ', …' : ''}` : '';
    throw new RangeError(`the list is JSON: choose the field to read with --field (e.g. --field actor.id)${fields}`);
  }
  if (/\.csv$/i.test(format.source ?? '') || first.includes(',')) {
    const columns = csvFields(first).map((name) => JSON.stringify(name));
    throw new RangeError(
      `the list looks like a CSV with a header: choose the column with --column NAME; its columns are ${columns.join(', ')}`,
    );
  }
}

/** The raw values and their lines, from lines, a CSV column or JSON records; records refused on their own are in `unreadable`. */
function rawValues(text: string, format: ListFormat) {
  const values: ListedInput[] = [];
  const unreadable: (ListedInput & { problem: string })[] = [];
  let filteredOut = 0;
  const { field, column } = format;
  if (field !== undefined) {
    const where = conditions(format.where ?? []);
    const { records, unreadable: badLines } = jsonRecords(text);
    for (const line of badLines)
      unreadable.push({ value: '', line, problem: 'not a JSON record (--field reads JSON lines or a JSON array)' });
    for (const { record, line } of records) {
      if (!where.every(([path, expected]) => String(valueAt(record, path) ?? '') === expected)) {
        filteredOut++;
        continue;
      }
      const value = stringAt(record, field);
      // A System Log export mixes actors: a system principal or an app is not a user to act on.
      const actorType = field.startsWith('actor.') && where.length === 0 ? stringAt(record, 'actor.type') : undefined;
      if (!value) unreadable.push({ value: '', line, problem: `no string at ${JSON.stringify(field)}` });
      else if (actorType !== undefined && actorType !== 'User') {
        unreadable.push({ value, line, problem: `actor.type is ${actorType}, not a user: add --where actor.type=User to read users only` });
      } else values.push({ value, line });
    }
    return { values, unreadable, filteredOut };
  }
  if (format.where !== undefined && format.where.length > 0) throw new RangeError('--where chooses JSON records: it goes with --field');
  if (column === undefined) refuseLookalike(text, format);
  let columnIndex: number | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const raw = line.trim();
    if (raw === '' || (column === undefined && raw.startsWith('#'))) return;
    if (column === undefined) return values.push({ value: raw, line: index + 1 });
    const fields = csvFields(raw);
    if (columnIndex === undefined) {
      columnIndex = fields.indexOf(column);
      if (columnIndex < 0) {
        throw new RangeError(
          `line ${index + 1}: the CSV header has no column ${JSON.stringify(column)}; its columns are ${fields.map((name) => JSON.stringify(name)).join(', ')}`,
        );
      }
      return;
    }
    values.push({ value: fields[columnIndex] ?? '', line: index + 1 });
  });
  return { values, unreadable, filteredOut };
}

/** Every value of the list, checked; a refused one is listed with its line and why. */
export function parseInputList(text: string, format: ListFormat): InputList {
  if (format.column !== undefined && format.field !== undefined) throw new RangeError('--column reads a CSV and --field JSON: give one');
  const { values, unreadable, filteredOut } = rawValues(text, format);
  const list: InputList = { inputs: [], invalid: [...unreadable], duplicates: 0, filteredOut };
  const seen = new Set<string>();
  for (const entry of values) {
    if (seen.has(entry.value)) {
      list.duplicates++;
      continue;
    }
    seen.add(entry.value);
    const problem = format.problemOf(entry.value);
    if (problem) list.invalid.push({ ...entry, problem });
    else list.inputs.push(entry);
  }
  list.invalid.sort((a, b) => a.line - b.line);
  return list;
}
