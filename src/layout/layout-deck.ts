import { deepFreeze } from '../cache/deep-freeze.ts';
import { LruCache } from '../cache/lru-cache.ts';
import type { Deck, Slide } from '../model/document.ts';
import { slideSizes } from '../template/theme.ts';
import type { FontSet } from './fonts.ts';
import type { DeckLayout, Frame, SlideFrames } from './frames.ts';
import { footer, type SlideContext, slideLogo } from './slide-kit.ts';
import { slideLayouts } from './slide-layouts.ts';

/** What slides are laid out with, but their size, which the theme's aspect gives. */
export interface DeckContext extends Omit<SlideContext, 'width' | 'height'> {
  footer: string;
}

/**
 * Positions every slide's frames once; all deck painters draw from this. A model slide may
 * become several (continuations), so slides are numbered and footed only at the end.
 */
export async function layoutDeck(deck: Deck, ctx: DeckContext): Promise<DeckLayout> {
  const { width, height } = slideSizes[ctx.theme.slide.aspect];
  const slideCtx = { ...ctx, width, height };
  const pages: { source: Slide; frames: Frame[]; first: boolean }[] = [];
  const remembered = memoFor(slideCtx);
  for (const slide of deck.slides) {
    const laid = await remembered(slide);
    for (const [i, frames] of laid.entries()) pages.push({ source: slide, frames, first: i === 0 });
  }
  const slides = pages.map(({ source, frames, first }, i): SlideFrames => {
    const number = i + 1;
    const footed =
      source.layout === 'title'
        ? [...frames, ...slideLogo(slideCtx)]
        : [...frames, ...footer(source, number, pages.length, ctx.footer, slideCtx)];
    return {
      number,
      background: ctx.theme.colors.background,
      frames: footed,
      notes: first ? source.notes : '',
    };
  });
  return {
    width,
    height,
    chartStyle: {
      text: ctx.theme.colors.text,
      grid: ctx.theme.colors.surface,
      rule: ctx.theme.colors.muted,
    },
    slides,
  };
}

/**
 * Laid-out slides by slide and theme, per font set: in a batch or a watch rebuild most
 * slides are what they were. Slides with charts or pictures are laid out each time, since
 * what they show lives outside the slide. Results are frozen: later builds share them.
 */
const laidOut = new WeakMap<FontSet, LruCache<string, Frame[][]>>();

function memoFor(ctx: SlideContext): (slide: Slide) => Promise<Frame[][]> {
  let memo = laidOut.get(ctx.fonts);
  if (!memo) {
    memo = new LruCache(256);
    laidOut.set(ctx.fonts, memo);
  }
  const page = JSON.stringify([ctx.theme, ctx.width, ctx.height, ctx.continued]);
  return async (slide) => {
    const lay = () => slideLayouts[slide.layout](slide, ctx);
    if (slide.blocks.some((b) => b.kind === 'chart' || b.kind === 'image')) return lay();
    const key = `${page}\0${JSON.stringify(slide)}`;
    let frames = memo.get(key);
    if (!frames) {
      frames = deepFreeze(await lay());
      memo.set(key, frames);
    }
    return frames;
  };
}
