/** Package specifier → stand-in file, for esbuild's `alias`. */
export declare const standIns: Record<string, string>;
/** Stand-ins for one importer's imports only. */
export declare const scopedStandIns: { importer: RegExp; specifier: string; path: string }[];
/** The esbuild plugin that puts the scoped stand-ins in place. */
export declare const scopedStandInsPlugin: import('esbuild').Plugin;
