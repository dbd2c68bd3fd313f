// Where things are in a plan's text, read from the yaml nodes `parse` kept: how far a node
// reaches (a kept block scalar owns its trailing blank lines), the comment ending a pair's line,
// and the block layout new lines copy (indentation, `- key` gaps). Edits are planned from these.

import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { PlanAnalysis, YamlNode } from './analysis';
import { isLineBreak, lineBreakAt, lineEndOf, lineStartOf, previousLineStart, trimEndWhitespace } from './text';

/** Indentation used when the file offers nothing to copy. */
export const DEFAULT_INDENT_STEP = 2;

// ---- yaml node helpers --------------------------------------------------------------------

/** The first pair whose key is the plain string `key`. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

export function lastPair(map: YAMLMap): Pair | undefined {
  return map.items[map.items.length - 1];
}

export function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ?? undefined;
}

export function isFlow(collection: YAMLMap | YAMLSeq): boolean {
  return collection.flow === true;
}

export function isBlockScalar(node: unknown): node is Scalar {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

// ---- extents ------------------------------------------------------------------------------

/**
 * Where a node's text ends. A block scalar owns every line up to its range's end (with `|+`
 * that includes the trailing blank lines, which are part of its value); a block collection
 * ends where its last entry does; anything else ends at its last non-blank character.
 */
export function nodeEnd(text: string, node: unknown): number | undefined {
  const range = rangeOf(node);
  if (!range) {
    return undefined;
  }
  if (isBlockScalar(node)) {
    return range[1];
  }
  if ((isMap(node) || isSeq(node)) && !isFlow(node) && node.items.length > 0) {
    const last: unknown = node.items[node.items.length - 1];
    const end = isMap(node) ? pairEnd(text, last as Pair) : nodeEnd(text, last);
    if (end !== undefined) {
      return end;
    }
  }
  return trimEndWhitespace(text, range[0], range[1]);
}

/** Whether a node's text ends with a keep-chomping block scalar (`|+`, `>+`), whose value takes in the blank lines after it. */
export function endsWithKeptBlankLines(text: string, node: unknown): boolean {
  if (isBlockScalar(node)) {
    const start = rangeOf(node)?.[0];
    return start !== undefined && /^[|>](?:[1-9]?\+|\+[1-9]?)/.test(text.slice(start, start + 3));
  }
  if ((isMap(node) || isSeq(node)) && !isFlow(node) && node.items.length > 0) {
    const last: unknown = node.items[node.items.length - 1];
    return endsWithKeptBlankLines(text, isMap(node) ? (last as Pair).value : last);
  }
  return false;
}

/** Past the whitespace-only lines starting at `lineStart`. */
export function skipBlankLines(text: string, lineStart: number): number {
  let cursor = lineStart;
  for (;;) {
    const lineEnd = lineEndOf(text, cursor);
    if (lineEnd >= text.length || !/^[ \t]*$/.test(text.slice(cursor, lineEnd))) {
      return cursor;
    }
    cursor = lineEnd + lineBreakAt(text, lineEnd).length;
  }
}

/** Where a pair's text ends (its value's, or its key's for `key:` with nothing after it). */
export function pairEnd(text: string, pair: Pair): number {
  const keyEnd = rangeOf(pair.key)?.[1] ?? 0;
  const valueRange = rangeOf(pair.value);
  if (valueRange && valueRange[1] > valueRange[0]) {
    return nodeEnd(text, pair.value) ?? keyEnd;
  }
  return valueRange ? Math.max(valueRange[0], keyEnd) : keyEnd;
}

/**
 * The end (before its line break) of the last line holding text that ends at `end`. An `end`
 * just past a line break (a block scalar's) means the line that break ends.
 */
export function lastLineEnd(text: string, end: number): number {
  if (end > 0 && isLineBreak(text.charCodeAt(end - 1))) {
    return text.startsWith('\r\n', end - 2) ? end - 2 : end - 1;
  }
  return lineEndOf(text, end);
}

/**
 * The comments a pair's lines carry that removing the pair must keep: one ending its last line
 * (`started: 2026-01-01 # kickoff`) and one after a block scalar's header (`note: | # why`).
 */
