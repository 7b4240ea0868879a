import { contentKey } from '../../cache/content-key.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import type { FontSet } from '../../layout/fonts.ts';
import type { DeckLayout, Frame, SlideFrames } from '../../layout/frames.ts';
import type { DeckMeta } from './paint-deck.ts';

/**
 * Slides as pptxgenjs wrote them (slideN.xml, its rels and its pictures), by everything that
 * goes into them: in a batch or a watch rebuild most slides come out as before, and writing
 * their XML is most of pptxgenjs's work. Such slides are painted blank and their parts put
 * back before normalising, so the deck is the same to the byte. Slides with charts are
 * painted each time: pptxgenjs numbers chart parts across every deck of the process.
 */
const written = new LruCache<string, Map<string, Uint8Array>>(256);

/** A slide's parts, by the slide's number: its XML, its relationships, its pictures. */
const SLIDE_PART =
  /^ppt\/(?:slides\/(?:_rels\/)?slide(\d+)\.xml(?:\.rels)?|media\/image-(\d+)-\d+\.\w+)$/;

export interface SlideReuse {
  /** Slides (from 0) that pptxgenjs may paint blank. */
  blank: ReadonlySet<number>;
  /** Takes the parts as pptxgenjs wrote them; returns them with blank slides' parts put back. */
  parts(written: Record<string, Uint8Array>): Record<string, Uint8Array>;
}

export function reuseSlides(layout: DeckLayout, fonts: FontSet, meta: DeckMeta): SlideReuse {
  const keys = layout.slides.map((slide, i) =>
    ownsNoChart(slide) ? slideKey([i, layout, fonts.officeName, meta], slide) : undefined,
  );
  // Held here, so an entry dropped from the memo meanwhile is still whole for this deck.
  const kept = keys.map((key) => (key === undefined ? undefined : written.get(key)));
  const blank = new Set(kept.flatMap((parts, i) => (parts ? [i] : [])));
  return {
    blank,
    parts(parts) {
      const all = { ...parts };
      for (const i of blank) for (const [name, data] of kept[i] ?? []) all[name] = data;
      for (const [name, data] of Object.entries(parts)) {
        const i = slideOf(name);
        const key = i === undefined || blank.has(i) ? undefined : keys[i];
        if (key === undefined) continue;
        let saved = written.get(key);
        if (!saved) {
          saved = new Map();
          written.set(key, saved);
        }
        saved.set(name, data.slice());
      }
      return all;
    },
  };
}

/** Everything that goes into a slide's parts, as text. */
function slideKey(
  [i, layout, font, meta]: [number, DeckLayout, string, DeckMeta],
  { number, background, notes, frames }: SlideFrames,
): string {
  const page = JSON.stringify([i, layout.width, layout.height, font, meta, number, background]);
  return [page, JSON.stringify(notes), ...frames.map(frameKey)].join('\0');
}

/**
 * Each frame as JSON, once: frames laid out before are frozen and shared by later builds, and
 * writing every slide's frames out again took a good part of a batch record's deck.
 */
const frameKeys = new WeakMap<Frame, string>();

function frameKey(frame: Frame): string {
  let key = frameKeys.get(frame);
  if (key === undefined) {
    key = JSON.stringify(frame, bytesByHash);
    if (Object.isFrozen(frame)) frameKeys.set(frame, key);
  }
  return key;
}

/** A picture's bytes in a key by their hash: as JSON, each byte would be a property. */
function bytesByHash(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? contentKey(value) : value;
}

/** The slide (from 0) a part belongs to, if it is one of a slide's own. */
function slideOf(name: string): number | undefined {
  const match = SLIDE_PART.exec(name);
  return match ? Number(match[1] ?? match[2]) - 1 : undefined;
}

function ownsNoChart(slide: SlideFrames): boolean {
  return slide.frames.every((frame) => frame.kind !== 'chart');
}
