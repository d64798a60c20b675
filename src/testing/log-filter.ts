/**
 * The System Log's `filter` as Okta reads it: SCIM expressions (RFC 7644 section 3.4.2.2) over LogEvent
 * attributes, with every operator but `[ ]`: `eq ne co sw ew pr gt ge lt le`, `and`, `or`, `not`,
 * parentheses, dotted attributes (an array such as `target` matches when any element does), and quoted
 * strings with `\"` and `\\` escapes. `published` cannot be filtered on (since and until do that). What it
 * refuses, it refuses as Okta's docs show: 400 E0000053, "Invalid filter '…': … at position N".
 */

type Comparison = { attribute: string; operator: string; value: string | number | boolean | null };
export type Filter = { and: Filter[] } | { or: Filter[] } | { not: Filter } | Comparison;

const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le'];
/** The LogEvent attributes a filter may start with. */
const ATTRIBUTES = new Set([
  'uuid',
  'eventType',
  'version',
  'severity',
  'legacyEventType',
  'displayMessage',
  'actor',
  'client',
  'device',
  'request',
  'outcome',
  'target',
  'transaction',
  'debugContext',
  'authenticationContext',
  'securityContext',
]);

/** A refused filter, with Okta's wording. */
export class FilterError extends Error {}

type Token = { kind: 'word' | 'string' | 'open' | 'close'; text: string; at: number };

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < filter.length;) {
    const char = filter[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', text: char, at: i });
      i++;
    } else if (char === '"') {
      const at = i;
      let text = '';
      for (i++; i < filter.length && filter[i] !== '"'; i++) text += filter[i] === '\\' ? (filter[++i] ?? '') : filter[i];
      if (i >= filter.length) throw new FilterError(`Invalid filter '${filter}': Unterminated string at position ${at}`);
      tokens.push({ kind: 'string', text, at });
      i++;
    } else {
      const at = i;
      while (i < filter.length && !/[\s()"]/.test(filter[i] as string)) i++;
      tokens.push({ kind: 'word', text: filter.slice(at, i), at });
    }
  }
  return tokens;
}

/** Parses a filter; throws FilterError with Okta's wording. */
export function parseFilter(filter: string): Filter {
  const tokens = tokenize(filter);
  let position = 0;
  const fail = (what: string, token: Token | undefined) =>
    new FilterError(`Invalid filter '${filter}': ${what} at position ${token?.at ?? filter.length}`);
  const peekWord = () => (tokens[position]?.kind === 'word' ? tokens[position]?.text.toLowerCase() : undefined);

  const comparison = (): Filter => {
    const attribute = tokens[position++];
    if (attribute?.kind !== 'word') throw fail(`Expected an attribute, got '${attribute?.text ?? 'end of filter'}'`, attribute);
    const [head] = attribute.text.split('.');
    if (head === 'published') throw new FilterError('field is not valid: published');
    if (!ATTRIBUTES.has(head as string)) throw new FilterError(`field is not valid: ${attribute.text}`);
    const operator = tokens[position++];
    const name = operator?.kind === 'word' ? operator.text.toLowerCase() : undefined;
    if (!name || !OPERATORS.includes(name)) {
      const at = operator?.at ?? filter.length;
      throw new FilterError(
        `Invalid filter '${filter}': Unrecognized attribute operator '${operator?.text ?? ''}' at position ${at}. Expected: eq,co,sw,pr,gt,ge,lt,le`,
      );
    }
    if (name === 'pr') return { attribute: attribute.text, operator: name, value: null };
    const value = tokens[position++];
    if (value?.kind === 'string') return { attribute: attribute.text, operator: name, value: value.text };
    if (value?.kind === 'word' && /^(true|false|null|-?\d+(\.\d+)?)$/.test(value.text)) {
      return { attribute: attribute.text, operator: name, value: JSON.parse(value.text) as number | boolean | null };
    }
    throw fail(`Expected a value, got '${value?.text ?? 'end of filter'}'`, value);
  };

  const unary = (): Filter => {
    if (peekWord() === 'not') {
      position++;
      return { not: unary() };
    }
    if (tokens[position]?.kind === 'open') {
      position++;
      const inner = or();
      const close = tokens[position++];
      if (close?.kind !== 'close') throw fail("Expected ')'", close);
      return inner;
    }
    return comparison();
  };
  const and = (): Filter => {
    const parts = [unary()];
    while (peekWord() === 'and') {
      position++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as Filter) : { and: parts };
  };
  const or = (): Filter => {
    const parts = [and()];
    while (peekWord() === 'or') {
      position++;
      parts.push(and());
    }
    return parts.length === 1 ? (parts[0] as Filter) : { or: parts };
  };

  const parsed = or();
  if (position < tokens.length) throw fail(`Unexpected '${tokens[position]?.text}'`, tokens[position]);
  return parsed;
}

/** The values at a dotted path: one per element of any array on the way. */
function valuesAt(record: unknown, path: string): unknown[] {
  let values: unknown[] = [record];
  for (const key of path.split('.')) {
    values = values.flatMap((value) => {
      const next = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
      return Array.isArray(next) ? next : [next];
    });
  }
  return values.filter((value) => value !== undefined && value !== null);
}

function compare({ operator, value }: Comparison, actual: unknown): boolean {
  if (operator === 'pr') return true;
  if (operator === 'eq') return actual === value;
  if (operator === 'ne') return actual !== value;
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  if (operator === 'co' || operator === 'sw' || operator === 'ew') {
    const [text, part] = [String(actual).toLowerCase(), String(value).toLowerCase()];
    return operator === 'co' ? text.includes(part) : operator === 'sw' ? text.startsWith(part) : text.endsWith(part);
  }
  if (value === null || typeof value === 'boolean') return false;
  const order = actual < value ? -1 : actual > value ? 1 : 0;
  return operator === 'gt' ? order > 0 : operator === 'ge' ? order >= 0 : operator === 'lt' ? order < 0 : order <= 0;
}

/** Whether an event meets a parsed filter. */
export function matches(filter: Filter, event: unknown): boolean {
  return matchesWith(filter, event, new Map());
}

/** `seen`: an attribute's values, read once per event (a filter of 50 sessions names one attribute 50 times). */
function matchesWith(filter: Filter, event: unknown, seen: Map<string, unknown[]>): boolean {
  if ('and' in filter) return filter.and.every((part) => matchesWith(part, event, seen));
  if ('or' in filter) return filter.or.some((part) => matchesWith(part, event, seen));
  if ('not' in filter) return !matchesWith(filter.not, event, seen);
  let values = seen.get(filter.attribute);
  if (!values) {
    values = valuesAt(event, filter.attribute);
    seen.set(filter.attribute, values);
  }
  // `ne` holds when no value equals; the others when any value meets them.
  return filter.operator === 'ne' ? values.every((actual) => compare(filter, actual)) : values.some((actual) => compare(filter, actual));
}
