// The YAML splicing behind every plan change: given the nodes `parse` read, where a value, a
// key or a task goes in the text and how the file's own layout (block or flow style,
// indentation, quoting, line endings) is copied. Produces text edits; never re-serializes.

import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { PlanAnalysis, YamlNode } from './analysis';
import { formatScalar, QuoteStyle, ScalarContext } from './scalar';
import { detectEol, Eol, lineEndOf, lineStartOf, skipLineBreak, trimEndWhitespace } from './text';
import { sortEdits } from './textEdits';
import { TextEdit } from './types';

/** Indentation used when the file offers nothing to copy. */
const DEFAULT_INDENT_STEP = 2;

// ---- yaml node helpers --------------------------------------------------------------------

/** The first pair whose key is the plain string `key`. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ?? undefined;
}

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

function isFlow(collection: YAMLMap | YAMLSeq): boolean {
  return collection.flow === true;
}

// ---- text surgery -----------------------------------------------------------------------

interface ValueOptions {
  /** Format `value` as a scalar (plain if safe, else quoted); otherwise it is written verbatim. */
  readonly quoteValue?: boolean;
  /** Ignore the old quoting (booleans must be plain to stay booleans). */
  readonly forcePlain?: boolean;
}

/** Collects edits against one text and knows how that text is laid out. */
export class EditBuilder {
  private readonly edits: TextEdit[] = [];
  private readonly eol: Eol;

  constructor(
    private readonly text: string,
    private readonly analysis: PlanAnalysis,
  ) {
    this.eol = detectEol(text);
  }

