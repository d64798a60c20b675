import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The budget for the client with openapi-fetch, minified and gzipped. */
const BUDGET_BYTES = 12 * 1024;

describe('browser bundle', () => {
  it(`the client bundles for browsers with no node: imports and fits in ${BUDGET_BYTES / 1024} kB gzipped`, async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes('node_modules/openapi-fetch/'))).toBe(true);
    expect(inputs.filter((file) => file.startsWith('node:') || file.includes('src/cli/') || file.includes('src/testing/'))).toEqual([]);
    expect(code).not.toMatch(/["']node:/);
    // Node globals only behind openapi-fetch's own `typeof process` guard.
    expect(code.match(/\bBuffer\b/g) ?? []).toEqual([]);
    expect(code.match(/\bprocess\b/g)?.length ?? 0).toBeLessThanOrEqual(3);
    expect(code).toContain('typeof process=="object"');
    const gzipped = gzipSync(code).length;
    expect(gzipped, `bundle is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
