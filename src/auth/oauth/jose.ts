/** jose, loaded on first use: a client without `oauth` never pays for it. */
import type * as JoseModule from 'jose';

export type Jose = typeof JoseModule;

let loading: Promise<Jose> | undefined;

export function loadJose(): Promise<Jose> {
  loading ??= import('jose').catch((error: unknown) => {
    loading = undefined;
    throw new Error(
      `oauth needs the jose package, which could not be loaded (${(error as Error).message}). It is ESM-only: from CommonJS, use Node ≥ 20.19 or ≥ 22.12`,
      { cause: error },
    );
  });
  return loading;
}
