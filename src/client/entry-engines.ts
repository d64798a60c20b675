/**
 * Which engine a client sends through when its options give no `fetch`: the one
 * the package entry it was imported from supplies. The Node entry (`exports`
 * condition `node`) supplies node:http(s) when it is loaded; every other entry
 * leaves fetch. Set once, at import, by the entry, never per call; each build
 * (ESM, CommonJS) has its own. A test passes an engine to the constructor instead.
 */
import { type EngineFactory, fetchEngines } from '../http/engine.js';

let supplied: EngineFactory = fetchEngines();

/** For the package entry only: the engine its runtime's clients send through. */
export function supplyEntryEngines(engines: EngineFactory): void {
  supplied = engines;
}

export function entryEngines(): EngineFactory {
  return supplied;
}
