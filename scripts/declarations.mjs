// Writes dist/index.d.ts, the library's types: one file holding what src/index.ts exports and
// the types those need, nothing else. A consumer's tsc then reads plain declarations under its
// own settings, instead of briefkit's sources under briefkit's (.ts import paths,
// exactOptionalPropertyTypes…), and needs no type packages briefkit only uses inside.
//
//   1. tsc writes a declaration file per module (tsconfig.declarations.json), unchecked:
//      `npm run lint` type-checks the sources.
//   2. dts-bundle-generator joins the ones src/index.ts reaches into dist/index.d.ts;
//      test/bundle/package.test.ts type-checks a consumer against it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateDtsBundle } from 'dts-bundle-generator';

// Inside the checkout, where the declarations' imports of dependencies resolve; one per run.
const perModule = `.tmp/declarations-${process.pid}`;
rmSync(perModule, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    createRequire(import.meta.url).resolve('typescript/bin/tsc'),
    ...['-p', 'tsconfig.declarations.json', '--outDir', perModule, '--noCheck'],
  ],
  { stdio: 'inherit' },
);
const [bundled] = generateDtsBundle(
  [
    {
      filePath: `${perModule}/index.d.ts`,
      noCheck: true,
      output: { noBanner: true, exportReferencedTypes: false },
    },
  ],
  { preferredConfigPath: 'tsconfig.json' },
);
rmSync(perModule, { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.d.ts', bundled);
