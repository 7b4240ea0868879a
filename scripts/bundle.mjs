// Bundles the CLI and the library entry, with their dependencies, into dist/: start-up then
// reads a few files instead of resolving and parsing hundreds of modules.
//
//   dist/index.js (+ chunks)  the library, ES modules
//   dist/cli.js               the executable: runs dist/briefkit.cjs with V8's code cache
//   dist/briefkit.cjs         the CLI, one CommonJS script
//   dist/vega.cjs             Vega and Vega-Lite, a CommonJS script the CLI loads for charts
//   dist/pdfjs.cjs            pdf.js, a CommonJS script the CLI loads to inspect PDFs
//   dist/index.d.ts           the library's types (scripts/declarations.mjs, run alongside)
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { scopedStandInsPlugin, standIns } from './stand-ins/index.mjs';
import { patchesPlugin } from './stand-ins/patches.mjs';

/** Names this build in the chart store: any change to the code or the lock file is a new id. */
function buildId() {
  const hash = createHash('sha256').update(readFileSync('package-lock.json'));
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

// Chunk names are content hashes: clear old ones so dist/ holds only this build.
rmSync('dist', { recursive: true, force: true });

// The types take longest: write them in a process of their own while esbuild bundles.
const declarations = promisify(execFile)(process.execPath, ['scripts/declarations.mjs']);

/** Swaps in Ajv's standalone code for the built-in schemas: nothing to compile at start-up. */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: /src[\\/]data[\\/]precompiled-validators\.ts$/ }, () => ({
      contents: execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/precompile-validators.ts'],
        { encoding: 'utf8' },
      ),
      loader: 'js',
      resolveDir: 'src/data',
    }));
  },
};

/** What both bundles share. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Native addons and packages that find their own files at run time stay in node_modules.
  external: ['@resvg/resvg-js', 'piscina'],
  alias: standIns,
  define: { BRIEFKIT_BUILD_ID: JSON.stringify(buildId()) },
  plugins: [precompiledValidators, scopedStandInsPlugin, patchesPlugin],
  logLevel: 'warning',
};

// The library (dist/index.js) and the executable (dist/cli.js, the launcher): ES modules.
await build({
  ...common,
  entryPoints: { cli: 'src/cli/launch.ts', index: 'src/index.ts' },
  outdir: 'dist',
  format: 'esm',
  // Loaded from node_modules when used: the library's import stays small.
  external: [...common.external, 'pdfjs-dist'],
  splitting: true,
  // Bundled CommonJS packages call require(): give ES modules one.
  banner: {
    js: "import { createRequire as __briefkitRequire } from 'node:module'; const require = __briefkitRequire(import.meta.url);",
  },
  sourcemap: true,
});

/**
 * In the CLI bundle, Vega and pdf.js are the scripts dist/vega.cjs and dist/pdfjs.cjs, which
 * the launcher runs when required.
 */
const ownScripts = {
  'src/charts/vega-modules.ts': 'vega',
  'src/inspect/pdfjs-modules.ts': 'pdfjs',
};
const separateScripts = {
  name: 'separate-scripts',
  setup(build) {
    build.onResolve({ filter: /[\\/](vega|pdfjs)-modules\.ts$/ }, (args) => ({
      path: `./${/(vega|pdfjs)-modules/.exec(args.path)[1]}.cjs`,
      external: true,
    }));
  },
};

/** CommonJS scripts that launch.ts runs with V8's code cache (see there). */
const scripts = {
  ...common,
  format: 'cjs',
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  supported: { 'dynamic-import': false },
  // Their import.meta is the launcher's.
  define: {
    ...common.define,
    'import.meta.url': '__briefkitLauncherUrl',
    'import.meta.dirname': '__dirname',
  },
  banner: {
    js: "const __briefkitLauncherUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli.js')).href;",
  },
};
await build({
  ...scripts,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/briefkit.cjs',
  plugins: [...common.plugins, separateScripts],
});
for (const [entry, name] of Object.entries(ownScripts))
  await build({ ...scripts, entryPoints: [entry], outfile: `dist/${name}.cjs` });

// launch.ts reads the scripts as latin1, exact only for ASCII (esbuild's default charset).
for (const script of [
  'dist/briefkit.cjs',
  ...Object.values(ownScripts).map((n) => `dist/${n}.cjs`),
]) {
  if (!readFileSync(script).every((byte) => byte < 0x80)) {
    throw new Error(`${script} is not ASCII: keep esbuild's default charset.`);
  }
}

await declarations.catch((error) => {
  throw new Error(`writing dist/index.d.ts failed:\n${error.stdout}${error.stderr}`);
});
