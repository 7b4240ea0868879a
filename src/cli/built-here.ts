/**
 * Whether this process built outputs itself: a build, or a watch's build or rebuild. Not so
 * for help, inspect, validate, or a batch, whose workers build. launch.ts writes the CLI
 * bundle's code cache only then: the cache holds what the run that wrote it compiled, and is
 * kept while V8 accepts it, so a thin one would leave every later build compiling most of
 * its code again.
 */
let built = false;

export function noteBuilt(): void {
  built = true;
}

export function keepsCompiledCode(): boolean {
  return built;
}
