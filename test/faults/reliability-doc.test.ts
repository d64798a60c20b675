import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELIABILITY_DOC, renderReliabilityDoc, retryPolicyTable } from './reliability-doc.js';

describe('docs stay in step with the code', () => {
  it(`${RELIABILITY_DOC} is what the fault suite, the properties and the load benchmark say (make docs rewrites it)`, () => {
    const rendered = renderReliabilityDoc();
    if (process.env.UPDATE_DOCS) writeFileSync(RELIABILITY_DOC, rendered);
    expect(readFileSync(RELIABILITY_DOC, 'utf8'), 'run `make docs`').toBe(rendered);
  });

  it("docs/errors-and-retries.md's retry-policy table is the one the code applies", () => {
    expect(readFileSync('docs/errors-and-retries.md', 'utf8')).toContain(retryPolicyTable());
  });
});
