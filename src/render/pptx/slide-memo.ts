import { LruCache } from '../../cache/lru-cache.ts';
import type { FontSet } from '../../layout/fonts.ts';
import type { DeckLayout, SlideFrames } from '../../layout/frames.ts';
import type { DeckMeta } from './paint-deck.ts';

/**
 * Slides as pptxgenjs wrote them (slideN.xml and its rels), by everything that goes into
 * them: in a batch or a watch rebuild most slides come out as before, and writing their XML
 * is most of pptxgenjs's work. Such slides are painted blank and their parts put back
 * before normalising, so the deck is the same to the byte. Slides with charts or pictures
 * are painted each time: they own parts of their own (chart, workbook, media).
 */
const written = new LruCache<string, Map<string, Uint8Array>>(256);

const SLIDE_PART = /^ppt\/slides\/(?:_rels\/)?slide(\d+)\.xml(?:\.rels)?$/;

export interface SlideReuse {
  /** Slides (from 0) that pptxgenjs may paint blank. */
  blank: ReadonlySet<number>;
  /** Takes each part as pptxgenjs wrote it; returns the part to normalise. */
  part(name: string, data: Uint8Array): Uint8Array;
}

export function reuseSlides(layout: DeckLayout, fonts: FontSet, meta: DeckMeta): SlideReuse {
  const keys = layout.slides.map((slide, i) =>
    ownsNoOtherPart(slide)
      ? JSON.stringify([i, layout.width, layout.height, fonts.officeName, meta, slide])
      : undefined,
  );
  // Held here, so an entry dropped from the memo meanwhile is still whole for this deck.
  const kept = keys.map((key) => (key === undefined ? undefined : written.get(key)));
  const blank = new Set(kept.flatMap((parts, i) => (parts?.size === 2 ? [i] : [])));
  return {
    blank,
    part(name, data) {
      const i = Number(SLIDE_PART.exec(name)?.[1]) - 1;
      const key = keys[i];
      if (key === undefined) return data;
      if (blank.has(i)) return kept[i]?.get(name) ?? data;
      let parts = written.get(key);
      if (!parts) {
        parts = new Map();
        written.set(key, parts);
      }
      parts.set(name, data.slice());
      return data;
    },
  };
}

function ownsNoOtherPart(slide: SlideFrames): boolean {
  return slide.frames.every((frame) => frame.kind !== 'chart' && frame.kind !== 'image');
}
