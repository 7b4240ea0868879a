/**
 * The package as a user installs it: `npm install briefkit` brings its dependencies and not
 * its devDependencies. Everything the bundles hold is a devDependency; a package the bundles
 * still load at run time must be a dependency, or the installed briefkit fails where this
 * checkout works.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** Runs node in `cwd` with the test's own cache folder: nothing is reused from other runs. */
function node(cwd: string, args: string[], cache: string): string {
  const env = { ...process.env, BRIEFKIT_CACHE_DIR: cache };
  return execFileSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
}

describe('briefkit installed with its dependencies only', () => {
  it('builds, inspects and runs a batch from the CLI, and builds through the library, as this checkout does', () => {
    const packed = tempDir('briefkit-pack-');
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], {
        encoding: 'utf8',
      }),
    ) as [{ filename: string }];
    const project = tempDir('briefkit-user-');
    writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }');
    // From npm's cache, which installing this checkout filled.
    execFileSync(
      'npm',
      [
        'install',
        '--omit=dev',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        join(packed, pack.filename),
      ],
      { cwd: project, stdio: 'ignore' },
    );
    const cli = join('node_modules', 'briefkit', 'dist', 'cli.js');
    const cache = join(project, 'cache');
    const user = (args: string[]) => node(project, args, cache);

    user([cli, 'build', '--out', 'cli-out']);
    const here = join(project, 'here-out');
    node(process.cwd(), ['dist/cli.js', 'build', '--out', here], join(project, 'here-cache'));
    expect(hashes(join(project, 'cli-out'))).toEqual(hashes(here));
    expect(user([cli, 'inspect', 'cli-out/summary.pdf'])).toMatch(/^PDF {2}2 pages/);

    writeFileSync(join(project, 'each.json'), '[{ "prepared_for": "A" }, { "prepared_for": "B" }]');
    user([cli, 'build', '--each', 'each.json', '--out', 'each-out', '--jobs', '2']);
    expect(readdirSync(join(project, 'each-out')).sort()).toEqual([
      'item-0',
      'item-1',
      'manifest.json',
    ]);

    const library = "import { build } from 'briefkit'; await build({ out: 'lib-out' });";
    user(['--input-type=module', '-e', library]);
    expect(hashes(join(project, 'lib-out'))).toEqual(hashes(here));
  }, 240_000);
});
