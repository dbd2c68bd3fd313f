// Text edits as values: applying them to a text, ordering them, and mapping an edit made on an
// already edited text back onto the original (what lets several changes be one edit set).

import { TextEdit } from './types';

/** Applies non-overlapping edits (offsets into `text`); edits at the same offset keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = sortEdits(edits);
  let output = '';
  let cursor = 0;
  for (const textEdit of ordered) {
    if (textEdit.start < cursor || textEdit.end < textEdit.start || textEdit.end > text.length) {
      throw new RangeError(`Edits overlap or fall outside the text (at offset ${textEdit.start}).`);
    }
    output += text.slice(cursor, textEdit.start) + textEdit.newText;
    cursor = textEdit.end;
  }
  return output + text.slice(cursor);
}

/** Edits by start offset; at one offset, insertions first, otherwise in the given order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((textEdit, order) => ({ textEdit, order }))
    .sort(
      (a, b) =>
        a.textEdit.start - b.textEdit.start ||
        Number(a.textEdit.end > a.textEdit.start) - Number(b.textEdit.end > b.textEdit.start) ||
        a.order - b.order,
    )
    .map(({ textEdit }) => textEdit);
}

/** An edit on the text after `earlier` as an edit on the original, or undefined if it touches them. */
export function mapToOriginal(textEdit: TextEdit, earlier: readonly TextEdit[]): TextEdit | undefined {
  let shift = 0;
  for (const previous of sortEdits(earlier)) {
    const startAfter = previous.start + shift;
    const endAfter = startAfter + previous.newText.length;
    if (textEdit.end < startAfter) {
      break;
    }
    if (textEdit.start <= endAfter) {
      return undefined;
    }
    shift += previous.newText.length - (previous.end - previous.start);
  }
  return { start: textEdit.start - shift, end: textEdit.end - shift, newText: textEdit.newText };
}

/** One edit replacing the span between the common prefix and suffix of two texts. */
export function spanDiff(before: string, after: string): TextEdit[] {
  if (before === after) {
    return [];
  }
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  return [{ start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) }];
}
