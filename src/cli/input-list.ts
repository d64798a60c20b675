/**
 * What a bulk run acts on, from a list: one per line (blank lines and `#`
 * comments ignored), a column of a CSV with a header (`--column`), or a field
 * of JSON lines or a JSON array (`--field actor.alternateId`, as a System Log
 * export has it). Every value is checked here, before anything is sent.
 */

export interface ListedInput {
  value: string;
  /** 1-based line in the text (for a JSON array, the line its element starts on). */
  line: number;
}

export interface InputList {
  inputs: ListedInput[];
  invalid: (ListedInput & { problem: string })[];
  /** Values listed more than once: each is acted on once. */
  duplicates: number;
}

export interface ListFormat {
  /** A CSV column, by its header name. */
  column?: string | undefined;
  /** A dotted path into each JSON record (`actor.id`, `target.0.alternateId`). */
  field?: string | undefined;
  /** What is wrong with a value, if anything. */
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

/** The value at a dotted path, when it is a string. */
function fieldOf(record: unknown, path: string): string | undefined {
  let value = record;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The raw values and their lines: lines, a CSV column, or a field of JSON records. */
function rawValues(text: string, format: ListFormat): { values: ListedInput[]; unreadable: (ListedInput & { problem: string })[] } {
  const values: ListedInput[] = [];
  const unreadable: (ListedInput & { problem: string })[] = [];
  const lines = text.split(/\r?\n/);
  const { field, column } = format;
  if (field !== undefined && text.trimStart().startsWith('[')) {
    let records: unknown;
    try {
      records = JSON.parse(text);
    } catch (error) {
      throw new RangeError(`the list starts like a JSON array but is not valid JSON: ${(error as Error).message}`);
    }
    (records as unknown[]).forEach((record, index) => {
      const value = fieldOf(record, field);
      if (value) values.push({ value, line: index + 1 });
      else unreadable.push({ value: '', line: index + 1, problem: `element ${index + 1} has no string at ${JSON.stringify(field)}` });
    });
    return { values, unreadable };
  }
  let columnIndex: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).trim();
    if (raw === '' || (field === undefined && raw.startsWith('#'))) continue;
    const line = index + 1;
    if (field !== undefined) {
      let record: unknown;
      try {
        record = JSON.parse(raw);
      } catch {
        unreadable.push({ value: raw.slice(0, 40), line, problem: 'not a JSON record (--field reads JSON lines or a JSON array)' });
        continue;
      }
      const value = fieldOf(record, field);
      if (value) values.push({ value, line });
      else unreadable.push({ value: '', line, problem: `no string at ${JSON.stringify(field)}` });
      continue;
    }
    if (column === undefined) {
      values.push({ value: raw, line });
      continue;
    }
    const fields = csvFields(raw);
    if (columnIndex === undefined) {
      columnIndex = fields.indexOf(column);
      if (columnIndex < 0)
        throw new RangeError(
          `line ${line}: the CSV header has no column ${JSON.stringify(column)}; its columns are ${fields.map((name) => JSON.stringify(name)).join(', ')}`,
        );
      continue;
    }
    values.push({ value: fields[columnIndex] ?? '', line });
  }
  return { values, unreadable };
}

/** Every value of the list, checked; an invalid one is listed with its line and what is wrong. */
export function parseInputList(text: string, format: ListFormat): InputList {
  if (format.column !== undefined && format.field !== undefined) throw new RangeError('--column reads a CSV and --field JSON: give one');
  const { values, unreadable } = rawValues(text, format);
  const list: InputList = { inputs: [], invalid: [...unreadable], duplicates: 0 };
  const seen = new Set<string>();
  for (const entry of values) {
    const problem = format.problemOf(entry.value);
    if (problem) list.invalid.push({ ...entry, problem });
    else if (seen.has(entry.value)) list.duplicates++;
    else {
      seen.add(entry.value);
      list.inputs.push(entry);
    }
  }
  list.invalid.sort((a, b) => a.line - b.line);
  return list;
}
