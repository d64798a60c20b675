/** Usage: tsx scripts/generate.ts [--out-dir generated]: validates openapi/okta-sessions.yaml and regenerates generated/. */
import { parseArgs } from 'node:util';
import { GENERATED_DIR, generate } from './lib/generate.ts';
import { SPEC_PATH } from './lib/spec-io.ts';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: GENERATED_DIR } } });
const files = await generate(SPEC_PATH, values['out-dir']);
console.log(`validated ${SPEC_PATH} with openapi-generator and wrote ${files.join(', ')}`);
