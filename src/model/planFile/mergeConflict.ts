// Git conflict markers in a plan. Teams merge plans, and a file with `<<<<<<<`, `=======` and
// `>>>>>>>` lines is not a plan yet: one diagnostic naming the conflict helps more than the
// cascade of YAML errors the markers would cause.

import * as l10n from '@vscode/l10n';
import { isLineBreak } from './text';

/** Where the conflicts are: the first marker (offsets) and the lines of the first conflict. */
export interface MergeConflict {
  readonly markerStart: number;
  readonly markerEnd: number;
  /** Zero-based lines of the first conflict, from its first marker to its closing one. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** Conflicts in the file (a stray marker left from a resolution counts as one). */
  readonly count: number;
}

type Marker = 'open' | 'base' | 'split' | 'close';

/** Git's markers: seven characters at the start of a line, then a space and a label or the line's end. */
function markerOf(line: string): Marker | undefined {
  const found = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t]|$)/.exec(line);
  if (!found) {
    return undefined;
  }
  const kinds: Readonly<Record<string, Marker>> = { '<': 'open', '|': 'base', '=': 'split', '>': 'close' };
  const kind = kinds[found[1][0]];
  // `=======` stands alone on its line; with text after it, it is not git's.
  return kind === 'split' && line.trimEnd() !== '=======' ? undefined : kind;
}

export function findMergeConflict(text: string): MergeConflict | undefined {
  let first: { start: number; end: number; line: number } | undefined;
  let lastLine = 0;
  let closed = false;
  let count = 0;
  let insideConflict = false;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = start;
    while (end < text.length && !isLineBreak(text.charCodeAt(end))) {
      end++;
    }
    // Only lines that begin with a marker character are worth a closer look.
    const marker = '<|=>'.includes(text[start] ?? ' ') ? markerOf(text.slice(start, Math.min(end, start + 80))) : undefined;
    if (marker) {
      if (marker === 'open' || !insideConflict) {
        count++; // A new conflict, or a stray marker outside one.
      }
      insideConflict = marker !== 'close';
      first ??= { start, end, line };
      if (!closed) {
        lastLine = line;
        closed = marker === 'close';
      }
    }
    start = end + (text.startsWith('\r\n', end) ? 2 : 1);
  }
  return first && { markerStart: first.start, markerEnd: first.end, firstLine: first.line, lastLine, count };
}

/** The diagnostic's message, which also explains why an edit is refused. */
export function mergeConflictMessage(conflict: MergeConflict): string {
  const lines = conflict.lastLine > conflict.firstLine ? l10n.t('lines {0}-{1}', conflict.firstLine + 1, conflict.lastLine + 1) : l10n.t('line {0}', conflict.firstLine + 1);
  return conflict.count > 1
    ? l10n.t('The plan has {0} unresolved merge conflicts (the first at {1}): resolve them to update the views and to change stages from the extension.', conflict.count, lines)
    : l10n.t('The plan has an unresolved merge conflict ({0}): resolve it to update the views and to change stages from the extension.', lines);
}
