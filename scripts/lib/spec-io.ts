import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, stringify } from 'yaml';
import { eachOperation, isObject, type OpenApiDocument } from './openapi-walk.ts';
import { isSessionSlice, sliceSessionSpec } from './slice.ts';

export const SPEC_PATH = 'openapi/okta-sessions.yaml';
export const PROVENANCE_PATH = 'openapi/okta-sessions.source.json';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export function parseSpec(text: string, file: string): OpenApiDocument {
  let document: unknown;
  try {
    // Okta's spec is large; the default alias limit is meant for untrusted input, not 3 MB of YAML.
    document = parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new Error(`${file}: not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (!isObject(document) || typeof document.openapi !== 'string' || !isObject(document.paths)) {
    throw new Error(`${file}: not an OpenAPI 3 document (expected top-level "openapi" and "paths")`);
  }
  return document as OpenApiDocument;
}

export interface LoadedSpec {
  file: string;
  text: string;
  sha256: string;
  /** The Session slice: the file itself when it already is one. */
  slice: OpenApiDocument;
  wasFull: boolean;
}

/** Reads a full Okta management spec or an already sliced one and returns its Session slice. */
export function loadSessionSlice(file: string): LoadedSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const document = parseSpec(text, file);
  const wasFull = !isSessionSlice(document);
  return { file, text, sha256: sha256(text), slice: sliceSessionSpec(document), wasFull };
}

export function toYaml(document: OpenApiDocument): string {
  // lineWidth 0: never fold long descriptions, so a re-slice diffs line by line.
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

export interface Provenance {
  release: string;
  sourceFile: string;
  sourceSha256: string;
  infoVersion: string;
  sliceSha256: string;
  operations: string[];
}

/** `management-minimal-2025.08.0.yaml` -> `2025.08.0` */
export function releaseFromFileName(file: string): string | undefined {
  return /(\d{4}\.\d{2}\.\d+)/.exec(basename(file))?.[1];
}

export function operationIds(spec: OpenApiDocument): string[] {
  return eachOperation(spec.paths)
    .flatMap(({ operation }) => (typeof operation.operationId === 'string' ? [operation.operationId] : []))
    .sort();
}

export function provenanceFor(loaded: LoadedSpec, sliceYaml: string, release: string | undefined): Provenance {
  const info = isObject(loaded.slice.info) ? loaded.slice.info : {};
  return {
    release: release ?? releaseFromFileName(loaded.file) ?? 'unknown',
    sourceFile: basename(loaded.file),
    sourceSha256: loaded.sha256,
    infoVersion: String(info.version ?? 'unknown'),
    sliceSha256: sha256(sliceYaml),
    operations: operationIds(loaded.slice),
  };
}
