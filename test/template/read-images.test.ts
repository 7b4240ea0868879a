import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImages } from '../../src/template/read-images.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

function template(): string {
  const dir = tempDir('briefkit-images-');
  mkdirSync(join(dir, 'images'));
  copyFileSync('test/fixtures/stress/template/images/synthetic.png', join(dir, 'images/ok.png'));
  return dir;
}

describe('readImages', () => {
  it('reads a picture inside the template folder with its size and format', () => {
    const image = readImages(template(), ['images/ok.png'], 'deck.md.hbs').get('images/ok.png');
    expect(image).toMatchObject({ format: 'png', width: 400, height: 300 });
  });

  it('refuses paths that leave the template folder', () => {
    for (const src of ['../../etc/passwd', '/etc/passwd', 'images/../../x.png']) {
      const error = catchError(() => readImages(template(), [src], 'deck.md.hbs'));
      expect(error.code).toBe('image-path');
      expect(error.diagnostics[0]?.place).toEqual({ file: 'deck.md.hbs' });
    }
  });

  it('refuses a symlink that points outside, checked by real path', () => {
    const dir = template();
    symlinkSync('/etc/passwd', join(dir, 'images/evil.png'));
    expect(catchError(() => readImages(dir, ['images/evil.png'], 'd')).message).toContain(
      'outside the template folder',
    );
  });

  it('refuses a PNG cut short, which only its header would pass', () => {
    const dir = template();
    const whole = readFileSync(join(dir, 'images/ok.png'));
    writeFileSync(join(dir, 'images/cut.png'), whole.subarray(0, whole.length - 20));
    const error = catchError(() => readImages(dir, ['images/cut.png'], 'deck.md.hbs'));
    expect(error.code).toBe('image-path');
    expect(error.message).toContain('cut short or damaged');
  });

  it('refuses files that are not pictures', () => {
    const dir = template();
    writeFileSync(join(dir, 'images/text.png'), 'not a picture');
    expect(catchError(() => readImages(dir, ['images/text.png'], 'd')).message).toContain(
      'not a PNG or JPEG',
    );
  });
});
