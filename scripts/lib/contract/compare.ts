/**
 * The contract report: what changed between two Session slices, classified for
 * this client. The client rules (rules.ts) compare the resolved model of each
 * operation (model.ts); api-smart-diff's findings fill in the rest (engine-diffs.ts).
 */
import type { OpenApiDocument } from '../openapi-walk.ts';
import type { ChangeClass } from './catalogue.ts';
import { classifyEngineDiffs } from './engine-diffs.ts';
import { contractModel, renamedPaths, underRenamedPath } from './model.ts';
import { type ContractReport, refOf, ReportBuilder } from './report.ts';
import { compareOperation } from './rules.ts';

export type { ChangeClass, ContractChange, ContractReport } from './report.ts';

/** Compares two Session slices and classifies every change for this client. */
export function compareSlices(base: OpenApiDocument, head: OpenApiDocument): ContractReport {
  const baseModels = contractModel(base);
  const headModels = contractModel(head);
  // An operation whose path only renamed its parameters is the same operation: compared under its new path.
  const renamed = renamedPaths(baseModels, headModels);
  const models = {
    base: new Map(
      [...baseModels.values()].map((model) => {
        const path = renamed.get(model.path);
        const current = path === undefined ? model : underRenamedPath(model, path);
        return [`${current.method} ${current.path}` as string, current] as const;
      }),
    ),
    head: headModels,
  };
  const report = new ReportBuilder();
  const movedTo = new Set<string>();
  for (const [from, to] of renamed) {
    for (const model of headModels.values()) {
      if (model.path !== to) continue;
      report.add({
        rule: 'path-parameter-renamed',
        message: `path parameters renamed: ${from} -> ${to} (the same URL; the generated path type changes)`,
        operation: refOf(model),
        location: 'parameters',
      });
    }
  }

  // Operations added, removed or moved: everything the engine finds inside them is part of that one change.
  const wholeOperation = new Set<string>();
  for (const [key, before] of models.base) {
    if (models.head.has(key)) continue;
    wholeOperation.add(key);
    const moved = [...models.head.values()].find(
      (after) => after.operationId === before.operationId && !models.base.has(`${after.method} ${after.path}`),
    );
    if (moved) {
      movedTo.add(`${moved.method} ${moved.path}`);
      report.add({
        rule: 'operation-moved',
        message: `moved from ${before.method} ${before.path} to ${moved.method} ${moved.path}`,
        operation: refOf(moved),
        location: `paths.${moved.path}`,
      });
    } else {
      report.add({
        rule: 'operation-removed',
        message: 'operation removed from the spec, and not retained',
        operation: refOf(before),
        location: `paths.${before.path}.${before.method.toLowerCase()}`,
      });
    }
  }
  for (const [key, after] of models.head) {
    if (models.base.has(key)) continue;
    wholeOperation.add(key);
    if (movedTo.has(key)) continue;
    const exposed = refOf(after).facadeMethod !== undefined;
    report.add({
      rule: 'operation-added',
      message: exposed ? 'operation added' : 'new operation, not exposed by the facade yet',
      operation: refOf(after),
      location: `paths.${after.path}.${after.method.toLowerCase()}`,
    });
  }

  for (const [key, before] of models.base) {
    const after = models.head.get(key);
    if (!after) continue;
    if (after.retained && !before.retained) {
      report.add({
        rule: 'operation-retained',
        message: `not in this release; retained from ${after.retained.from}: ${after.retained.reason}`,
        operation: refOf(after),
        location: 'retained',
      });
    }
    compareOperation(report, before, after);
  }
  classifyEngineDiffs(report, base, head, models, wholeOperation, renamed);

  const summary: Record<ChangeClass, number> = { breaking: 0, attention: 0, 'non-breaking': 0, docs: 0 };
  for (const change of report.changes) summary[change.class]++;
  const operations = [...models.head.values()].map((model) => ({ operation: refOf(model), retained: model.retained }));
  return { summary, changes: report.changes, operations };
}