export function pairComments(text: string, pair: Pair): string[] {
  const comments: string[] = [];
  const value = pair.value;
  const valueStart = rangeOf(value)?.[0];
  if (isBlockScalar(value) && valueStart !== undefined) {
    const header = /^[|>][0-9+-]*[ \t]+(#.*?)[ \t]*$/.exec(text.slice(valueStart, lineEndOf(text, valueStart)));
    if (header) {
      comments.push(header[1]);
    }
  }
  const end = pairEnd(text, pair);
  // A block scalar's last line is its content, never a comment. (An empty value ends where
  // its comment starts: `completed: # none yet`.)
  if (!isBlockScalar(value)) {
    const trailing = /^[ \t]*(#.*?)[ \t]*$/.exec(text.slice(end, lineEndOf(text, end)));
    if (trailing) {
      comments.push(trailing[1]);
    }
  }
  return comments;
}

// ---- block layout -------------------------------------------------------------------------

/** Same width as `prefix`, in spaces (a `- ` prefix becomes two spaces). */
export function spacesFor(prefix: string): string {
  return ' '.repeat(prefix.length);
}

/** The block layout of one text: indentation and item gaps new lines copy. */
export class BlockLayout {
  constructor(
    private readonly text: string,
    private readonly analysis: PlanAnalysis,
  ) {}

  /** The indentation of a block mapping's keys, copied from a key that starts its own line. */
  blockIndent(map: YAMLMap): string {
    let firstKeyPrefix: string | undefined;
    for (const pair of map.items) {
      const keyStart = rangeOf(pair.key)?.[0];
      if (keyStart === undefined) {
        continue;
      }
      const prefix = this.text.slice(lineStartOf(this.text, keyStart), keyStart);
      if (/^ *$/.test(prefix)) {
        return prefix;
      }
      firstKeyPrefix ??= prefix;
    }
    // Only the key after `- ` exists. The mapping starts right after `- `, at its properties
    // when it has some: `- &a id: x` takes more keys under `&a`, not under `id`.
    const afterDash = /^ *-[ \t]+/.exec(firstKeyPrefix ?? '')?.[0] ?? firstKeyPrefix ?? '';
    return spacesFor(afterDash);
  }

  /** The column of a block sequence's `-` (its range starts at its first one). */
  dashColumn(sequence: YAMLSeq): number | undefined {
    const start = rangeOf(sequence)?.[0];
    if (start === undefined || this.text[start] !== '-') {
      return undefined;
    }
    return start - lineStartOf(this.text, start);
  }

  /**
   * The `-` of the item starting at `itemStart`: the nearest line at or above it with a `-` at
   * the sequence's dash column. (Not the nearest `-` character: anchors, comments and values
   * hold hyphens too, as in `- &anchor-name`.)
   */
  dashOf(sequence: YAMLSeq, itemStart: number): number | undefined {
    const column = this.dashColumn(sequence);
    if (column === undefined) {
      return undefined;
    }
    for (let lineStart = lineStartOf(this.text, itemStart); ; lineStart = previousLineStart(this.text, lineStart)) {
      const dash = lineStart + column;
      if (this.text[dash] === '-' && /^ *$/.test(this.text.slice(lineStart, dash))) {
        return dash;
      }
      if (lineStart === 0) {
        return undefined;
      }
    }
  }

  /** Columns from an item's `-` to where its mapping starts (`- id` = 2, `-   id` = 4, `- &a id` = 2). */
  keyGapAfterDash(item: YAMLMap, dash: number | undefined): number {
    const keyStart = rangeOf(item.items[0]?.key)?.[0];
    if (dash === undefined || keyStart === undefined || lineStartOf(this.text, keyStart) !== lineStartOf(this.text, dash)) {
      return DEFAULT_INDENT_STEP;
    }
    return /^-[ \t]+/.exec(this.text.slice(dash, keyStart))?.[0].length ?? DEFAULT_INDENT_STEP;
  }

  /** The `- key` gap the file uses for stages, reused for new task items. */
  itemKeyGap(): number {
    const stages = this.analysis.stagesNode;
    const first = stages?.items[0];
    const firstStart = rangeOf(first)?.[0];
    if (!stages || isFlow(stages) || !isMap(first) || firstStart === undefined) {
      return DEFAULT_INDENT_STEP;
    }
    return this.keyGapAfterDash(first, this.dashOf(stages, firstStart));
  }

  /**
   * How far a new block sequence is indented under its key: copied from another stage's
   * `tasks`, else from `stages` itself (0 for the indentless `stages:\n- id: x` style).
   */
  sequenceIndentStep(): number {
    for (const source of this.analysis.stageSources) {
      const tasksPair = findPair(source.node, 'tasks');
      const step = tasksPair && isSeq(tasksPair.value) ? this.blockSequenceStep(tasksPair, tasksPair.value) : undefined;
      if (step !== undefined) {
        return step;
      }
    }
    const root = this.analysis.root;
    const stagesPair = root ? findPair(root, 'stages') : undefined;
    const stages = this.analysis.stagesNode;
    return (stagesPair && stages && this.blockSequenceStep(stagesPair, stages)) ?? DEFAULT_INDENT_STEP;
  }

  private blockSequenceStep(pair: Pair, sequence: YAMLSeq): number | undefined {
    const keyStart = rangeOf(pair.key)?.[0];
    const dashColumn = this.dashColumn(sequence);
    if (isFlow(sequence) || keyStart === undefined || dashColumn === undefined || sequence.items.length === 0) {
      return undefined;
    }
    const step = dashColumn - (keyStart - lineStartOf(this.text, keyStart));
    return step >= 0 ? step : undefined;
  }
}
