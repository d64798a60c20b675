import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const SPEC_FILE = new URL('../../openapi/okta-sessions.yaml', import.meta.url);

export function loadSpec(): Record<string, any> {
  return parse(readFileSync(SPEC_FILE, 'utf8'));
}

/** JSON Schema validators for the spec's components, e.g. `validatorFor('Session')`. */
export function createSpecValidator(spec = loadSpec()): (schemaName: string) => ValidateFunction {
  // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (x-enumDescriptions, example).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, 'spec');
  return (schemaName) => {
    const validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`no schema ${schemaName} in the spec`);
    return validate;
  };
}
