/** briefkit's library API: what the CLI does, as functions. */
export { type BuildOptions, type BuildResult, build, validate } from './build.ts';
export {
  BriefkitError,
  type Diagnostic,
  isBriefkitError,
  type Place,
} from './errors/briefkit-error.ts';
export { formatDiagnostic } from './errors/format.ts';
export { type InspectOptions, inspect } from './inspect/index.ts';
export type { Block, Deck, Run, Slide, Summary } from './model/document.ts';
export { readProjectConfig } from './project/config.ts';
export { initProject } from './project/init.ts';
export type { Theme } from './template/theme.ts';
