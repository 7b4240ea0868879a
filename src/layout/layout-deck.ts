import type { RenderedChart } from '../charts/render-chart.ts';
import type { Deck } from '../model/document.ts';
import type { Theme } from '../template/theme.ts';
import { slideSizes } from '../template/theme.ts';
import type { FontSet } from './fonts.ts';
import type { Box, DeckLayout } from './frames.ts';
import { slideLayouts } from './slide-layouts.ts';

export interface DeckContext {
  theme: Theme;
  fonts: FontSet;
  footer: string;
  chart(name: string, alt: string, box: Box): Promise<RenderedChart>;
}

/** Positions every slide's frames once; all deck painters draw from this. */
export async function layoutDeck(deck: Deck, ctx: DeckContext): Promise<DeckLayout> {
  const { width, height } = slideSizes[ctx.theme.slide.aspect];
  const slideCtx = { ...ctx, width, height, slideCount: deck.slides.length };
  const slides = [];
  for (const slide of deck.slides) {
    slides.push({
      number: slide.number,
      background: ctx.theme.colors.background,
      frames: await slideLayouts[slide.layout](slide, slideCtx),
      notes: slide.notes,
    });
  }
  return {
    width,
    height,
    chartStyle: { palette: ctx.theme.colors.chart, text: ctx.theme.colors.text },
    slides,
  };
}
