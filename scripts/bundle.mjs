// Bundles the CLI and the library entry into dist/ so start-up parses one file, not hundreds.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names are content hashes: clear old ones so dist/ holds only this build.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  splitting: true,
  sourcemap: true,
  logLevel: 'warning',
});
