/**
 * The client rules: what a change to one operation's resolved model (model.ts)
 * means for this client, given what the facade sends (src/operations.ts).
 */
import { findOperation } from '../../../src/operations.ts';
import type { FlatSchema, OperationModel, PropertyInfo } from './model.ts';
import { type OperationRef, refOf, type ReportBuilder } from './report.ts';

/** What the facade sends for an operation; nothing for one it does not know (a newer spec's). */
function sentParts(operationId: string): { parameters: Set<string>; body: Set<string> } {
  const sends = findOperation(operationId)?.sends;
  return { parameters: new Set(sends?.parameters), body: new Set(sends?.body) };
}

/** `responses.200` + `idp.type` -> `responses.200.idp.type`; the body itself (`$`) is the prefix alone. */
export function schemaLocation(prefix: string, property: string): string {
  return property === '$' ? prefix : `${prefix}.${property}`;
}

function describeType(info: PropertyInfo | undefined): string {
  if (!info) return 'absent';
  return `${info.type ?? 'any'}${info.format ? ` (${info.format})` : ''}${info.nullable ? ', nullable' : ''}`;
}

/**
 * Okta writes some defaults and formats as prose ("7 days prior to until", "ISO 8601 compliant timestamp"):
 * a description of what Okta does, not a value. A change of one is text.
 */
function isProse(info: PropertyInfo): boolean {
  return /\s/.test(info.format ?? '') && typeof info.default === 'string' && /\s/.test(info.default);
}

function sameType(a: PropertyInfo, b: PropertyInfo): boolean {
  return a.type === b.type && a.nullable === b.nullable;
}

/**
 * Whether the facade reads a response property: every one, unless the operation names what it reads; then
 * those, their parents (a removed parent removes them) and what lies below them.
 */
function readByFacade(operationId: string, property: string): boolean {
  const reads = findOperation(operationId)?.reads;
  if (!reads) return true;
  return reads.some(
    (read) => read === property || read.startsWith(`${property}.`) || read.startsWith(`${property}[]`) || property.startsWith(`${read}.`),
  );
}

