/**
 * The API reference and its coverage, with TypeDoc (typedoc.json: the package's three entries):
 * - every public export defined in `src/` has a doc comment, or this fails naming each that has none. Types
 *   from `generated/` carry what Okta's spec says of them, as it says it (its descriptions are Okta's to
 *   write), and are only counted;
 * - `--out DIR` writes the reference as Markdown (typedoc-plugin-markdown) there; `make docs` writes
 *   docs/api/, and a test regenerates it and compares.
 */
import { Application, OptionDefaults, TSConfigReader, TypeDocReader } from 'typedoc';

const outIndex = process.argv.indexOf('--out');
const out = outIndex === -1 ? undefined : process.argv[outIndex + 1];

const app = await Application.bootstrapWithPlugins(
  // openapi-typescript writes the spec's descriptions under @description.
  { treatValidationWarningsAsErrors: false, blockTags: [...OptionDefaults.blockTags, '@description'] },
  [new TypeDocReader(), new TSConfigReader()],
);
const undocumented: string[] = [];
const report = app.logger.validationWarning.bind(app.logger);
app.logger.validationWarning = (text: string, ...rest: []) => {
  if (text.includes('does not have any documentation')) undocumented.push(text);
  else report(text, ...rest);
};
const project = await app.convert();
if (!project) throw new Error('TypeDoc could not convert the entries: see its errors above');
app.validate(project);
const fromSource = undocumented.filter((text) => !text.includes('/generated/'));
if (fromSource.length > 0 || app.logger.hasErrors() || app.logger.hasWarnings()) {
  for (const text of fromSource) console.error(text);
  console.error(
    `${fromSource.length} public export(s) in src/ without a doc comment: document each (what it does, its default, what it throws)`,
  );
  process.exit(1);
}
if (out) {
  app.options.setValue('out', out);
  await app.generateOutputs(project);
}
console.log(
  `docs: every public export in src/ is documented (${undocumented.length} properties of Okta's generated types have no description in its spec)`,
);
