import { afterAll, expect } from 'vitest';
import { type OktaSessionsServerOptions, type ResponseRecord, startOktaSessionsServer } from '../../src/testing/index.js';
import { createSpecValidator, loadSpec } from './spec-validator.js';

const spec = loadSpec();
const validatorFor = createSpecValidator(spec);

/** The schema the spec gives for this operation's response status (`[]` after it: an array of them), or Error for any error with a body. */
function schemaNameFor(record: ResponseRecord): string | undefined {
  if (record.status >= 400) return 'Error';
  for (const item of Object.values<Record<string, any>>(spec.paths)) {
    for (const operation of Object.values<Record<string, any>>(item)) {
      if (operation?.operationId !== record.operationId) continue;
      const schema = operation.responses?.[String(record.status)]?.content?.['application/json']?.schema;
      if (schema?.type === 'array') return `${String(schema.items?.$ref).split('/').pop()}[]`;
      return (schema?.$ref as string | undefined)?.split('/').pop();
    }
  }
  return undefined;
}

export const validatedResponses = { count: 0, failures: [] as string[] };

/** Checks one server response against the spec; returns a description of what is wrong, if anything. */
export function specViolation(record: ResponseRecord): string | undefined {
  if (record.body === undefined || record.operationId === undefined) return undefined;
  const schemaName = schemaNameFor(record);
  if (!schemaName) return `${record.method} ${record.path} ${record.status}: the spec defines no JSON response for this status`;
  const validate = validatorFor(schemaName.replace(/\[\]$/, ''));
  const items: unknown = schemaName.endsWith('[]') ? record.body : [record.body];
  const where = `${record.method} ${record.path} ${record.status} does not match ${schemaName}`;
  if (!Array.isArray(items)) return `${where}: not an array`;
  for (const item of items) if (!validate(item)) return `${where}: ${JSON.stringify(validate.errors)}`;
  return undefined;
}

/**
 * Starts the embedded server for a test file; every response it sends is
 * validated against the spec, and the file fails if any did not conform.
 */
export async function startValidatedServer(options: OktaSessionsServerOptions = {}) {
  const server = await startOktaSessionsServer({
    ...options,
    onResponse: (record) => {
      options.onResponse?.(record);
      if (record.body === undefined || record.operationId === undefined) return;
      validatedResponses.count++;
      const violation = specViolation(record);
      if (violation) validatedResponses.failures.push(violation);
    },
  });
  afterAll(async () => {
    await server.close();
    expect(validatedResponses.failures).toEqual([]);
  });
  return server;
}