  /** Edits sorted by offset, with touching edits merged so no two share an offset. */
  finish(): TextEdit[] {
    const merged: TextEdit[] = [];
    for (const next of sortEdits(this.edits)) {
      const previous = merged[merged.length - 1];
      if (previous && next.start < previous.end) {
        throw new Error('internal: overlapping edits');
      }
      if (previous && next.start === previous.end) {
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
      this.replace(valueRange[0], trimEndWhitespace(this.text, valueRange[0], valueRange[1]), formatted);
      return;
    }
    // `key:` with nothing after it: write the value right after the colon.
    const keyEnd = rangeOf(pair.key)?.[1] ?? 0;
    const colon = this.text.indexOf(':', keyEnd);
    const at = colon >= 0 ? colon + 1 : keyEnd;
    this.insert(at, ` ${formatted}`);
  }

  /** Adds `key: value` after `anchor` (block: on its own line; flow: before the closing brace). */
  insertPair(map: YAMLMap, anchor: Pair | undefined, key: string, value: string, options: ValueOptions = {}): void {
    const context: ScalarContext = isFlow(map) ? 'flow' : 'block';
    const formatted = options.quoteValue ? formatScalar(value, context) : value;
    if (isFlow(map)) {
      this.appendToFlowMap(map, `${key}: ${formatted}`);
    } else {
      this.insertLinesAfter(anchor ?? lastPair(map), [`${this.blockIndent(map)}${key}: ${formatted}`]);
    }
  }

  /** Deletes a pair: its whole line in block style, `, key: value` in flow style. */
  removePair(map: YAMLMap, pair: Pair): void {
    if (isFlow(map)) {
      this.removeFromFlowMap(pair);
    } else {
      this.removeBlockPair(map, pair);
    }
  }

  /** Adds `tasks:` with one task at the end of a stage that has none. */
  insertTasksKey(stage: YAMLMap, title: string): void {
    if (isFlow(stage)) {
      this.appendToFlowMap(stage, `tasks: [${this.flowTask(title)}]`);
      return;
    }
    const indent = this.blockIndent(stage);
    const itemIndent = indent + ' '.repeat(this.sequenceIndentStep());
    this.insertLinesAfter(lastPair(stage), [`${indent}tasks:`, ...this.blockTaskLines(itemIndent, this.itemKeyGap(), title)]);
  }

  /** Fills `tasks:` (present but empty) with one task. */
  fillEmptyTasks(stage: YAMLMap, tasksPair: Pair, title: string): void {
    if (isFlow(stage)) {
      this.setValue(stage, tasksPair, `[${this.flowTask(title)}]`);
      return;
    }
    const itemIndent = this.blockIndent(stage) + ' '.repeat(this.sequenceIndentStep());
    this.insertLinesAfter(tasksPair, this.blockTaskLines(itemIndent, this.itemKeyGap(), title));
  }

  /** Appends a task to an existing `tasks` list in the list's own style. */
  appendTask(tasks: YAMLSeq, title: string): void {
    const last = tasks.items[tasks.items.length - 1];
    if (isFlow(tasks)) {
      const start = rangeOf(tasks)?.[0] ?? 0;
      const lastRange = rangeOf(last);
      if (lastRange) {
        this.insert(trimEndWhitespace(this.text, lastRange[0], lastRange[1]), `, ${this.flowTask(title)}`);
      } else {
        this.insert(start + 1, this.flowTask(title)); // Right after `[`.
      }
      return;
    }
    const lastRange = rangeOf(last) ?? rangeOf(tasks);
    if (!lastRange) {
      throw new Error('internal: the tasks list has no position');
    }
    const dash = this.dashBefore(lastRange[0]);
    const itemIndent = spacesFor(this.text.slice(lineStartOf(this.text, dash), dash));
    const newItem =
      isMap(last) && isFlow(last)
        ? [`${itemIndent}- ${this.flowTask(title)}`]
        : this.blockTaskLines(itemIndent, isMap(last) ? this.keyGapAfterDash(last, dash) : DEFAULT_INDENT_STEP, title);
    this.insertLinesAtLineAfter(trimEndWhitespace(this.text, lastRange[0], lastRange[1]), newItem);
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

  /** Inserts whole lines after the line where `pair` ends (its value, comment included). */
  private insertLinesAfter(pair: Pair | undefined, lines: readonly string[]): void {
    if (!pair) {
      throw new Error('internal: no pair to insert after');
    }
    this.insertLinesAtLineAfter(this.pairContentEnd(pair), lines);
  }

  /** Inserts whole lines after the line containing `offset`, using the file's line ending. */
  private insertLinesAtLineAfter(offset: number, lines: readonly string[]): void {
    const lineEnd = lineEndOf(this.text, offset);
    const body = lines.join(this.eol);
    if (lineEnd >= this.text.length) {
      this.insert(lineEnd, this.eol + body); // Last line without a line break: keep it that way.
    } else {
      this.insert(skipLineBreak(this.text, lineEnd), body + this.eol);
    }
  }

  private removeBlockPair(map: YAMLMap, pair: Pair): void {
    const keyStart = rangeOf(pair.key)?.[0];
    if (keyStart === undefined) {
      throw new Error('internal: key without position');
    }
    const lineStart = lineStartOf(this.text, keyStart);
    if (/^[ \t]*$/.test(this.text.slice(lineStart, keyStart))) {
      // The whole line with its break. (On a last line without a break the previous line's
      // break stays: taking it would collide with an insertion at this line's start.)
      const end = skipLineBreak(this.text, lineEndOf(this.text, this.pairContentEnd(pair)));
      this.replace(lineStart, end, '');
      return;
    }
    // The key shares its line with `- `: pull the next key up into its place.
    const next = map.items[map.items.indexOf(pair) + 1];
    const nextKeyStart = next ? rangeOf(next.key)?.[0] : undefined;
    if (nextKeyStart === undefined) {
      throw new Error('internal: cannot remove the only key of a mapping');
    }
    this.replace(keyStart, nextKeyStart, '');
  }

  private appendToFlowMap(map: YAMLMap, entry: string): void {
    const last = lastPair(map);
    if (last) {
      this.insert(this.pairContentEnd(last), `, ${entry}`);
    } else {
      this.insert((rangeOf(map)?.[0] ?? 0) + 1, entry); // Right after `{`.
    }
  }

  private removeFromFlowMap(pair: Pair): void {
    const keyStart = rangeOf(pair.key)?.[0];
    if (keyStart === undefined) {
      throw new Error('internal: key without position');
    }
    const contentEnd = this.pairContentEnd(pair);
    const afterValue = skipSpaces(this.text, contentEnd);
    if (this.text[afterValue] === ',') {
      this.replace(keyStart, skipSpaces(this.text, afterValue + 1), ''); // `key: value, ` goes.
      return;
    }
    let beforeKey = keyStart;
    while (beforeKey > 0 && /[ \t\r\n]/.test(this.text[beforeKey - 1])) {
      beforeKey--;
    }
    const start = this.text[beforeKey - 1] === ',' ? beforeKey - 1 : keyStart; // `, key: value` goes.
    this.replace(start, contentEnd, '');
  }

  // -- layout facts --

  /** Where a pair's last meaningful character ends (trailing comments and breaks excluded). */
  private pairContentEnd(pair: Pair): number {
    const keyRange = rangeOf(pair.key);
    const valueRange = rangeOf(pair.value);
    if (valueRange && valueRange[1] > valueRange[0]) {
      return trimEndWhitespace(this.text, valueRange[0], valueRange[1]);
    }
    if (valueRange) {
      return Math.max(valueRange[0], keyRange?.[1] ?? 0); // `key:` with an empty value.
    }
    return keyRange?.[1] ?? 0;
  }

  /** The indentation of a block mapping's keys, copied from a key that starts its own line. */
  private blockIndent(map: YAMLMap): string {
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
    // Only the key after `- ` exists: indent by the same column, in spaces.
    return spacesFor(firstKeyPrefix ?? '');
  }

  /** The `-` that introduces the block sequence item starting at `itemStart`. */
  private dashBefore(itemStart: number): number {
    let cursor = itemStart;
    while (cursor > 0 && this.text[cursor] !== '-') {
      cursor--;
    }
    return cursor;
  }

  /** Columns from an item's `-` to its first key (`- id` = 2, `-   id` = 4). */
  private keyGapAfterDash(item: YAMLMap, dash: number): number {
    const keyStart = rangeOf(item.items[0]?.key)?.[0];
    if (keyStart === undefined || lineStartOf(this.text, keyStart) !== lineStartOf(this.text, dash)) {
      return DEFAULT_INDENT_STEP;
    }
    return keyStart - dash;
  }

  /** The `- key` gap the file uses for stages, reused for new task items. */
  private itemKeyGap(): number {
    const stages = this.analysis.stagesNode;
    const first = stages?.items[0];
    const firstStart = rangeOf(first)?.[0];
    if (!stages || isFlow(stages) || !isMap(first) || firstStart === undefined) {
      return DEFAULT_INDENT_STEP;
    }
    return this.keyGapAfterDash(first, this.dashBefore(firstStart));
  }

  /**
   * How far a new block sequence is indented under its key: copied from another stage's
   * `tasks`, else from `stages` itself (0 for the indentless `stages:\n- id: x` style).
   */
  private sequenceIndentStep(): number {
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
    const sequenceStart = rangeOf(sequence)?.[0];
    if (isFlow(sequence) || keyStart === undefined || sequenceStart === undefined || sequence.items.length === 0) {
      return undefined;
    }
    const keyColumn = keyStart - lineStartOf(this.text, keyStart);
    const dashColumn = sequenceStart - lineStartOf(this.text, sequenceStart);
    const step = dashColumn - keyColumn;
    return step >= 0 ? step : undefined;
  }
}

function lastPair(map: YAMLMap): Pair | undefined {
  return map.items[map.items.length - 1];
}

/** Same width as `prefix`, in spaces (a `- ` prefix becomes two spaces). */
function spacesFor(prefix: string): string {
  return ' '.repeat(prefix.length);
}

function skipSpaces(text: string, offset: number): number {
  let cursor = offset;
  while (cursor < text.length && (text[cursor] === ' ' || text[cursor] === '\t')) {
    cursor++;
  }
  return cursor;
}
