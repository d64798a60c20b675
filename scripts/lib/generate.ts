import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { eachOperation, isObject, securityOf } from './openapi-walk.ts';
import { parseSpec, sha256 } from './spec-io.ts';

export const GENERATED_DIR = 'generated';

/**
 * openapi-generator-cli 1.0.18-4.3.1 is the last release that ships its jar inside
 * the npm package; 2.x downloads the jar on first use, which fails offline.
 */
function generatorJar(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('@openapitools/openapi-generator-cli/package.json'), '..', 'bin', 'openapi-generator.jar');
}

export function validateSpec(specPath: string): void {
  const result = spawnSync('java', ['-jar', generatorJar(), 'validate', '-i', specPath], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `Cannot run Java for openapi-generator validation (${result.error.message}). Install a JRE, e.g. apt-get install -y default-jre-headless`,
    );
  }
  if (result.status !== 0) {
    throw new Error(`openapi-generator rejected ${specPath}:\n${result.stdout}${result.stderr}`);
  }
}

function header(specPath: string, specSha: string, infoVersion: string): string {
  return [
    '// GENERATED FILE: do not edit by hand. Regenerate with `make generate`.',
    `// Source: ${specPath} (info.version ${infoVersion}), sha256 ${specSha}`,
    '',
  ].join('\n');
}

interface OperationEntry {
  method: string;
  path: string;
  security: string[];
  /** OAuth 2.0 scopes the operation names (any one grants it, as Okta's scopes are written). */
  scopes: string[];
  deprecated: boolean;
}

function entryOf(security: Map<string, Set<string>>, method: string, path: string, deprecated: boolean): OperationEntry {
  const scopes = [...new Set([...security.values()].flatMap((set) => [...set]))].sort();
  return { method: method.toUpperCase(), path, security: [...security.keys()], scopes, deprecated };
}

function operationTable(spec: ReturnType<typeof parseSpec>): Record<string, OperationEntry> {
  const table = eachOperation(spec.paths).flatMap(({ path, method, operation }): [string, OperationEntry][] =>
    typeof operation.operationId === 'string'
      ? [[operation.operationId, entryOf(securityOf(spec, operation), method, path, operation.deprecated === true)]]
      : [],
  );
  return Object.fromEntries(table.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Writes generated/okta-sessions.ts (openapi-typescript) and generated/operations.ts
 * (operation table). `sourceLabel` is the spec path named in the header, for a spec
 * staged elsewhere before it replaces openapi/okta-sessions.yaml.
 */
export async function generate(specPath: string, outDir: string = GENERATED_DIR, sourceLabel: string = specPath): Promise<string[]> {
  validateSpec(specPath);
  const text = readFileSync(specPath, 'utf8');
  const spec = parseSpec(text, specPath);
  const specSha = sha256(text);
  const infoVersion = String(isObject(spec.info) ? spec.info.version : 'unknown');
  const banner = header(sourceLabel, specSha, infoVersion);

  const ast = await openapiTS(text, { alphabetize: true, rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true });
  const types = `${banner}\n${astToString(ast)}`;

  const operations = operationTable(spec);
  const table = [
    banner,
    '/** Every operation in the spec: the facade and the coverage test read this table. */',
    `export const operations = ${JSON.stringify(operations, null, 2)} as const;`,
    '',
    'export type OperationId = keyof typeof operations;',
    '',
  ].join('\n');

  mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    [join(outDir, 'okta-sessions.ts'), types],
    [join(outDir, 'operations.ts'), table],
  ];
  for (const [file, content] of files) writeFileSync(file, content);
  return files.map(([file]) => file);
}
