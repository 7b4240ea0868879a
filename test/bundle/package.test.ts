/**
 * The package as npm installs it: what `npm pack` puts in it, and whether a TypeScript project
 * that imports 'briefkit' type-checks under its own settings. The package's types were once
 * briefkit's sources, which a consumer's tsc checked under the consumer's options (.ts import
 * paths refused, other strictness flags): hundreds of errors in files the consumer never wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/sample.ts';

interface PackageJson {
  bin: Record<string, string>;
  exports: { '.': { types: string; default: string } };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

/** The files `npm pack` would ship; scripts are skipped, as the test run bundled dist/ already. */
function packedFiles(): string[] {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
  });
  const [pack] = JSON.parse(json) as [{ files: { path: string }[] }];
  return pack.files.map((file) => file.path);
}

describe('npm pack', () => {
  const files = packedFiles();
  const entry = manifest.exports['.'];

  it('ships the entry points package.json names, and declarations for the types', () => {
    const named = [entry.types, entry.default, ...Object.values(manifest.bin)];
    for (const file of named) expect(files).toContain(file.replace(/^\.\//, ''));
    expect(entry.types).toMatch(/\.d\.ts$/);
    expect(files).toEqual(
      expect.arrayContaining(['dist/briefkit.cjs', 'dist/vega.cjs', 'dist/pdfjs.cjs']),
    );
  });

  it('ships the sample that builds and init copy, and the editor schemas', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'data/space-station-2025.yaml',
        'templates/briefing/template.yaml',
        'templates/briefing/schema.json',
        'schemas/project.schema.json',
      ]),
    );
  });

  it('leaves out sources, source maps, tests and build scripts', () => {
    const unwanted = files.filter((file) => /^(src|test|scripts|bench)\/|\.map$/.test(file));
    expect(unwanted).toEqual([]);
  });
});

/** What `import … from 'briefkit'` in a user's project uses: the public API and its types. */
const consumer = `
import {
  BriefkitError,
  type BuildOptions,
  type BuildResult,
  type Deck,
  type Diagnostic,
  type Theme,
  build,
  formatDiagnostic,
  inspect,
  isBriefkitError,
  readProjectConfig,
  validate,
} from 'briefkit';

// As process.env.SOURCE_DATE_EPOCH is: Node's types are left out, to keep the check quick.
declare const sourceDateEpoch: string | undefined;

const options: BuildOptions = {
  ...readProjectConfig('.'),
  out: 'test-output',
  outputs: ['pptx', 'summary'],
  sourceDateEpoch,
};
const result: BuildResult = await build(options);
const text: string = await inspect(result.files[0] ?? '', { json: false });
await validate({ paper: 'letter', handout: 6 });
try {
  await build({ data: 'missing.yaml' });
} catch (error) {
  if (error instanceof BriefkitError || isBriefkitError(error)) {
    const found: readonly Diagnostic[] = error.diagnostics;
    console.log(found.map(formatDiagnostic).join('\\n'), error.code, error.exitCode);
  }
}
const font: Theme['font'] = 'carlito';
const slides: Deck['slides'] = [];
console.log(text, font, slides);
`;

/** Compiler errors in the consumer's project, installed briefkit included, as tsc prints them. */
function typeCheckConsumer(options: ts.CompilerOptions): string[] {
  const project = tempDir('briefkit-consumer-');
  mkdirSync(join(project, 'node_modules'));
  // As `npm install` links a local package; resolution goes through package.json's exports.
  symlinkSync(process.cwd(), join(project, 'node_modules', 'briefkit'), 'dir');
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
  const file = join(project, 'consumer.ts');
  writeFileSync(file, consumer);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: [],
    // TypeScript's own lib files are not what is under test.
    skipDefaultLibCheck: true,
    ...options,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.formatDiagnostic(d, ts.createCompilerHost({})));
}

describe('a TypeScript project importing briefkit', () => {
  it('type-checks with strict and skipLibCheck', () => {
    expect(typeCheckConsumer({ skipLibCheck: true })).toEqual([]);
  });

  it('type-checks with stricter flags than briefkit uses, and its declarations checked too', () => {
    const errors = typeCheckConsumer({
      skipLibCheck: false,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
    });
    expect(errors).toEqual([]);
  });
});
