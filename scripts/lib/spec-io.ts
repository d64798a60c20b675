import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parse, stringify } from 'yaml';
import { eachOperation, isObject, type OpenApiDocument } from './openapi-walk.ts';
import { retainedMarkOf } from './retained.ts';
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
  return sessionSliceOf(text, file);
}

/** The Session slice of a spec's text; `file` names it in messages. */
export function sessionSliceOf(text: string, file: string): LoadedSpec {
  const document = parseSpec(text, file);
  const wasFull = !isSessionSlice(document);
  return { file, text, sha256: sha256(text), slice: sliceSessionSpec(document), wasFull };
}

export function toYaml(document: OpenApiDocument): string {
  // lineWidth 0: never fold long descriptions, so a re-slice diffs line by line.
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Where one operation of the slice was taken from. */
export interface OperationProvenance {
  release: string;
  /** Why it was kept after Okta dropped it (openapi/retained-operations.json); absent when the release has it. */
  retained?: string;
}

export interface Provenance {
  release: string;
  sourceFile: string;
  sourceSha256: string;
  infoVersion: string;
  sliceSha256: string;
  /** The repository the release was read from (`update-spec --from`). */
  sourceRepository?: string;
  /** operationId -> where it comes from. */
  operations: Record<string, OperationProvenance>;
}

/** `management-minimal-2025.08.0.yaml` or `dist/2025.08.0/management-minimal.yaml` -> `2025.08.0` */
export function releaseFromFileName(file: string): string | undefined {
  const release = /(\d{4}\.\d{2}\.\d+)/;
  return (release.exec(basename(file)) ?? release.exec(basename(dirname(file))))?.[1];
}

export function operationIds(spec: OpenApiDocument): string[] {
  return eachOperation(spec.paths)
    .flatMap(({ operation }) => (typeof operation.operationId === 'string' ? [operation.operationId] : []))
    .sort();
}

/** The provenance of `slice`, written from `source` (a file, or a file in `source.repository`) as release `release`. */
export function provenanceFor(
  source: { file: string; sha256: string; repository?: string },
  slice: OpenApiDocument,
  sliceYaml: string,
  release: string,
): Provenance {
  const info = isObject(slice.info) ? slice.info : {};
  const operations: Record<string, OperationProvenance> = {};
  for (const { operation } of eachOperation(slice.paths)) {
    if (typeof operation.operationId !== 'string') continue;
    const mark = retainedMarkOf(operation);
    operations[operation.operationId] = mark ? { release: mark.from, retained: mark.reason } : { release };
  }
  return {
    release,
    sourceFile: source.repository ? source.file : basename(source.file),
    sourceSha256: source.sha256,
    infoVersion: String(info.version ?? 'unknown'),
    sliceSha256: sha256(sliceYaml),
    ...(source.repository ? { sourceRepository: source.repository } : {}),
    operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/** The committed provenance, or undefined when there is none yet. */
export function readProvenance(file: string = PROVENANCE_PATH): Provenance | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as Provenance;
}

/** Which release each operation of the committed slice was taken from. */
export function operationReleases(provenance: Provenance | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(provenance?.operations ?? {}).map(([operationId, entry]) => [operationId, entry.release]));
}
