import { execFileSync, spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';

/**
 * Whether an external consumer (LibreOffice, qpdf, poppler, xmllint) is installed. Locally a
 * missing tool skips its tests with a printed notice; under CI=true it is a failure.
 */
export function hasTool(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) {
    if (process.env.CI === 'true') throw new Error(`CI needs "${command}"; .ci/run installs it.`);
    console.warn(`notice: "${command}" is not installed; skipping the tests that use it.`);
  }
  return found;
}

export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Converts a PPTX to PDF with LibreOffice in a private profile; returns the PDF's path. */
export function convertWithLibreOffice(pptx: string, outDir: string): string {
  run('soffice', [
    `-env:UserInstallation=file://${outDir}/profile`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    pptx,
  ]);
  return join(outDir, `${basename(pptx, '.pptx')}.pdf`);
}
