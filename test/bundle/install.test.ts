/**
 * The package as a user installs it: `npm install briefkit` brings its dependencies and not
 * its devDependencies. Everything the bundles hold is a devDependency; a package the bundles
 * still load at run time must be a dependency, or the installed briefkit fails where this
 * checkout works.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/sample.ts';

/** Each output file of a folder by name, with its sha256. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

/** Runs node in `cwd` with the given cache folder: nothing is reused from other runs. */
function node(cwd: string, args: string[], cache: string): string {
  const env = { ...process.env, BRIEFKIT_CACHE_DIR: cache };
  return execFileSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
}

/** Packs this checkout and installs it, dependencies only, into a new project. */
function installPacked(packed: string, project: string): void {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], {
      encoding: 'utf8',
    }),
  ) as [{ filename: string }];
  writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }');
  // From npm's cache, which installing this checkout filled; npm's messages show on failure.
  execFileSync(
    'npm',
    [
      'install',
      '--omit=dev',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
    ].concat(join(packed, pack.filename)),
    { cwd: project, stdio: 'pipe' },
  );
}

const tour = join(process.cwd(), 'docs/examples/synthetic-tour');

/** Builds that load what a dependency brings: pictures (resvg), a CJK font, the sample. */
const builds: Record<string, string[]> = {
  sample: [],
  chinese: ['--data', join(process.cwd(), 'data/space-station-2025.zh-CN.yaml')],
  tour: ['--data', join(tour, 'data.yaml'), '--template', join(tour, 'template')],
};

describe('briefkit installed with its dependencies only', () => {
  it('builds, inspects and runs a batch from the CLI, and builds and inspects through the library, as this checkout does', () => {
    const packed = tempDir('briefkit-pack-');
    const project = tempDir('briefkit-user-');
    try {
      installPacked(packed, project);
      const cli = join('node_modules', 'briefkit', 'dist', 'cli.js');
      const user = (args: string[]) => node(project, args, join(project, 'cache'));
      const here = (args: string[]) => node(process.cwd(), args, join(project, 'here-cache'));

      for (const [name, options] of Object.entries(builds)) {
        user([cli, 'build', ...options, '--out', `${name}-installed`]);
        here(['dist/cli.js', 'build', ...options, '--out', join(project, `${name}-here`)]);
        const [installed, checkout] = [`${name}-installed`, `${name}-here`];
        expect(hashes(join(project, installed)), name).toEqual(hashes(join(project, checkout)));
      }
      expect(user([cli, 'inspect', 'sample-installed/summary.pdf'])).toMatch(/^PDF {2}2 pages/);

      writeFileSync(
        join(project, 'each.json'),
        '[{ "prepared_for": "A" }, { "prepared_for": "B" }]',
      );
      user([cli, 'build', '--each', 'each.json', '--out', 'each-out', '--jobs', '2']);
      expect(readdirSync(join(project, 'each-out')).sort()).toEqual([
        'item-0',
        'item-1',
        'manifest.json',
      ]);

      // The library loads pdf.js from node_modules to inspect a PDF.
      const library = `import { build, inspect } from 'briefkit';
        const { files } = await build({ out: 'lib-out' });
        process.stdout.write(await inspect(files[1]));`;
      expect(user(['--input-type=module', '-e', library])).toMatch(/^PDF {2}2 pages/);
      expect(hashes(join(project, 'lib-out'))).toEqual(hashes(join(project, 'sample-here')));
    } finally {
      for (const dir of [packed, project]) rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
