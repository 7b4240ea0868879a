// Stands in for brotli's decoder in the bundle: fontkit needs it only to read WOFF2, and
// briefkit reads its fonts as WOFF and TrueType. Leaving out its 700 KB dictionary makes
// start-up faster.
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported: use WOFF or TrueType files.');
}
