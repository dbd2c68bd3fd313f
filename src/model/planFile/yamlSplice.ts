// The YAML splicing behind every plan change: given the nodes `parse` read, where a value, a
// key or a task goes in the text, copying the file's own layout (block or flow style,
// indentation, quoting, each line's own line ending). Produces text edits; never re-serializes.

import { isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { PlanAnalysis } from './analysis';
import { formatScalar, QuoteStyle, ScalarContext } from './scalar';
import { dominantEol, lineBreakAt, lineStartOf } from './text';
import { sortEdits } from './textEdits';
import { TextEdit } from './types';
import {
  BlockLayout,
  DEFAULT_INDENT_STEP,
  endsWithKeptBlankLines,
  isBlockScalar,
  isFlow,
  lastLineEnd,
  lastPair,
  nodeEnd,
  pairComments,
  pairEnd,
  rangeOf,
  skipBlankLines,
  spacesFor,
} from './yamlLayout';

export { findPair } from './yamlLayout';

function quoteStyleOf(node: unknown): QuoteStyle {
  if (isScalar(node)) {
    if (node.type === Scalar.QUOTE_SINGLE) {
      return 'single';
    }
    if (node.type === Scalar.QUOTE_DOUBLE) {
      return 'double';
    }
  }
  return 'plain';
}

interface ValueOptions {
  /** Format `value` as a scalar (plain if safe, else quoted); otherwise it is written verbatim. */
  readonly quoteValue?: boolean;
  /** Ignore the old quoting (booleans must be plain to stay booleans). */
  readonly forcePlain?: boolean;
}

/** A run of whole lines to remove from a block mapping: pairs on consecutive lines. */
interface LineRun {
  readonly start: number;
  /** The first removed key (where a `- ` prefix ends when the run starts on an item's line). */
  readonly keyStart: number;
  end: number;
  lastPair: Pair;
  readonly comments: string[];
  /** A `|+` scalar ends right above: blank lines below the run must go too. */
  keepsBlankLinesAbove?: boolean;
}

/** Collects edits against one text and knows how that text is laid out. */
export class EditBuilder {
  private readonly edits: TextEdit[] = [];
  private readonly layout: BlockLayout;

  constructor(
    private readonly text: string,
    analysis: PlanAnalysis,
  ) {
    this.layout = new BlockLayout(text, analysis);
  }

  /**
   * Edits sorted by offset, with touching edits merged so no two share an offset. Overlapping
   * deletions (two removed lines sharing a line break) become one; any other overlap is a bug.
   */
  finish(): TextEdit[] {
    const merged: TextEdit[] = [];
    for (const next of sortEdits(this.edits)) {
      const previous = merged[merged.length - 1];
      if (previous && next.start < previous.end) {
        if (previous.newText !== '' || next.newText !== '') {
          throw new Error('internal: overlapping edits');
        }
        merged[merged.length - 1] = { start: previous.start, end: Math.max(previous.end, next.end), newText: '' };
      } else if (previous && next.start === previous.end) {
        merged[merged.length - 1] = { start: previous.start, end: next.end, newText: previous.newText + next.newText };
      } else {
        merged.push(next);
      }
    }
    return merged;
  }

  /** Replaces (or fills in) the value of an existing pair, keeping the old quoting. */
  setValue(map: YAMLMap, pair: Pair, value: string, options: ValueOptions = {}): void {
    const context: ScalarContext = isFlow(map) ? 'flow' : 'block';
    const style = options.forcePlain ? 'plain' : quoteStyleOf(pair.value);
    const formatted = options.quoteValue || style !== 'plain' ? formatScalar(value, context, style) : value;
    const valueRange = rangeOf(pair.value);
    if (valueRange && valueRange[1] > valueRange[0]) {
      if (isBlockScalar(pair.value)) {
        // All its lines go (kept blank lines too: they were its value); its header comment stays.
        const headerComment = pairComments(this.text, pair)[0];
        this.replace(valueRange[0], lastLineEnd(this.text, pairEnd(this.text, pair)), headerComment ? `${formatted} ${headerComment}` : formatted);
      } else {
        this.replace(valueRange[0], pairEnd(this.text, pair), formatted);
      }
      return;
    }
    this.insert(this.afterColon(pair), ` ${formatted}`); // `key:` with nothing after it.
  }

  /** Adds `key: value` after `anchor` (block: on its own line; flow: before the closing brace). */
  insertPair(map: YAMLMap, anchor: Pair | undefined, key: string, value: string, options: ValueOptions = {}): void {
    const context: ScalarContext = isFlow(map) ? 'flow' : 'block';
    const formatted = options.quoteValue ? formatScalar(value, context) : value;
    if (isFlow(map)) {
      this.appendToFlowMap(map, `${key}: ${formatted}`);
    } else {
      this.insertLinesAfterPair(anchor ?? lastPair(map), [`${this.layout.blockIndent(map)}${key}: ${formatted}`]);
    }
  }

  /**
   * Deletes pairs of one mapping, all at once so that neighbours are handled together: whole
   * lines in block style (their end-of-line comments stay), `, key: value` in flow style.
   */
  removePairs(map: YAMLMap, pairs: readonly Pair[]): void {
    const removed = new Set(pairs);
    if (removed.size === 0) {
      return;
    }
    if (isFlow(map)) {
      this.removeFromFlowMap(map, removed);
      return;
    }
    for (const run of this.lineRuns(map, removed)) {
      this.removeLineRun(map, run, removed);
    }
  }

  /** Adds `tasks:` with one task at the end of a stage that has none. */
  insertTasksKey(stage: YAMLMap, title: string): void {
    if (isFlow(stage)) {
      this.appendToFlowMap(stage, `tasks: [${this.flowTask(title)}]`);
      return;
    }
    const indent = this.layout.blockIndent(stage);
    const itemIndent = indent + ' '.repeat(this.layout.sequenceIndentStep());
    this.insertLinesAfterPair(lastPair(stage), [`${indent}tasks:`, ...this.blockTaskLines(itemIndent, this.layout.itemKeyGap(), title)]);
  }

  /** Fills `tasks:` (present but empty, or an explicit null such as `~`) with one task. */
  fillEmptyTasks(stage: YAMLMap, tasksPair: Pair, title: string): void {
    if (isFlow(stage)) {
      this.setValue(stage, tasksPair, `[${this.flowTask(title)}]`);
      return;
    }
    const valueRange = rangeOf(tasksPair.value);
    if (valueRange && valueRange[1] > valueRange[0]) {
      this.replace(this.afterColon(tasksPair), pairEnd(this.text, tasksPair), ''); // ` ~` or ` null` goes.
    }
    const itemIndent = this.layout.blockIndent(stage) + ' '.repeat(this.layout.sequenceIndentStep());
    this.insertLinesAfterPair(tasksPair, this.blockTaskLines(itemIndent, this.layout.itemKeyGap(), title));
  }

  /** Appends a task to an existing `tasks` list in the list's own style. */
  appendTask(tasks: YAMLSeq, title: string): void {
    const last: unknown = tasks.items[tasks.items.length - 1];
    if (isFlow(tasks)) {
      const lastEnd = nodeEnd(this.text, last);
      if (lastEnd !== undefined) {
        this.insert(lastEnd, `, ${this.flowTask(title)}`);
      } else {
        this.insert((rangeOf(tasks)?.[0] ?? 0) + 1, this.flowTask(title)); // Right after `[`.
      }
      return;
    }
    const dashColumn = this.layout.dashColumn(tasks);
    const end = nodeEnd(this.text, last) ?? nodeEnd(this.text, tasks);
    if (dashColumn === undefined || end === undefined) {
      throw new Error('internal: the tasks list has no position');
    }
    const itemIndent = ' '.repeat(dashColumn);
    const lastStart = rangeOf(last)?.[0];
    const newItem =
      isMap(last) && isFlow(last)
        ? [`${itemIndent}- ${this.flowTask(title)}`]
        : this.blockTaskLines(itemIndent, isMap(last) && lastStart !== undefined ? this.layout.keyGapAfterDash(last, this.layout.dashOf(tasks, lastStart)) : DEFAULT_INDENT_STEP, title);
    this.insertLinesAfterEnd(end, newItem);
  }

  // -- primitives --

  private replace(start: number, end: number, newText: string): void {
    this.edits.push({ start, end, newText });
  }

  private insert(offset: number, newText: string): void {
    this.edits.push({ start: offset, end: offset, newText });
  }

  private flowTask(title: string): string {
    return `{title: ${formatScalar(title, 'flow')}, done: false}`;
  }

  private blockTaskLines(itemIndent: string, keyGap: number, title: string): string[] {
    const gap = ' '.repeat(Math.max(keyGap - 1, 1));
    return [`${itemIndent}-${gap}title: ${formatScalar(title, 'block')}`, `${itemIndent}${' '.repeat(1 + gap.length)}done: false`];
  }

  /** Just past the `:` after a pair's key. */
  private afterColon(pair: Pair): number {
    const keyEnd = rangeOf(pair.key)?.[1] ?? 0;
    const colon = this.text.indexOf(':', keyEnd);
    return colon >= 0 ? colon + 1 : keyEnd;
  }

  /** Inserts whole lines after the last line of `pair` (its value and end-of-line comment included). */
  private insertLinesAfterPair(pair: Pair | undefined, lines: readonly string[]): void {
    if (!pair) {
      throw new Error('internal: no pair to insert after');
    }
    this.insertLinesAfterEnd(pairEnd(this.text, pair), lines);
  }

  /**
   * Inserts whole lines after the line where text ending at `end` ends. The insertion goes
   * before that line's break, so the new lines share the line ending of the line they follow
   * and a last line without a break stays without one.
   */
  private insertLinesAfterEnd(end: number, lines: readonly string[]): void {
    const at = lastLineEnd(this.text, end);
    const eol = lineBreakAt(this.text, at) || dominantEol(this.text);
    this.insert(at, eol + lines.join(eol));
  }

  /** Removed pairs grouped into runs of consecutive lines, in document order. */
  private lineRuns(map: YAMLMap, removed: ReadonlySet<Pair>): LineRun[] {
    const runs: LineRun[] = [];
    for (const pair of map.items) {
      if (!removed.has(pair)) {
        continue;
      }
      const keyStart = rangeOf(pair.key)?.[0];
      if (keyStart === undefined) {
        throw new Error('internal: key without position');
      }
      const lineEnd = lastLineEnd(this.text, pairEnd(this.text, pair));
      const end = lineEnd + lineBreakAt(this.text, lineEnd).length;
      const start = lineStartOf(this.text, keyStart);
      const previous = runs[runs.length - 1];
      if (previous && previous.end === start) {
        previous.end = end;
        previous.lastPair = pair;
        for (const comment of pairComments(this.text, pair)) {
          previous.comments.push(comment);
        }
      } else {
        runs.push({ start, keyStart, end, lastPair: pair, comments: pairComments(this.text, pair) });
        this.guardKeptBlankLines(map, pair, runs[runs.length - 1]);
      }
    }
    return runs;
  }

  /**
   * A keep-chomping block scalar (`|+`) just above a removed run would take in the blank lines
   * below the run as part of its value: those lines go with the run (see `removeLineRun`).
   */
  private guardKeptBlankLines(map: YAMLMap, firstRemoved: Pair, run: LineRun): void {
    const previous = map.items[map.items.indexOf(firstRemoved) - 1];
    run.keepsBlankLinesAbove = previous !== undefined && pairEnd(this.text, previous) === run.start && endsWithKeptBlankLines(this.text, previous.value);
  }

  private removeLineRun(map: YAMLMap, run: LineRun, removed: ReadonlySet<Pair>): void {
    // Kept comments end the scalar where the run was, so then no blank line moves into it.
    if (run.keepsBlankLinesAbove && run.comments.length === 0) {
      run.end = skipBlankLines(this.text, run.end);
    }
    const prefix = this.text.slice(run.start, run.keyStart);
    const runLineEnd = lastLineEnd(this.text, run.end);
    const eol = lineBreakAt(this.text, runLineEnd) || dominantEol(this.text);
    if (/^[ \t]*$/.test(prefix)) {
      if (run.comments.length > 0) {
        // The lines go; their comments stay, each on its own line at the key's indentation.
        const kept = run.comments.map((comment) => prefix + comment).join(eol);
        this.replace(run.start, runLineEnd, kept);
      } else if (run.end === this.text.length && runLineEnd === run.end && run.start > 0) {
        // The last line, without a break: the breaks before it go (up to the last line with
        // text, or a blank line would end the file with a break), so none is gained.
        this.replace(endOfLastTextLineBefore(this.text, run.start), run.end, '');
      } else {
        this.replace(run.start, run.end, '');
      }
      return;
    }
    // The run starts on an item's line (`- started: ...`): the item's `-` must stay.
    const items = map.items;
    const next = items.slice(items.indexOf(run.lastPair) + 1).find((pair) => !removed.has(pair));
    const nextKeyStart = rangeOf(next?.key)?.[0];
    if (run.comments.length === 0 && nextKeyStart !== undefined && lineStartOf(this.text, nextKeyStart) === run.end) {
      this.replace(run.keyStart, nextKeyStart, ''); // Pull the next key up into the place after `- `.
      return;
    }
    const keyIndent = spacesFor(prefix);
    const [first, ...others] = run.comments;
    const kept = (first === undefined ? '' : ` ${first}`) + others.map((comment) => eol + keyIndent + comment).join('');
    this.replace(run.start + prefix.trimEnd().length, runLineEnd, kept); // `- ` alone; the keys below stay.
  }

  private appendToFlowMap(map: YAMLMap, entry: string): void {
    const last = lastPair(map);
    if (last) {
      this.insert(pairEnd(this.text, last), `, ${entry}`);
    } else {
      this.insert((rangeOf(map)?.[0] ?? 0) + 1, entry); // Right after `{`.
    }
  }

  /** Removes each run of adjacent removed pairs with one separator: `, a: 1, b: 2` or `a: 1, b: 2, `. */
  private removeFromFlowMap(map: YAMLMap, removed: ReadonlySet<Pair>): void {
    const items = map.items;
    const keyStart = (pair: Pair): number => {
      const start = rangeOf(pair.key)?.[0];
      if (start === undefined) {
        throw new Error('internal: key without position');
      }
      return start;
    };
    for (let first = 0; first < items.length; first++) {
      if (!removed.has(items[first])) {
        continue;
      }
      let last = first;
      while (last + 1 < items.length && removed.has(items[last + 1])) {
        last++;
      }
      if (first > 0) {
        this.replace(pairEnd(this.text, items[first - 1]), pairEnd(this.text, items[last]), '');
      } else if (last + 1 < items.length) {
        this.replace(keyStart(items[first]), keyStart(items[last + 1]), '');
      } else {
        this.replace(keyStart(items[first]), pairEnd(this.text, items[last]), '');
      }
      first = last;
    }
  }
}

/** The end of the last line before `lineStart` that is not blank (0 when there is none). */
function endOfLastTextLineBefore(text: string, lineStart: number): number {
  let end = lastLineEnd(text, lineStart);
  for (let start = lineStartOf(text, end); start > 0 && /^[ \t]*$/.test(text.slice(start, end)); start = lineStartOf(text, end)) {
    end = lastLineEnd(text, start);
  }
  return end;
}
