/**
 * Usage: npm run contract-diff -- <base spec> <head spec> [--json]
 * Each spec is a full Okta management spec (sliced first) or a Session slice.
 * Exit 0: nothing breaking; 1: breaking changes; 2: usage or parse error.
 */
import { parseArgs } from 'node:util';
import { compareSlices } from './lib/contract/compare.ts';
import { renderMarkdown, specLabel } from './lib/contract/render.ts';
import { type LoadedSpec, loadSessionSlice } from './lib/spec-io.ts';

const USAGE = 'usage: npm run contract-diff -- <base spec.yaml> <head spec.yaml> [--json]';

function run(): number {
  let values: { json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  let base: LoadedSpec;
  let head: LoadedSpec;
  try {
    base = loadSessionSlice(positionals[0] as string);
    head = loadSessionSlice(positionals[1] as string);
  } catch (error) {
    console.error(`contract-diff: ${(error as Error).message}`);
    return 2;
  }
  const report = compareSlices(base.slice, head.slice);
  if (values.json) console.log(JSON.stringify({ base: specLabel(base), head: specLabel(head), ...report }, null, 2));
  else process.stdout.write(renderMarkdown(report, specLabel(base), specLabel(head)));
  return report.summary.breaking > 0 ? 1 : 0;
}

process.exitCode = run();
