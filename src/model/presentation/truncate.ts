// Cutting user text to a length for display. A cut inside a character shows a broken glyph (a
// lone surrogate: half an emoji) or strips a combining accent, so cuts fall between graphemes.

const ELLIPSIS = '…';

/** `text` when it fits in `maxChars` UTF-16 units, else its longest whole-grapheme prefix and `…`. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) {
    return text;
  }
  let end = 0;
  // Segments lazily: a huge note is walked only up to the cut.
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > maxChars) {
      break;
    }
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
