import { sessionIdProblem } from '../input/session-id.js';

export interface ListedId {
  id: string;
  /** 1-based line in the input. */
  line: number;
}

export interface IdList {
  ids: ListedId[];
  invalid: (ListedId & { problem: string })[];
  /** Ids listed more than once: each is sent once. */
  duplicates: number;
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

/**
 * Session ids from a list: one per line, blank lines and `#` comments ignored, or
 * from `column` of a CSV whose first line is its header. Every id is checked
 * here, before anything is sent; `problem` names what is wrong with the others.
 */
export function parseIdList(text: string, column?: string): IdList {
  const list: IdList = { ids: [], invalid: [], duplicates: 0 };
  const seen = new Set<string>();
  let columnIndex: number | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const line = index + 1;
    let id = raw;
    if (column !== undefined) {
      const fields = csvFields(raw);
      if (columnIndex === undefined) {
        columnIndex = fields.indexOf(column);
        if (columnIndex < 0) throw new RangeError(`line ${line}: the CSV header has no column ${JSON.stringify(column)}; its columns are ${fields.map((name) => JSON.stringify(name)).join(', ')}`);
        continue;
      }
      id = fields[columnIndex] ?? '';
    }
    const problem = sessionIdProblem(id, 'okta');
    if (problem) list.invalid.push({ id, line, problem });
    else if (seen.has(id)) list.duplicates++;
    else {
      seen.add(id);
      list.ids.push({ id, line });
    }
  }
  return list;
}
