// Stands in for unicode-properties in the bundle. fontkit imports it for OpenType shaping,
// which briefkit never runs (PDF text is set with the advances layout measured), and loading
// it decodes a large table at start-up. The real package loads on the first call, if any.
import { createRequire } from 'node:module';

let real;
const load = () => {
  real ??= createRequire(import.meta.url)('unicode-properties');
  return real;
};

export const getCategory = (codePoint) => load().getCategory(codePoint);
export const getCombiningClass = (codePoint) => load().getCombiningClass(codePoint);
export const getScript = (codePoint) => load().getScript(codePoint);
export const isDigit = (codePoint) => load().isDigit(codePoint);
export const isMark = (codePoint) => load().isMark(codePoint);
