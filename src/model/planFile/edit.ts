// Changes to a plan as minimal text edits. The document is never re-serialized: we find
// the nodes `parse` read (their source ranges) and splice only the affected scalars or
// lines, so comments, quoting, indentation, line endings and key order stay exactly as the
// user wrote them. Every result is re-parsed and checked before it is returned, so a layout
// we did not foresee yields a clear refusal instead of a damaged file.

import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isStageStatus, StageStatus, STAGE_STATUSES } from '../domain/statuses';
import { PlanChange, PlanStage } from '../domain/types';
import { analyzePlan, isIsoDate, PlanAnalysis, presentValue, StageSource, YamlNode } from './parse';
import { formatScalar, QuoteStyle, ScalarContext } from './scalar';
import { detectEol, Eol, lineEndOf, lineStartOf, skipLineBreak, trimEndWhitespace } from './text';
import { EditResult, TextEdit } from './types';

/** Indentation used when the file offers nothing to copy. */
const DEFAULT_INDENT_STEP = 2;

export function edit(text: string, stageId: string, change: PlanChange): EditResult {
  try {
    return editChecked(text, stageId, change);
  } catch (error) {
    // Defensive: an unforeseen layout must produce a refusal, never an exception in a command.
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`The plan could not be changed automatically (${detail}). Please edit it by hand.`);
  }
}

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

/** Today's local date as YYYY-MM-DD (the date the user sees on their calendar). */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function refuse(reason: string): EditResult {
  return { ok: false, reason };
}

function editChecked(text: string, stageId: string, change: PlanChange): EditResult {
  const analysis = analyzePlan(text);
  const problem = unusablePlanReason(analysis);
  if (problem) {
    return refuse(problem);
  }
  const source = analysis.stageSources.find((candidate) => candidate.stage.id === stageId);
  if (!source) {
    return refuse(`The plan has no stage with id "${stageId}".`);
  }
  const builder = new EditBuilder(text, analysis);
  const planned = planChange(builder, source, change);
  if (!planned.ok) {
    return planned;
  }
  const edits = builder.finish();
  if (edits.length === 0) {
    return { ok: true, edits };
  }
  const verdict = verify(analysis, applyEdits(text, edits), source.stage, planned.expectation);
  return verdict ? refuse(`The change was not made because the result would not read back correctly (${verdict}). Please edit the plan by hand.`) : { ok: true, edits };
}

function unusablePlanReason(analysis: PlanAnalysis): string | undefined {
  const firstError = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (analysis.hasSyntaxErrors || !analysis.plan || !analysis.root) {
    const where = firstError ? ` (line ${firstError.range.start.line + 1}: ${firstError.message})` : '';
    return `The plan file is not valid YAML or not a plan${where}. Fix it before changing stages from the extension.`;
  }
  return undefined;
}

// ---- change planning ----------------------------------------------------------------------

/** What the edited plan must say about the stage, checked after re-parsing. */
type Expectation = (stage: PlanStage, before: PlanStage) => string | undefined;

type Planned = { readonly ok: true; readonly expectation: Expectation } | { readonly ok: false; readonly reason: string };

function planChange(builder: EditBuilder, source: StageSource, change: PlanChange): Planned {
  switch (change.kind) {
    case 'status':
      return planStatus(builder, source, change.status, change.today);
    case 'note':
      return planNote(builder, source, change.note);
    case 'toggle-task':
      return planToggleTask(builder, source, change.taskIndex, change.done);
    case 'add-task':
      return planAddTask(builder, source, change.title);
    default:
      return { ok: false, reason: `Unknown kind of change: ${JSON.stringify((change as { kind?: unknown }).kind)}.` };
  }
}

