/**
 * Part of `npm run build`: removes comments from the emitted JavaScript in dist/
 * (esbuild reprints each file in its own module format; license comments stay).
 * The sources keep them, and so do the .d.ts files, where editors show them.
 * What users install and import is smaller for it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

function stripIn(directory: string): number {
  let saved = 0;
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) saved += stripIn(path);
    else if (path.endsWith('.js')) {
      const code = readFileSync(path, 'utf8');
      const stripped = transformSync(code, { loader: 'js', legalComments: 'inline' }).code;
      writeFileSync(path, stripped);
      saved += code.length - stripped.length;
    }
  }
  return saved;
}

const saved = stripIn(process.argv[2] ?? 'dist');
console.log(`strip-comments: ${Math.round(saved / 1024)} KiB of comments removed from dist/`);
