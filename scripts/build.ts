/**
 * `npm run build`: dist/esm and dist/cjs from src/ and generated/, in the steps below, in order.
 * Installing the package costs what dist/ and its dependencies weigh, and importing it what Node must
 * load; every step after the compilers makes one of them smaller without changing what runs or what
 * editors show.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, transformSync } from 'esbuild';

const DIST = 'dist';
/** The package's entry points (its `exports` map), as paths under dist/<format>/ without extension. */
const ENTRIES = ['src/index', 'src/universal', 'src/testing/index', 'src/redis/index'];
/** The command's script (package.json `bin`): an entry of the ESM build too. */
const BIN = 'src/cli/bin';
/** openapi-fetch's request builders, the only part of it the client runs, built into dist/ so installs skip the rest. */
const OPENAPI_FETCH = 'openapi-fetch';
const VENDORED_OPENAPI_FETCH = 'src/http/vendor/openapi-fetch.js';

function filesUnder(directory: string, suffix: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

function compile(): void {
  rmSync(DIST, { recursive: true, force: true });
  execFileSync('tsc', ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('tsc', ['-p', 'tsconfig.cjs.json'], { stdio: 'inherit' });
  writeFileSync(join(DIST, 'cjs/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
}

/** The sources keep their comments, and so do the .d.ts files, where editors show them; the JavaScript needs none (license comments stay). */
function stripComments(): void {
  for (const path of filesUnder(DIST, '.js')) {
    const code = readFileSync(path, 'utf8');
    writeFileSync(path, transformSync(code, { loader: 'js', legalComments: 'inline' }).code);
  }
}

/**
 * openapi-fetch's builders bundled into each build, and every import of the package pointed at them:
 * about 7 KiB instead of the 280 KiB openapi-fetch and its helpers install. Its types stay where they were
 * (the sources import them; no public type names them). It reads the imports as `stripComments` printed
 * them (esbuild's double quotes; tsc keeps the sources' single ones), so it runs after that step.
 */
async function vendorOpenapiFetch(): Promise<void> {
  for (const [format, outdir] of [
    ['esm', join(DIST, 'esm')],
    ['cjs', join(DIST, 'cjs')],
  ] as const) {
    const used = new Set<string>();
    const specifier = JSON.stringify(OPENAPI_FETCH);
    for (const path of filesUnder(outdir, '.js')) {
      const code = readFileSync(path, 'utf8');
      if (!code.includes(specifier)) continue;
      for (const [, names] of code.matchAll(/import \{([^}]*)\} from "openapi-fetch"/g)) {
        for (const name of (names ?? '').split(',')) used.add(name.trim().split(/\s+as\s+/)[0] as string);
      }
      for (const [, name] of code.matchAll(/openapi_fetch_\d+\.(\w+)/g)) used.add(name as string);
      let target = relative(dirname(path), join(outdir, VENDORED_OPENAPI_FETCH));
      if (!target.startsWith('.')) target = `./${target}`;
      writeFileSync(path, code.replaceAll(specifier, JSON.stringify(target)));
    }
    used.delete('');
    const { version, license } = JSON.parse(readFileSync(`node_modules/${OPENAPI_FETCH}/package.json`, 'utf8')) as Record<string, string>;
    await build({
      banner: { js: `//! ${OPENAPI_FETCH} ${version} (${license} license): its request builders, bundled by scripts/build.ts.` },
      stdin: { contents: `export { ${[...used].sort().join(', ')} } from '${OPENAPI_FETCH}';`, resolveDir: '.' },
      bundle: true,
      format,
      platform: 'neutral',
      legalComments: 'inline',
      outfile: join(outdir, VENDORED_OPENAPI_FETCH),
      logLevel: 'warning',
    });
  }
}

/**
 * One set of declaration files: the CommonJS build's. Each ESM entry's .d.ts re-exports its
 * CommonJS twin (an ESM file may import CommonJS types; the classes behave as one set at run
 * time too, see errors/classes.ts); tsconfig.build.json emits no others.
 */
function shareDeclarations(): void {
  for (const entry of ENTRIES) {
    const esm = join(DIST, 'esm', `${entry}.d.ts`);
    const target = relative(dirname(esm), join(DIST, 'cjs', `${entry}.js`));
    writeFileSync(esm, `export * from '${target}';\n`);
  }
}

/**
 * The ESM build as a few files: each entry, and chunks of what entries share or load with `import()`.
 * Node reads, compiles and links every module a program imports: 45 of them took 45-70 ms to import,
 * the bundled Node entry and its chunks 23-27 ms. Bundlers still split the chunks (code behind
 * `import()` stays behind it); each chunk names the modules in it in a comment. The Node entry's setup
 * may land in a chunk it shares with the command, so package.json `sideEffects` names the chunks.
 * The CommonJS build keeps a file per module: chunks are an ES module feature.
 */
async function bundleEsm(): Promise<void> {
  const outdir = join(DIST, 'esm');
  const { metafile } = await build({
    entryPoints: [...ENTRIES, BIN].map((entry) => join(outdir, `${entry}.js`)),
    outbase: outdir,
    outdir,
    chunkNames: 'src/chunks/[name]-[hash]',
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    external: ['node:*'],
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = new Set(Object.keys(metafile.outputs));
  for (const path of filesUnder(outdir, '.js')) if (!outputs.has(path)) rmSync(path);
  removeEmptyDirectories(outdir);
}

function removeEmptyDirectories(directory: string): void {
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) removeEmptyDirectories(path);
  }
  if (readdirSync(directory).length === 0) rmSync(directory, { recursive: true });
}

compile();
stripComments();
await vendorOpenapiFetch();
await bundleEsm();
shareDeclarations();
