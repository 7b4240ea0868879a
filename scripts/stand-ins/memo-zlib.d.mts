/** node:zlib's deflateSync, with results kept by content. */
declare const zlib: { deflateSync(data: Uint8Array): Buffer };
export default zlib;
