import type { RenderedChart } from '../charts/render-chart.ts';
import type { Deck, Slide } from '../model/document.ts';
import type { ImageAsset } from '../template/read-images.ts';
import type { Theme } from '../template/theme.ts';
import { slideSizes } from '../template/theme.ts';
import type { FontSet } from './fonts.ts';
import type { Box, DeckLayout, Frame, SlideFrames } from './frames.ts';
import { footer } from './slide-kit.ts';
import { slideLayouts } from './slide-layouts.ts';

export interface DeckContext {
  theme: Theme;
  fonts: FontSet;
  footer: string;
  chart(name: string, alt: string, box: Box): Promise<RenderedChart>;
  image(src: string): ImageAsset;
}

/**
 * Positions every slide's frames once; all deck painters draw from this. A model slide may
 * become several (continuations), so slides are numbered and footed only at the end.
 */
export async function layoutDeck(deck: Deck, ctx: DeckContext): Promise<DeckLayout> {
  const { width, height } = slideSizes[ctx.theme.slide.aspect];
  const slideCtx = { ...ctx, width, height };
  const pages: { source: Slide; frames: Frame[]; first: boolean }[] = [];
  for (const slide of deck.slides) {
    const laid = await slideLayouts[slide.layout](slide, slideCtx);
    for (const [i, frames] of laid.entries()) pages.push({ source: slide, frames, first: i === 0 });
  }
  const slides = pages.map(({ source, frames, first }, i): SlideFrames => {
    const number = i + 1;
    const footed =
      source.layout === 'title'
        ? frames
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
    chartStyle: { palette: ctx.theme.colors.chart, text: ctx.theme.colors.text },
    slides,
  };
}
