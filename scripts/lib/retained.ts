/**
 * Retained operations: operations Okta dropped from a release of its spec but
 * still serves. Which ones may be kept is a reviewed decision committed in
 * openapi/retained-operations.json; adopting a release keeps exactly those,
 * taken from the current slice and resolved against the release's components
 * (the release's version of a shared schema wins, so the contract report
 * checks the kept operation against it).
 */
import { readFileSync } from 'node:fs';
import { eachOperation, isObject, type Json, type JsonObject, type OpenApiDocument, securityOf } from './openapi-walk.ts';
import { collectRefs, sliceSessionSpec, walkRefs } from './slice.ts';

export const RETAINED_POLICY_PATH = 'openapi/retained-operations.json';

/** The mark a kept operation carries in the slice. */
export const RETAINED_MARK = 'x-okta-sessions-retained';

export interface RetainedMark {
  /** The release the operation was last published in. */
  from: string;
  reason: string;
}

export interface RetainedPolicyEntry extends RetainedMark {
  operationId: string;
}

export function retainedMarkOf(operation: JsonObject): RetainedMark | undefined {
  const mark = operation[RETAINED_MARK];
  return isObject(mark) ? { from: String(mark.from), reason: String(mark.reason) } : undefined;
}

const RELEASE_NAME = /^\d{4}\.\d{2}\.\d+$/;

/** Reads the policy; no file means nothing may be retained. Every entry must name an operation, a release and a reason. */
export function loadRetainedPolicy(file: string = RETAINED_POLICY_PATH): RetainedPolicyEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const entries = isObject(parsed) ? parsed.retained : undefined;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected {"retained": [{"operationId", "from", "reason"}, …]}`);
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const where = `${file}: retained[${index}]`;
    if (!isObject(entry) || typeof entry.operationId !== 'string' || entry.operationId === '')
      throw new Error(`${where} needs an "operationId"`);
    if (typeof entry.from !== 'string' || !RELEASE_NAME.test(entry.from))
      throw new Error(`${where} (${entry.operationId}) needs "from": the release it is kept from, like "2025.08.0"`);
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '')
      throw new Error(`${where} (${entry.operationId}) needs a "reason": why keeping it is safe`);
    if (seen.has(entry.operationId)) throw new Error(`${where}: ${entry.operationId} is listed twice`);
    seen.add(entry.operationId);
    return { operationId: entry.operationId, from: entry.from, reason: entry.reason };
  });
}

export interface Adoption {
  /** The release's slice plus the retained operations. */
  slice: OpenApiDocument;
  retained: RetainedPolicyEntry[];
  /** Policy entries with nothing to do: the release has the operation again, or the current slice never had it. */
  unused: RetainedPolicyEntry[];
}

const operationIdOf = (operation: JsonObject) => (typeof operation.operationId === 'string' ? operation.operationId : undefined);

/**
 * Adopts `release` (a Session slice) over `current`: every operation the release has comes from it; an
 * operation it lacks is kept from `current` when the policy lists it. `currentReleases` says which release
 * each current operation was taken from, so a policy naming another release is caught before anything is kept.
 */
export function adoptRelease(
  current: OpenApiDocument,
  currentReleases: Record<string, string>,
  release: OpenApiDocument,
  policy: RetainedPolicyEntry[],
): Adoption {
  const merged = structuredClone(release) as OpenApiDocument;
  const paths = (merged.paths ??= {});
  const components = (merged.components ??= {});
  const releaseIds = new Set(eachOperation(release.paths).flatMap(({ operation }) => operationIdOf(operation) ?? []));
  const retained: RetainedPolicyEntry[] = [];
  const refs = new Set<string>();

  for (const { path, method, pathItem, operation } of eachOperation(current.paths)) {
    const operationId = operationIdOf(operation);
    const entry = policy.find((candidate) => candidate.operationId === operationId);
    if (!operationId || !entry || releaseIds.has(operationId)) continue;
    // The same call under a new operationId is a rename the report shows, not a removal.
    const target = isObject(paths[path]) ? (paths[path] as JsonObject) : undefined;
    if (target?.[method] !== undefined) continue;
    const takenFrom = retainedMarkOf(operation)?.from ?? currentReleases[operationId];
    if (takenFrom !== entry.from) {
      throw new Error(
        `${RETAINED_POLICY_PATH} retains ${operationId} from ${entry.from}, but the current slice has it from ${takenFrom ?? 'an unknown release'}: review the entry and correct "from"`,
      );
    }
    const item: JsonObject = target ?? (Array.isArray(pathItem.parameters) ? { parameters: structuredClone(pathItem.parameters) } : {});
    item[method] = { ...structuredClone(operation), [RETAINED_MARK]: { from: entry.from, reason: entry.reason } };
    paths[path] = item;
    collectRefs(item as Json, refs);
    retained.push(entry);
    copySecurity(current, merged, operation);
  }
  copyMissingComponents(current, components, refs);

  return {
    slice: sliceSessionSpec(merged),
    retained,
    unused: policy.filter((entry) => !retained.includes(entry)),
  };
}

/** Components a kept operation needs that the release lacks, taken from the current slice (transitively). */
function copyMissingComponents(current: OpenApiDocument, components: JsonObject, refs: Set<string>): void {
  walkRefs(refs, (ref, section, name) => {
    const target = isObject(components[section]) ? (components[section] as JsonObject) : (components[section] = {});
    if (target[name] !== undefined) return undefined; // The release's version wins.
    const from = current.components?.[section];
    const component = isObject(from) ? from[name] : undefined;
    if (component === undefined)
      throw new Error(`Retained operations need ${ref}, which neither the release nor the current slice defines`);
    target[name] = structuredClone(component);
    return component;
  });
}

/** The security schemes and OAuth scopes a kept operation names, where the release's slice lacks them. */
function copySecurity(current: OpenApiDocument, merged: OpenApiDocument, operation: JsonObject): void {
  const currentSchemes = current.components?.securitySchemes;
  if (!isObject(currentSchemes)) return;
  const components = merged.components as JsonObject;
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : (components.securitySchemes = {});
  for (const [name, scopes] of securityOf(current, operation)) {
    const fromCurrent = currentSchemes[name];
    if (!isObject(fromCurrent)) continue;
    if (!isObject(schemes[name])) {
      schemes[name] = structuredClone(fromCurrent);
      continue;
    }
    const flows = (schemes[name] as JsonObject).flows;
    if (!isObject(flows) || !isObject(fromCurrent.flows)) continue;
    for (const [flowName, flow] of Object.entries(flows)) {
      const currentFlow = fromCurrent.flows[flowName];
      if (!isObject(flow) || !isObject(currentFlow) || !isObject(currentFlow.scopes)) continue;
      const flowScopes = isObject(flow.scopes) ? flow.scopes : (flow.scopes = {});
      for (const scope of scopes) {
        const description = currentFlow.scopes[scope];
        if (flowScopes[scope] === undefined && description !== undefined) flowScopes[scope] = description;
      }
    }
  }
}
