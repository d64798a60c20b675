/** The server's table of Okta's limits, held to the spec it serves. */
import { describe, expect, it } from 'vitest';
import { CORS_ENABLED } from '../../src/testing/okta-limits.js';
import { loadSpec } from '../support/spec-validator.js';

describe('okta-limits', () => {
  it('CORS_ENABLED is exactly the operations the spec marks x-okta-lifecycle isCorsEnabled', () => {
    const marked: string[] = [];
    for (const item of Object.values<Record<string, any>>(loadSpec().paths)) {
      for (const operation of Object.values<Record<string, any>>(item)) {
        if (operation?.['x-okta-lifecycle']?.isCorsEnabled === true) marked.push(operation.operationId);
      }
    }
    expect([...CORS_ENABLED].sort()).toEqual(marked.sort());
  });
});