function planStatus(builder: EditBuilder, source: StageSource, status: StageStatus, today: string | undefined): Planned {
  if (!isStageStatus(status)) {
    return { ok: false, reason: `"${String(status)}" is not a status; use one of ${STAGE_STATUSES.join(', ')}.` };
  }
  const date = today ?? localToday();
  if (!isIsoDate(date)) {
    return { ok: false, reason: `"${date}" is not a date written YYYY-MM-DD.` };
  }
  const map = source.node;
  const statusPair = findPair(map, 'status');
  const written = statusPair ? presentValue(statusPair) : undefined;
  const unchanged = written ? isScalar(written) && written.value === status : status === 'not-started';
  if (unchanged) {
    return { ok: true, expectation: () => undefined };
  }
  // Where new date keys go when the status key itself is being inserted (it lands after `id`).
  const statusAnchor = statusPair ?? findPair(map, 'id');
  if (statusPair) {
    builder.setValue(map, statusPair, status);
  } else {
    builder.insertPair(map, findPair(map, 'id'), 'status', status);
  }
  const startedPair = findPair(map, 'started');
  const completedPair = findPair(map, 'completed');
  let insertedStarted = false;
  if (status === 'in-progress') {
    if (!startedPair) {
      builder.insertPair(map, statusAnchor, 'started', date);
      insertedStarted = true;
    } else if (!presentValue(startedPair)) {
      builder.setValue(map, startedPair, date);
      insertedStarted = true;
    }
    if (completedPair) {
      builder.removePair(map, completedPair);
    }
  } else if (status === 'done') {
    if (completedPair) {
      builder.setValue(map, completedPair, date);
    } else {
      builder.insertPair(map, startedPair ?? statusAnchor, 'completed', date);
    }
  } else if (status === 'not-started') {
    for (const pair of [startedPair, completedPair]) {
      if (pair) {
        builder.removePair(map, pair);
      }
    }
  }
  return {
    ok: true,
    expectation: (stage) => {
      if (stage.status !== status) {
        return `status reads "${stage.status}"`;
      }
      if (insertedStarted && stage.started !== date) {
        return 'started date missing';
      }
      if ((status === 'in-progress' || status === 'not-started') && stage.completed !== undefined) {
        return 'completed date still present';
      }
      if (status === 'not-started' && stage.started !== undefined) {
        return 'started date still present';
      }
      if (status === 'done' && stage.completed !== date) {
        return 'completed date missing';
      }
      return undefined;
    },
  };
}

function planNote(builder: EditBuilder, source: StageSource, note: string): Planned {
  if (typeof note !== 'string') {
    return { ok: false, reason: 'A note must be text.' };
  }
  const map = source.node;
  const notePair = findPair(map, 'note');
  const clearing = note.trim() === '';
  if (clearing) {
    // An empty note means "no note": drop the key rather than write `note: ""`.
    if (notePair) {
      builder.removePair(map, notePair);
    }
  } else if (source.stage.note === note && notePair) {
    return { ok: true, expectation: () => undefined };
  } else if (notePair) {
    builder.setValue(map, notePair, note, { quoteValue: true });
  } else {
    builder.insertPair(map, findPair(map, 'status') ?? findPair(map, 'id'), 'note', note, { quoteValue: true });
  }
  const expected = clearing ? undefined : note;
  return { ok: true, expectation: (stage) => (stage.note === expected ? undefined : 'note does not read back') };
}

function planToggleTask(builder: EditBuilder, source: StageSource, taskIndex: number, done: boolean | undefined): Planned {
  const tasks = source.stage.tasks;
  if (!Number.isInteger(taskIndex) || taskIndex < 0 || taskIndex >= tasks.length) {
    const count = tasks.length === 1 ? '1 task' : `${tasks.length} tasks`;
    return { ok: false, reason: `Stage "${source.stage.id}" has ${count}; there is no task at index ${String(taskIndex)}.` };
  }
  const target = done ?? !tasks[taskIndex].done;
  const taskNode = source.taskNodes[taskIndex];
  const donePair = findPair(taskNode, 'done');
  const written = donePair ? presentValue(donePair) : undefined;
  const current = written && isScalar(written) ? written.value : undefined;
  if (current === target || (!written && !target)) {
    return { ok: true, expectation: () => undefined };
  }
  if (donePair) {
    builder.setValue(taskNode, donePair, String(target), { forcePlain: true });
  } else {
    builder.insertPair(taskNode, findPair(taskNode, 'title'), 'done', String(target));
  }
  return {
    ok: true,
    expectation: (stage, before) => {
      const task = stage.tasks[taskIndex];
      if (stage.tasks.length !== before.tasks.length || task?.title !== before.tasks[taskIndex].title) {
        return 'tasks changed';
      }
      return task.done === target ? undefined : 'task state does not read back';
    },
  };
}

