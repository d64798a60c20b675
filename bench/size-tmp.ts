import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const result = await build({ entryPoints: ['dist/esm/src/universal.js'], bundle: true, splitting: true, format: 'esm', platform: 'browser', outdir: '/tmp/sz', write: false, metafile: true, minify: true });
for (const [name, out] of Object.entries(result.metafile!.outputs)) {
  if (!out.entryPoint) continue;
  const file = result.outputFiles.find((f) => f.path.endsWith(name.split('/').pop()!))!;
  console.log(name, out.bytes, 'gz', gzipSync(file.contents).length);
  for (const [input, info] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) console.log('  ', info.bytesInOutput, input);
}
