/** Exact replacements in a dependency's code, applied at bundle time. */
export declare const patches: { file: RegExp; find: string; replace: string }[];
/** The esbuild plugin that applies the patches. */
export declare const patchesPlugin: import('esbuild').Plugin;
