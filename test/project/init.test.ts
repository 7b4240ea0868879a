import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, initProject, readProjectConfig, validate } from '../../src/index.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

describe('briefkit init', () => {
  it('scaffolds a project that builds as it is, from its own briefkit.yaml', async () => {
    const dir = join(tempDir(), 'my-briefing');
    expect(initProject(dir)).toContain('briefkit.yaml');
    const options = readProjectConfig(dir);
    expect(options).toEqual({
      data: join(dir, 'data/briefing.yaml'),
      template: join(dir, 'template'),
      out: join(dir, 'output'),
    });
    await build(options);
    for (const file of ['briefing.pptx', 'summary.pdf', 'slides.pdf', 'handout.pdf']) {
      expect(existsSync(join(dir, 'output', file)), file).toBe(true);
    }
    // Editor schema references resolve inside the new project.
    expect(readFileSync(join(dir, 'data/briefing.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/template\/schema\.json$/m,
    );
    expect(readFileSync(join(dir, 'template/template.yaml'), 'utf8')).toContain(
      '$schema=../schemas/template-manifest.schema.json',
    );
    expect(readFileSync(join(dir, 'template/theme.yaml'), 'utf8')).toContain(
      '$schema=../schemas/theme.schema.json',
    );
    expect(existsSync(join(dir, 'schemas/template-manifest.schema.json'))).toBe(true);
  });

  it('refuses to write into a folder that is not empty', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(catchError(() => initProject(dir)).exitCode).toBe(2);
  });

  it('refuses an empty folder name, which would be the current folder', () => {
    const error = catchError(() => initProject(''));
    expect(error.exitCode).toBe(2);
    expect(error.diagnostics[0]?.message).toContain('init needs the name of a new or empty folder');
  });

  it('reports a folder it cannot make as bad output, leaving nothing half-made', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'mine');
    for (const target of [
      join(dir, 'a-file'),
      join(dir, 'a-file', 'project'),
      '/proc/self/briefkit-init',
    ]) {
      const error = catchError(() => initProject(target));
      expect(error.diagnostics[0]?.code, target).toBe('output-path');
      expect(error.exitCode).toBe(1);
      // init has no --out: its hints name the folder as its usage does.
      expect(error.diagnostics[0]?.hint, target).toMatch(/\bDIR\b/);
      expect(error.diagnostics[0]?.hint, target).not.toContain('--out');
      expect(error.diagnostics[0]?.message, target).toMatch(/^Cannot write to the project folder /);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('mine');
  });
});

describe('briefkit validate', () => {
  it('passes the sample and reports a broken dataset without writing anything', async () => {
    expect(await validate()).toEqual({ warnings: [] });
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    writeFileSync(
      data,
      readFileSync('data/space-station-2025.yaml', 'utf8').replace(
        'value: 31',
        'value: thirty-one',
      ),
    );
    const error = await validate({ data }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'schema' });
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });
});
