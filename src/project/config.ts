import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BuildOptions } from '../build.ts';
import { validateAgainst } from '../data/validate.ts';
import { readDocument } from '../template/read-template.ts';

export const PROJECT_FILE = 'briefkit.yaml';

interface ProjectFile {
  data?: string;
  template?: string;
  out?: string;
  paper?: 'a4' | 'letter';
  handout?: 2 | 3 | 6;
}

/**
 * Build defaults from `briefkit.yaml` in the folder (as written by `briefkit init`), with
 * paths made relative to that file. No file: no defaults, and the sample builds.
 */
export function readProjectConfig(dir: string): BuildOptions {
  const file = join(dir, PROJECT_FILE);
  if (!existsSync(file)) return {};
  const doc = readDocument(file, 'project file');
  validateAgainst(doc, 'project');
  const config = (doc.value ?? {}) as ProjectFile;
  const base = dirname(resolve(file));
  return {
    ...(config.data ? { data: resolve(base, config.data) } : {}),
    ...(config.template ? { template: resolve(base, config.template) } : {}),
    ...(config.out ? { out: resolve(base, config.out) } : {}),
    ...(config.paper ? { paper: config.paper } : {}),
    ...(config.handout ? { handout: config.handout } : {}),
  };
}
