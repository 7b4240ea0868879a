/** Package specifier → stand-in file, for esbuild's `alias`. */
export declare const standIns: Record<string, string>;