function compareResponseSchema(report: ReportBuilder, op: OperationRef, status: string, base: FlatSchema, head: FlatSchema): void {
  const where = (property: string) => `${op.method} ${op.path} ${status} response ${property === '$' ? 'body' : `\`${property}\``}`;
  const read = (property: string) => readByFacade(op.operationId, property);
  for (const [property, before] of base) {
    const after = head.get(property);
    const location = schemaLocation(`responses.${status}`, property);
    if (!after) {
      // Nested properties of a removed parent are part of the same change.
      const parent = property.replace(/(\.[^.]+|\[\])$/, '');
      if (parent !== property && base.has(parent) && !head.has(parent)) continue;
      report.add({
        rule: read(property) ? 'response-property-removed' : 'response-unread-property-removed',
        message: `${where(property)} removed (the generated type exposes it${read(property) ? '' : '; the facade does not read it'})`,
        operation: op,
        location,
      });
      continue;
    }
    if (!sameType(before, after)) {
      report.add({
        rule: read(property) ? 'response-type-changed' : 'response-unread-type-changed',
        message: `${where(property)} type changed: ${describeType(before)} -> ${describeType(after)}`,
        operation: op,
        location,
      });
    } else if (before.format !== after.format) {
      report.add({
        rule: 'response-format-changed',
        message: `${where(property)} format changed: ${before.format ?? 'none'} -> ${after.format ?? 'none'}`,
        operation: op,
        location,
      });
    }
    const added = (after.enum ?? []).filter((value) => before.enum && !before.enum.includes(value));
    const removed = (before.enum ?? []).filter((value) => after.enum && !after.enum.includes(value));
    if (added.length) {
      report.add({
        rule: 'response-enum-added',
        message: `${where(property)} may now be ${added.map((v) => `\`${v}\``).join(', ')}: handle the new value`,
        operation: op,
        location,
      });
    }
    if (removed.length) {
      report.add({
        rule: 'response-enum-removed',
        message: `${where(property)} no longer lists ${removed.map((v) => `\`${v}\``).join(', ')}`,
        operation: op,
        location,
      });
    }
    if (before.required && !after.required && property !== '$') {
      report.add({ rule: 'response-property-optional', message: `${where(property)} is no longer required`, operation: op, location });
    }
    if (!before.required && after.required && property !== '$') {
      report.add({ rule: 'response-property-required', message: `${where(property)} is now always present`, operation: op, location });
    }
  }
  for (const property of head.keys()) {
    if (base.has(property)) continue;
    const parent = property.replace(/(\.[^.]+|\[\])$/, '');
    if (parent !== property && head.has(parent) && !base.has(parent)) continue;
    report.add({
      rule: 'response-property-added',
      message: `${where(property)} added`,
      operation: op,
      location: schemaLocation(`responses.${status}`, property),
    });
  }
}

function compareRequestField(
  report: ReportBuilder,
  op: OperationRef,
  label: string,
  location: string,
  before: PropertyInfo | undefined,
  after: PropertyInfo | undefined,
  sent: boolean,
): void {
  if (!before && after) {
    if (after.required) report.add({ rule: 'request-required-added', message: `new required ${label}`, operation: op, location });
    else report.add({ rule: 'request-optional-added', message: `new optional ${label}`, operation: op, location });
    return;
  }
  if (before && !after) {
    if (sent) report.add({ rule: 'request-sent-removed', message: `${label} removed, but the facade sends it`, operation: op, location });
    else report.add({ rule: 'request-removed', message: `${label} removed (the facade does not send it)`, operation: op, location });
    return;
  }
  if (!before || !after) return;
  if (before.default !== after.default && (isProse(before) || isProse(after))) {
    report.add({
      rule: 'request-default-prose',
      message: `${label} default described: ${before.default ?? 'none'} -> ${after.default ?? 'none'} (prose, not a value a caller gets)`,
      operation: op,
      location,
    });
  } else if (before.default !== after.default) {
    report.add({
      rule: 'request-default-changed',
      message: `${label} default changed: ${before.default ?? 'none'} -> ${after.default ?? 'none'} (a caller who leaves it out gets the new behaviour)`,
      operation: op,
      location,
    });
  }
  if (!before.required && after.required) {
    report.add({
      rule: sent ? 'request-sent-became-required' : 'request-became-required',
      message: `${label} is now required${sent ? ' (the facade sends it)' : ''}`,
      operation: op,
      location,
    });
  }
  if (!sameType(before, after)) {
    report.add({
      rule: sent ? 'request-sent-type-changed' : 'request-type-changed',
      message: `${label} type changed: ${describeType(before)} -> ${describeType(after)}`,
      operation: op,
      location,
    });
  }
  const narrowed = (before.enum ?? []).filter((value) => after.enum && !after.enum.includes(value));
  if (!before.enum && after.enum) {
    report.add({
      rule: 'request-enum-added',
      message: `${label} now lists its values: ${after.enum.map((v) => `\`${v}\``).join(', ')} (a caller sending another is refused)`,
      operation: op,
      location,
    });
  } else if (narrowed.length) {
    report.add({
      rule: 'request-enum-narrowed',
      message: `${label} no longer accepts ${narrowed.length ? narrowed.map((v) => `\`${v}\``).join(', ') : 'any value outside its new enum'}`,
      operation: op,
      location,
    });
  }
}

export function compareOperation(report: ReportBuilder, base: OperationModel, head: OperationModel): void {
  const op = refOf(head);
  if (base.operationId !== head.operationId) {
    report.add({
      rule: 'operation-renamed',
      message: `operationId renamed from \`${base.operationId}\` (generated names change)`,
      operation: op,
      location: 'operationId',
    });
  }
  if (!base.deprecated && head.deprecated)
    report.add({ rule: 'operation-deprecated', message: 'operation deprecated', operation: op, location: 'deprecated' });
  if (base.deprecated && !head.deprecated)
    report.add({ rule: 'operation-undeprecated', message: 'no longer deprecated', operation: op, location: 'deprecated' });

  for (const [scheme, scopes] of base.security) {
    const after = head.security.get(scheme);
    if (!after) {
      report.add({
        rule: 'auth-scheme-removed',
        message: `auth scheme \`${scheme}\` no longer accepted`,
        operation: op,
        location: 'security',
      });
      continue;
    }
    const newScopes = [...after].filter((scope) => !scopes.has(scope));
    if (newScopes.length) {
      report.add({
        rule: 'auth-scope-added',
        message: `\`${scheme}\` now also names scope ${newScopes.join(', ')}`,
        operation: op,
        location: 'security',
      });
    }
    const droppedScopes = [...scopes].filter((scope) => !after.has(scope));
    if (droppedScopes.length) {
      report.add({
        rule: 'auth-scope-removed',
        message: `\`${scheme}\` no longer names scope ${droppedScopes.join(', ')}`,
        operation: op,
        location: 'security',
      });
    }
  }
  if (base.security.size === 0 && head.security.size > 0) {
    report.add({
      rule: 'auth-now-required',
      message: `now requires ${[...head.security.keys()].join(' or ')}; the facade sends no credentials here`,
      operation: op,
      location: 'security',
    });
  }
  for (const scheme of head.security.keys()) {
    if (base.security.size > 0 && !base.security.has(scheme)) {
      report.add({ rule: 'auth-scheme-added', message: `auth scheme \`${scheme}\` also accepted`, operation: op, location: 'security' });
    }
  }

  const sends = sentParts(head.operationId);
  const names = new Set([...base.parameters.keys(), ...head.parameters.keys()]);
  for (const name of names) {
    compareRequestField(
      report,
      op,
      `parameter \`${name}\``,
      `parameters.${name}`,
      base.parameters.get(name),
      head.parameters.get(name),
      sends.parameters.has(name),
    );
  }

  const sentProperties = sends.body;
  const baseBody = base.requestBody?.schema ?? new Map();
  const headBody = head.requestBody?.schema ?? new Map();
  if (!base.requestBody?.required && head.requestBody?.required && sentProperties.size === 0) {
    report.add({
      rule: 'request-body-required',
      message: 'request body now required; the facade sends none',
      operation: op,
      location: 'requestBody',
    });
  }
  for (const property of new Set([...baseBody.keys(), ...headBody.keys()])) {
    if (property === '$') continue;
    compareRequestField(
      report,
      op,
      `request property \`${property}\``,
      schemaLocation('requestBody', property),
      baseBody.get(property),
      headBody.get(property),
      sentProperties.has(property),
    );
  }

  for (const [status, schema] of base.responses) {
    const after = head.responses.get(status);
    const success = status.startsWith('2');
    if (!after) {
      const otherSuccess = [...head.responses.keys()].some((code) => code.startsWith('2'));
      report.add({
        rule: success ? (otherSuccess ? 'success-response-removed-alternative' : 'success-response-removed') : 'error-response-removed',
        message: `${status} response no longer documented`,
        operation: op,
        location: `responses.${status}`,
      });
      continue;
    }
    if (success) compareResponseSchema(report, op, status, schema, after);
  }
  for (const status of head.responses.keys()) {
    if (!base.responses.has(status)) {
      report.add({
        rule: status.startsWith('2') ? 'success-response-added' : 'error-response-added',
        message: `${status} response now documented`,
        operation: op,
        location: `responses.${status}`,
      });
    }
  }
}
