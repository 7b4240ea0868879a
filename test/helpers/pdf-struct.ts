import { scanObjects } from '../../src/inspect/pdf-objects.ts';
import { readArray, readDict } from '../../src/inspect/pdf-syntax.ts';

/** One structure element as written: its role and its raw dictionary entries. */
export interface RawStructElement {
  role: string;
  entries: Map<string, string>;
}

/**
 * The structure elements of a PDF (every dictionary with a role and a parent), in object
 * order, read from the raw objects: pdf.js shows neither attributes nor bounding boxes.
 */
export function structElements(bytes: Uint8Array): RawStructElement[] {
  return [...scanObjects(bytes).objects.values()].flatMap((body) => {
    const entries = readDict(body);
    const role = entries.get('S');
    return role && entries.has('P') ? [{ role: role.replace(/^\//, ''), entries }] : [];
  });
}

/** A dictionary entry that is an array of numbers, such as a `/BBox`. */
export const numbers = (value: string | undefined): number[] => readArray(value ?? '').map(Number);

/** The entries of a structure element's attribute dictionary (`/A`), if it has one. */
export const attributes = (element: RawStructElement): Map<string, string> =>
  readDict(element.entries.get('A') ?? '');
