/** The contract report's vocabulary: the changes, and how an operation is named. */
import { facadeMethodOf } from '../../../src/operations.ts';
import { type ChangeClass, RULES, type RuleId } from './catalogue.ts';
import type { OperationModel } from './model.ts';

export type { ChangeClass } from './catalogue.ts';

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  /** The facade method that calls it, e.g. `create`. */
  facadeMethod: string | undefined;
}

export interface ContractChange {
  class: ChangeClass;
  rule: RuleId;
  message: string;
  operation: OperationRef | undefined;
  /** Where in the operation (`responses.200.login`, `parameters.query expand`, `security`) or the spec. */
  location: string | undefined;
  /** What the generic engine called it, when the client rules decided otherwise. */
  engine?: string;
}

/** Where an operation of the head spec comes from: the release itself, or kept from an earlier one. */
export interface OperationSource {
  operation: OperationRef;
  retained: { from: string; reason: string } | undefined;
}

export interface ContractReport {
  summary: Record<ChangeClass, number>;
  changes: ContractChange[];
  operations: OperationSource[];
}

/** Collects the changes of one comparison; the class comes from the rule. */
export class ReportBuilder {
  readonly changes: ContractChange[] = [];

  add(change: Omit<ContractChange, 'location' | 'class'> & { location?: string }): void {
    this.changes.push({ class: RULES[change.rule].class, location: undefined, ...change });
  }
}

export function refOf(model: OperationModel): OperationRef {
  return { operationId: model.operationId, method: model.method, path: model.path, facadeMethod: facadeMethodOf(model.operationId) };
}
