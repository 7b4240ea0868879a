/**
 * Positions: DrawingML stores EMU (12700 per point) and nests groups with their own child
 * coordinate space. Everything shown is in points rounded to 0.1, so sub-point jitter from a
 * recomputed layout does not turn into a diff.
 */
import type { Box } from './model.ts';
import { child, type XmlNode } from './xml.ts';

const EMU_PER_POINT = 12700;

/** Rounds to one decimal; `-0` becomes `0` so it never prints as "-0". */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

export function emuToPoints(emu: number): number {
  return round1(emu / EMU_PER_POINT);
}

/** A rectangle in EMU, before group transforms and rounding. */
export interface EmuRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Maps a rectangle from a group's child space to slide space. */
export type Transform = (rect: EmuRect) => EmuRect;

export const identity: Transform = (rect) => rect;

const num = (node: XmlNode | undefined, attr: string): number => Number(node?.attrs[attr] ?? 0);

/** Reads `a:xfrm` / `p:xfrm` (offset and extent); undefined when absent. */
export function readXfrm(xfrm: XmlNode | undefined): EmuRect | undefined {
  if (!xfrm) return undefined;
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  return { x: num(off, 'x'), y: num(off, 'y'), w: num(ext, 'cx'), h: num(ext, 'cy') };
}

/**
 * The transform a group applies to its children: child space (chOff, chExt) is scaled onto
 * the group's own box (off, ext), then the parent's transform applies. Rotation and flips
 * are ignored; inspect reports boxes, not rendered outlines.
 */
export function groupTransform(xfrm: XmlNode | undefined, parent: Transform): Transform {
  const own = readXfrm(xfrm);
  if (!own || !xfrm) return parent;
  const chOff = child(xfrm, 'a:chOff');
  const chExt = child(xfrm, 'a:chExt');
  const chW = num(chExt, 'cx');
  const chH = num(chExt, 'cy');
  const sx = chW === 0 ? 1 : own.w / chW;
  const sy = chH === 0 ? 1 : own.h / chH;
  const ox = num(chOff, 'x');
  const oy = num(chOff, 'y');
  return (rect) =>
    parent({
      x: own.x + (rect.x - ox) * sx,
      y: own.y + (rect.y - oy) * sy,
      w: rect.w * sx,
      h: rect.h * sy,
    });
}

export function toBox(rect: EmuRect): Box {
  return {
    x: emuToPoints(rect.x),
    y: emuToPoints(rect.y),
    w: emuToPoints(rect.w),
    h: emuToPoints(rect.h),
  };
}
