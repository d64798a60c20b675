import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const SPEC_FILE = new URL('../../openapi/okta-sessions.yaml', import.meta.url);

export function loadSpec(): Record<string, any> {
  return parse(readFileSync(SPEC_FILE, 'utf8'));
}

/**
 * Where real Okta answers outside its own spec, as okta-facts.md records it: the validator accepts what Okta sends.
 * Each entry is `[schema, property, the type Okta also sends]`.
 */
const OKTA_BEYOND_ITS_SPEC: ReadonlyArray<readonly [schema: string, property: string, alsoSent: string]> = [
  // okta-facts "Sessions": a recorded session has "lastFactorVerification": null; the spec says string.
  ['Session', 'lastFactorVerification', 'null'],
];

function widenedToWhatOktaSends(spec: Record<string, any>): Record<string, any> {
  const widened = structuredClone(spec);
  for (const [schema, property, alsoSent] of OKTA_BEYOND_ITS_SPEC) {
    const target = widened.components.schemas[schema].properties[property];
    target.type = [target.type, alsoSent];
  }
  return widened;
}

/** JSON Schema validators for the spec's components, e.g. `validatorFor('Session')`, accepting what Okta sends beyond its spec. */
export function createSpecValidator(spec = loadSpec()): (schemaName: string) => ValidateFunction {
  // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (x-enumDescriptions, example).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(widenedToWhatOktaSends(spec), 'spec');
  return (schemaName) => {
    const validate = ajv.getSchema(`spec#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`no schema ${schemaName} in the spec`);
    return validate;
  };
}
