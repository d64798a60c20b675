/** The contract report's vocabulary: change classes, the changes, and how an operation is named. */
import { facadeMethodOf } from '../../../src/operations.ts';
import type { OperationModel } from './model.ts';

export type ChangeClass = 'breaking' | 'attention' | 'non-breaking' | 'docs';

export const CLASS_TITLES: Record<ChangeClass, string> = {
  breaking: 'Breaking',
  attention: 'Needs attention',
  'non-breaking': 'Non-breaking',
  docs: 'Docs-only',
};

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  /** The facade method that calls it, e.g. `create`. */
  facadeMethod: string | undefined;
}

export interface ContractChange {
  class: ChangeClass;
  rule: string;
  message: string;
  operation: OperationRef | undefined;
  /** Where in the spec, as a dotted path. */
  location: string | undefined;
  /** What the generic engine called it, when the client rules decided otherwise. */
  engine?: string;
}

export interface ContractReport {
  summary: Record<ChangeClass, number>;
  changes: ContractChange[];
}

/** Collects the changes of one comparison. */
export class ReportBuilder {
  readonly changes: ContractChange[] = [];

  add(change: Omit<ContractChange, 'location'> & { location?: string }): void {
    this.changes.push({ location: undefined, ...change });
  }
}

export function refOf(model: OperationModel): OperationRef {
  return { operationId: model.operationId, method: model.method, path: model.path, facadeMethod: facadeMethodOf(model.operationId) };
}
