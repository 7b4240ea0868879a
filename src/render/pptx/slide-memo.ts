import { strFromU8, strToU8 } from 'fflate';
import { contentKey } from '../../cache/content-key.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import type { RenderedChart } from '../../charts/render-chart.ts';
import type { FontSet } from '../../layout/fonts.ts';
import type { DeckLayout, Frame, SlideFrames } from '../../layout/frames.ts';
import type { DeckMeta } from './paint-deck.ts';

/**
 * Slides as pptxgenjs wrote them (slideN.xml, its rels, its pictures and its charts), by
 * everything that goes into them: in a batch or a watch rebuild most slides come out as
 * before, and writing their XML, charts and chart workbooks is most of pptxgenjs's work.
 * Such slides are painted blank and their parts put back before normalising, so the deck is
 * the same to the byte. pptxgenjs numbers charts across every deck of the process, so a chart
 * put back keeps the number it was written with: no chart written later has it, and
 * normalizePptx numbers charts by their place in the deck.
 */
const written = new LruCache<string, SavedSlide>(256);

interface SavedSlide {
  parts: Map<string, Uint8Array>;
  /** The slide's charts as [Content_Types].xml lists them, right after the slide. */
  overrides: string;
}

/** A slide's own parts, by the slide's number: its XML, its relationships, its pictures. */
const SLIDE_PART =
  /^ppt\/(?:slides\/(?:_rels\/)?slide(\d+)\.xml(?:\.rels)?|media\/image-(\d+)-\d+\.\w+)$/;

const TYPES = '[Content_Types].xml';

export interface SlideReuse {
  /** Slides (from 0) that pptxgenjs may paint blank. */
  blank: ReadonlySet<number>;
  /** Takes the parts as pptxgenjs wrote them; returns them with blank slides' parts put back. */
  parts(written: Record<string, Uint8Array>): Record<string, Uint8Array>;
}

export function reuseSlides(layout: DeckLayout, fonts: FontSet, meta: DeckMeta): SlideReuse {
  const keys = layout.slides.map((slide, i) =>
    slideKey([i, layout, fonts.officeName, meta], slide),
  );
  // Held here, so an entry dropped from the memo meanwhile is still whole for this deck.
  const kept = keys.map((key) => written.get(key));
  const blank = new Set(kept.flatMap((saved, i) => (saved ? [i] : [])));
  return {
    blank,
    parts(parts) {
      const types = strFromU8(parts[TYPES] as Uint8Array);
      for (const [i, key] of keys.entries())
        if (!blank.has(i)) written.set(key, saveSlide(parts, types, i));
      const all = { ...parts };
      let listed = types;
      for (const i of blank) {
        const saved = kept[i] as SavedSlide;
        for (const [name, data] of saved.parts) all[name] = data;
        // Painted blank, the slide had no charts for pptxgenjs to list after it.
        listed = listed.replace(slideOverride(i), (slide) => slide + saved.overrides);
      }
      if (listed !== types) all[TYPES] = strToU8(listed);
      return all;
    },
  };
}

/** The parts of slide i (from 0) as pptxgenjs wrote them, with its charts' parts. */
function saveSlide(parts: Record<string, Uint8Array>, types: string, i: number): SavedSlide {
  const own = Object.keys(parts).filter((name) => slideOf(name) === i);
  const rels = parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`];
  const charts = rels
    ? [...strFromU8(rels).matchAll(/Target="\/ppt\/charts\/chart(\d+)\.xml"/g)].map((m) => m[1])
    : [];
  const names = [
    ...own,
    ...charts.flatMap((n) => [
      `ppt/charts/chart${n}.xml`,
      `ppt/charts/_rels/chart${n}.xml.rels`,
      `ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`,
    ]),
  ];
  const overrides = charts
    .map(
      (n) => new RegExp(`<Override PartName="/ppt/charts/chart${n}\\.xml"[^>]*/>`).exec(types)?.[0],
    )
    .join('');
  return {
    parts: new Map(names.flatMap((name) => (parts[name] ? [[name, parts[name].slice()]] : []))),
    overrides,
  };
}

/** Where [Content_Types].xml lists slide i (from 0): its charts follow. */
const slideOverride = (i: number) =>
  new RegExp(`<Override PartName="/ppt/slides/slide${i + 1}\\.xml"[^>]*/>`);

/** Everything that goes into a slide's parts, as text. */
function slideKey(
  [i, layout, font, meta]: [number, DeckLayout, string, DeckMeta],
  { number, background, notes, frames }: SlideFrames,
): string {
  const page = JSON.stringify([
    i,
    layout.width,
    layout.height,
    layout.chartStyle,
    font,
    meta,
    number,
    background,
  ]);
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
    key =
      frame.kind === 'chart'
        ? JSON.stringify({ ...frame, chart: chartKey(frame.chart) })
        : JSON.stringify(frame, bytesByHash);
    if (Object.isFrozen(frame)) frameKeys.set(frame, key);
  }
  return key;
}

/**
 * A drawn chart in a key by its identity: the chart memo hands out one object per chart
 * drawn, and writing its picture and drawing out as JSON, for every slide with a chart in
 * every build, took longer than the rest of the key. A chart drawn again is another object,
 * and its slide is painted again: never a stale slide, at worst one painted anew.
 */
const chartKeys = new WeakMap<RenderedChart, string>();
let chartsKeyed = 0;

function chartKey(chart: RenderedChart): string {
  let key = chartKeys.get(chart);
  if (key === undefined) {
    key = `chart ${++chartsKeyed}`;
    chartKeys.set(chart, key);
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
