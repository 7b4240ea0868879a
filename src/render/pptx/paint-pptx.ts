import type { FontSet } from '../../layout/fonts.ts';
import type { DeckLayout } from '../../layout/frames.ts';
import { type NormalizeOptions, normalizePptx } from './normalize.ts';
import { type DeckMeta, paintDeck } from './paint-deck.ts';
import { reuseSlides } from './slide-memo.ts';

/** The deck file: pptxgenjs paints the slides it has not painted before, then it is normalised. */
export async function paintPptx(
  layout: DeckLayout,
  fonts: FontSet,
  meta: DeckMeta,
  options: Omit<NormalizeOptions, 'parts' | 'lang'>,
): Promise<Uint8Array> {
  const reuse = reuseSlides(layout, fonts, meta);
  const painted = await paintDeck(layout, fonts, meta, reuse.blank);
  return normalizePptx(painted, { ...options, lang: meta.lang, parts: reuse.parts });
}