function planAddTask(builder: EditBuilder, source: StageSource, title: string): Planned {
  if (typeof title !== 'string' || title.trim() === '') {
    return { ok: false, reason: 'A task needs a title.' };
  }
  const map = source.node;
  const tasksPair = findPair(map, 'tasks');
  const tasksValue = tasksPair ? presentValue(tasksPair) : undefined;
  if (tasksPair && tasksValue && !isSeq(tasksValue)) {
    return { ok: false, reason: `The \`tasks\` of stage "${source.stage.id}" is not a list; fix it before adding tasks.` };
  }
  if (!tasksPair) {
    builder.insertTasksKey(map, title);
  } else if (!tasksValue) {
    builder.fillEmptyTasks(map, tasksPair, title);
  } else {
    builder.appendTask(tasksValue as YAMLSeq, title);
  }
  return {
    ok: true,
    expectation: (stage, before) => {
      const added = stage.tasks[stage.tasks.length - 1];
      if (stage.tasks.length !== before.tasks.length + 1 || added.title !== title || added.done) {
        return 'the new task does not read back';
      }
      return undefined;
    },
  };
}

// ---- verification -----------------------------------------------------------------------

/** Re-parses the edited text; returns why it is wrong, or undefined when it is right. */
function verify(before: PlanAnalysis, editedText: string, stageBefore: PlanStage, expectation: Expectation): string | undefined {
  const after = analyzePlan(editedText);
  if (after.hasSyntaxErrors || !after.plan || !before.plan) {
    return 'YAML error';
  }
  if (after.diagnostics.length > before.diagnostics.length) {
    return 'new problems';
  }
  const stagesBefore = before.plan.stages;
  const stagesAfter = after.plan.stages;
  if (stagesAfter.length !== stagesBefore.length) {
    return 'stage count changed';
  }
  for (let index = 0; index < stagesBefore.length; index++) {
    const [old, now] = [stagesBefore[index], stagesAfter[index]];
    if (old.id !== now.id) {
      return 'stage order changed';
    }
    if (old.id !== stageBefore.id && !sameStageContent(old, now)) {
      return `stage "${old.id}" changed`;
    }
  }
  const stageAfter = stagesAfter.find((stage) => stage.id === stageBefore.id);
  return stageAfter ? expectation(stageAfter, stageBefore) : 'stage missing';
}

function sameStageContent(a: PlanStage, b: PlanStage): boolean {
  return (
    a.title === b.title &&
    a.status === b.status &&
    a.note === b.note &&
    a.started === b.started &&
    a.completed === b.completed &&
    a.tasks.length === b.tasks.length &&
    a.tasks.every((task, index) => task.title === b.tasks[index].title && task.done === b.tasks[index].done)
  );
}

// ---- yaml node helpers --------------------------------------------------------------------

/** The first pair whose key is the plain string `key`. */
function findPair(map: YAMLMap, key: string): Pair | undefined {
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
class EditBuilder {
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

/** Edits by start offset; at one offset, insertions first, otherwise in the given order. */
function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
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

export interface PlanEditStep {
  readonly stageId: string;
  readonly change: PlanChange;
}

/**
 * Several changes as one set of edits against the original `text`, so a command that changes
 * two things (block with a reason, advance to the next stage) is one undo step. Each step is
 * computed on the result of the previous ones and mapped back to original offsets; where two
 * steps touch the same spot, the steps collapse into one replacement of the changed span.
 */
export function editSequence(text: string, steps: readonly PlanEditStep[]): EditResult {
  let current = text;
  let combined: TextEdit[] = [];
  let mappable = true;
  for (const step of steps) {
    const result = edit(current, step.stageId, step.change);
    if (!result.ok) {
      return result;
    }
    if (mappable) {
      const mapped = result.edits.map((textEdit) => mapToOriginal(textEdit, combined));
      if (mapped.every((textEdit): textEdit is TextEdit => textEdit !== undefined)) {
        combined = sortEdits([...combined, ...mapped]);
      } else {
        mappable = false;
      }
    }
    current = applyEdits(current, result.edits);
  }
  return { ok: true, edits: mappable ? combined : spanDiff(text, current) };
}

/** An edit on the text after `earlier` as an edit on the original, or undefined if it touches them. */
function mapToOriginal(textEdit: TextEdit, earlier: readonly TextEdit[]): TextEdit | undefined {
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
function spanDiff(before: string, after: string): TextEdit[] {
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
