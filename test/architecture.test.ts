/**
 * The folders of src/ are a stack, and imports only point down it (type-only and
 * dynamic imports included):
 *
 *   spec (generated/, types.ts, operations.ts)
 *     ← helpers ← errors, input ← pacing ← http ← auth ← client ← cli
 *
 * beside it, redis (a store for pacing) and testing (the embedded server, which
 * shares nothing with the client it fakes). No module imports itself back
 * through others. A new import that breaks either rule fails here, naming it.
 *
 * Errors are made in one place: an `Okta…Error` constructed outside src/errors/
 * fails here; and the path of a call (src/client/, src/http/) casts nothing: a
 * value's type comes from the spec through the request builder, not from `as`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LAYERS: { name: string; holds: (path: string) => boolean; mayImport: readonly string[] }[] = [
  {
    name: 'spec',
    holds: (path) => path.startsWith('generated/') || path === 'src/types.ts' || path === 'src/operations.ts',
    mayImport: [],
  },
  { name: 'helpers', holds: (path) => path.startsWith('src/helpers/'), mayImport: [] },
  {
    name: 'errors/input',
    holds: (path) => path.startsWith('src/errors/') || path.startsWith('src/input/'),
    mayImport: ['spec', 'helpers'],
  },
  { name: 'pacing', holds: (path) => path.startsWith('src/pacing/'), mayImport: ['spec', 'helpers', 'errors/input'] },
  { name: 'http', holds: (path) => path.startsWith('src/http/'), mayImport: ['spec', 'helpers', 'errors/input', 'pacing'] },
  { name: 'auth', holds: (path) => path.startsWith('src/auth/'), mayImport: ['spec', 'helpers', 'errors/input', 'pacing', 'http'] },
  {
    name: 'client',
    holds: (path) => path.startsWith('src/client/') || ['src/api.ts', 'src/index.ts', 'src/universal.ts'].includes(path),
    mayImport: ['spec', 'helpers', 'errors/input', 'pacing', 'http', 'auth'],
  },
  {
    name: 'cli',
    holds: (path) => path.startsWith('src/cli/'),
    mayImport: ['spec', 'helpers', 'errors/input', 'pacing', 'http', 'auth', 'client', 'testing'],
  },
  { name: 'redis', holds: (path) => path.startsWith('src/redis/'), mayImport: ['spec', 'helpers', 'errors/input', 'pacing'] },
  { name: 'testing', holds: (path) => path.startsWith('src/testing/'), mayImport: ['spec', 'helpers'] },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports, as TypeScript reads it: `import`, `import type`, `export … from` and `import()`. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => normalize(join(dirname(file), name)).replace(/\.js$/, '.ts'));
}

const files = [...sourceFiles('src'), ...sourceFiles('generated')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const layerOf = (path: string) => LAYERS.find((layer) => layer.holds(path));

describe('architecture of src/', () => {
  it('sees every file: each is in a layer, and the imports of some are found', () => {
    expect(files.filter((file) => !layerOf(file))).toEqual([]);
    expect(graph.get('src/client/client.ts')).toContain('src/http/engine.ts');
    expect(graph.get('src/auth/credentials.ts')).toContain('src/auth/oauth/authorizer.ts'); // a type-only and a dynamic import
  });

  it('imports point down the stack, never up or sideways', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const layer = layerOf(file);
      for (const target of imports) {
        const targetLayer = layerOf(target);
        if (!layer || !targetLayer || targetLayer === layer) continue;
        if (!layer.mayImport.includes(targetLayer.name)) wrong.push(`${file} (${layer.name}) imports ${target} (${targetLayer.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) {
        if (!graph.has(target)) continue;
        if (state.get(target) === 'visiting')
          cycles.push([...path.slice(path.indexOf(target)), target].map((node) => relative('.', node)).join(' → '));
        else if (!state.has(target)) visit(target, [...path, target]);
      }
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('constructs every Okta…Error in src/errors/ and nowhere else', () => {
    const outside: string[] = [];
    for (const file of files.filter((path) => path.startsWith('src/') && !path.startsWith('src/errors/'))) {
      const visit = (node: ts.Node, source: ts.SourceFile): void => {
        if (ts.isNewExpression(node) && /^Okta\w*Error$/.test(node.expression.getText(source))) {
          outside.push(
            `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${node.getText(source).slice(0, 60)}`,
          );
        }
        ts.forEachChild(node, (child) => visit(child, source));
      };
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      visit(source, source);
    }
    expect(outside).toEqual([]);
  });

  it('casts nothing on the path of a call (src/client/, src/http/): no `as T` but `as const`, no `<T>value`', () => {
    const casts: string[] = [];
    for (const file of files.filter((path) => path.startsWith('src/client/') || path.startsWith('src/http/'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const isCast = (ts.isAsExpression(node) && node.type.getText(source) !== 'const') || ts.isTypeAssertionExpression(node);
        if (isCast)
          casts.push(
            `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${node.getText(source).slice(0, 60)}`,
          );
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(casts).toEqual([]);
  });

  it('keeps every file of src/ under 300 lines', () => {
    const long = files
      .filter((file) => file.startsWith('src/'))
      .map((file) => [file, readFileSync(file, 'utf8').split('\n').length] as const);
    expect(long.filter(([, lines]) => lines > 300)).toEqual([]);
  });
});
