// Offset <-> line/character conversion and line-ending facts about plan text.
// Line breaks follow VS Code's model (`\r\n`, `\n` and a lone `\r`), so the ranges we
// report land exactly where the editor draws them.

import type { Position, Range } from '../domain/types';

export type Eol = '\n' | '\r\n';

/** Precomputed line starts of one text: O(n) once, then O(log n) per conversion. */
export class LineIndex {
  /** Offset of the first character of each line; always starts with 0. */
  private readonly lineStarts: readonly number[];

  constructor(private readonly text: string) {
    this.lineStarts = computeLineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of a UTF-16 offset; offsets outside the text are clamped to it. */
  positionAt(offset: number): Position {
    const clamped = clampOffset(offset, this.text.length);
    const line = this.lineOf(clamped);
    // An offset between `\r` and `\n` belongs to the line's end, as in VS Code.
    const character = Math.min(clamped, this.lineContentEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  /** Offset of a position; lines and characters beyond the text are clamped to it. */
  offsetAt(position: Position): number {
    if (position.line < 0) {
      return 0;
    }
    if (position.line >= this.lineStarts.length) {
      return this.text.length;
    }
    const lineStart = this.lineStarts[position.line];
    const lineEnd = this.lineContentEnd(position.line);
    return Math.min(Math.max(lineStart + Math.max(position.character, 0), lineStart), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    const startPosition = this.positionAt(start);
    const endPosition = this.positionAt(Math.max(start, end));
    return { start: startPosition, end: endPosition };
  }

  /** Zero-based line containing `offset` (binary search over line starts). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /** Offset just before the line break that ends `line` (or the text's end). */
  private lineContentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) {
      return this.text.length;
    }
    const nextStart = this.lineStarts[line + 1];
    const breakLength = this.text[nextStart - 1] === '\n' && this.text[nextStart - 2] === '\r' ? 2 : 1;
    return nextStart - breakLength;
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(offset + 1) === 10 /* \n */) {
        offset++;
      }
      starts.push(offset + 1);
    } else if (code === 10 /* \n */) {
      starts.push(offset + 1);
    }
  }
  return starts;
}

function clampOffset(offset: number, length: number): number {
  if (!Number.isFinite(offset) || offset < 0) {
    return 0;
  }
  return Math.min(Math.floor(offset), length);
}

/** The file's line ending, judged by its first line break; `\n` when there is none. */
export function detectEol(text: string): Eol {
  const firstBreak = text.search(/\r\n|\n|\r/);
  return firstBreak >= 0 && text.startsWith('\r\n', firstBreak) ? '\r\n' : '\n';
}

/** The line ending most lines of the file use (ties and files without breaks: `\n`). */
export function dominantEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1)) {
    if (text.charCodeAt(offset - 1) === 13) {
      crlf++;
    } else {
      lf++;
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** The line break at `lineEnd` (from `lineEndOf`): `\r\n`, `\n`, `\r`, or '' at the end of the text. */
export function lineBreakAt(text: string, lineEnd: number): string {
  if (text.startsWith('\r\n', lineEnd)) {
    return '\r\n';
  }
  return lineEnd < text.length ? text[lineEnd] : '';
}

/** Offset of the start of the line before the one starting at `lineStart` (0 stays 0). */
export function previousLineStart(text: string, lineStart: number): number {
  if (lineStart === 0) {
    return 0;
  }
  const breakLength = text.startsWith('\r\n', lineStart - 2) ? 2 : 1;
  return lineStartOf(text, lineStart - breakLength);
}

/** Whether a character code is a line-break character (`\n` or `\r`). */
export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Offset of the start of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let cursor = offset;
  while (cursor > 0 && !isLineBreak(text.charCodeAt(cursor - 1))) {
    cursor--;
  }
  return cursor;
}

/** Offset of the line break ending the line containing `offset` (text length on the last line). */
export function lineEndOf(text: string, offset: number): number {
  let cursor = offset;
  while (cursor < text.length && !isLineBreak(text.charCodeAt(cursor))) {
    cursor++;
  }
  return cursor;
}

/** Offset just past the line break at `lineEnd` (which must come from `lineEndOf`). */
export function skipLineBreak(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) {
    return lineEnd + 2;
  }
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}

/** Moves `end` back over spaces, tabs and line breaks, not before `start`. */
export function trimEndWhitespace(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start && /[ \t\r\n]/.test(text[cursor - 1])) {
    cursor--;
  }
  return cursor;
}

/** Whether the UTF-8 encoding of `text` is larger than `limit` bytes (stops counting early). */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) {
    return true; // Every code unit takes at least one byte.
  }
  if (text.length * 3 <= limit) {
    return false; // Every code unit takes at most three bytes.
  }
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      bytes += 1;
    } else if (code < 0x800) {
      bytes += 2;
    } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4; // A surrogate pair is one 4-byte character.
      index++;
    } else {
      bytes += 3;
    }
    if (bytes > limit) {
      return true;
    }
  }
  return false;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
