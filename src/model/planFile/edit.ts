// Changes to a plan as minimal text edits. The document is never re-serialized: we find
// the nodes `parse` read (their source ranges) and splice only the affected scalars or
// lines, so comments, quoting, indentation, line endings and key order stay exactly as the
// user wrote them. Every result is re-parsed and checked before it is returned, so a layout
// we did not foresee yields a clear refusal instead of a damaged file.
//
// Planning and checking are apart: `planRound` computes the splices from a reading the caller
// already has (the plan store's, for the exact text being edited) without parsing anything, and
// `runRound` parses the result once, to check it; that parse is the reading of the new text.
//
// This file plans each kind of change and checks its result; `yamlSplice` computes where the
// text goes, `textEdits` applies and combines the edits.

import * as l10n from '@vscode/l10n';
import { isScalar, isSeq, Pair, YAMLSeq } from 'yaml';
import { isIsoDate, localToday } from '../domain/dates';
import { isStageStatus, StageStatus, STAGE_STATUSES } from '../domain/statuses';
import { PlanChange, PlanEditStep, TUNING_METHODS, TuningMethod } from '../domain/types';
import { PlanAnalysis, presentValue, StageSource } from './analysis';
import { checkReading, Expectation } from './editCheck';
import { analyzePlan } from './parse';
import { applyEdits } from './textEdits';
import { EditResult, PlanDiagnosticCode, TextEdit } from './types';
import { EditBuilder, findPair } from './yamlSplice';

/** A plan text together with its reading: what changes are planned on. */
export interface ReadText {
  readonly text: string;
  readonly analysis: PlanAnalysis;
}

/** Changes planned on one reading, not yet checked: the edits, the text they make, what each changed stage must read. */
export interface PlannedRound {
  readonly ok: true;
  readonly edits: readonly TextEdit[];
  readonly text: string;
  readonly expectations: ReadonlyMap<string, Expectation>;
}

/** A checked round: its edits and the reading of the text they make (undefined when nothing changes). */
export type RoundResult = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly after: ReadText | undefined } | { readonly ok: false; readonly reason: string };

/** One change, read and checked: parses `text`, plans the change, parses the result to check it. */
export function edit(text: string, stageId: string, change: PlanChange): EditResult {
  const result = runRound({ text, analysis: analyzePlan(text) }, [{ stageId, change }]);
  return result.ok ? { ok: true, edits: result.edits } : result;
}

/**
 * Plans `steps` (on distinct stages) on a reading and checks the result: the one parse is of
 * the new text, and that parse is the reading handed back, so whoever shows the plan next has
 * it without parsing again. Never throws.
 */
export function runRound(before: ReadText, steps: readonly PlanEditStep[]): RoundResult {
  try {
    const planned = planRound(before, steps);
    if (!planned.ok) {
      return planned;
    }
    if (planned.edits.length === 0) {
      return { ok: true, edits: planned.edits, after: undefined };
    }
    const after = analyzePlan(planned.text);
    const verdict = checkReading(before.analysis, after, planned.expectations);
    return verdict ? refuse(l10n.t('The change was not made because the result would not read back correctly ({0}). Please edit the plan by hand.', verdict)) : { ok: true, edits: planned.edits, after: { text: planned.text, analysis: after } };
  } catch (error) {
    return refuseUnforeseen(error);
  }
}

/**
 * The splices for `steps` on a reading, without parsing anything: cheap at any plan size
 * (what the command path costs beyond the one parse that checks the result). Each stage may
 * be changed once per round (`editRounds` splits the steps). Throws on an internal error only.
 */
export function planRound(before: ReadText, steps: readonly PlanEditStep[]): PlannedRound | { readonly ok: false; readonly reason: string } {
  const { text, analysis } = before;
  const problem = unusablePlanReason(analysis);
  if (problem) {
    return refuse(problem);
  }
  const builder = new EditBuilder(text, analysis);
  const expectations = new Map<string, Expectation>();
  for (const { stageId, change } of steps) {
    const source = analysis.stageSources.find((candidate) => candidate.stage.id === stageId);
    if (!source) {
      return refuse(l10n.t('The plan has no stage with id "{0}".', stageId));
    }
    if (expectations.has(stageId)) {
      throw new Error('internal: one stage changed twice in one round');
    }
    const planned = planChange(builder, source, change);
    if (!planned.ok) {
      return planned;
    }
    expectations.set(stageId, planned.expectation);
  }
  const edits = builder.finish();
  return { ok: true, edits, text: edits.length === 0 ? text : applyEdits(text, edits), expectations };
}

/**
 * Steps grouped into rounds planned on one reading each: consecutive steps on distinct stages
 * share a round (Advance: complete one stage, start the next); a step on a stage the round
 * already changes starts a new one (Block: the status, then the reason as the note), since it
 * is planned on the text the earlier change makes.
 */
export function editRounds(steps: readonly PlanEditStep[]): PlanEditStep[][] {
  const rounds: PlanEditStep[][] = [];
  let stagesInRound = new Set<string>();
  for (const step of steps) {
    const current = rounds[rounds.length - 1];
    if (!current || stagesInRound.has(step.stageId)) {
      rounds.push([step]);
      stagesInRound = new Set([step.stageId]);
    } else {
      current.push(step);
      stagesInRound.add(step.stageId);
    }
  }
  return rounds;
}

function refuse(reason: string): { readonly ok: false; readonly reason: string } {
  return { ok: false, reason };
}

/** Defensive: an unforeseen layout must produce a refusal, never an exception in a command. */
export function refuseUnforeseen(error: unknown): { readonly ok: false; readonly reason: string } {
  const detail = error instanceof Error ? error.message : String(error);
  return refuse(l10n.t('The plan could not be changed automatically ({0}). Please edit it by hand.', detail));
}

/** Problems with the file as a whole, whose message already says why nothing can be changed. */
const WHOLE_FILE_PROBLEMS: ReadonlySet<PlanDiagnosticCode> = new Set<PlanDiagnosticCode>(['file-too-large', 'took-too-long', 'merge-conflict']);

function unusablePlanReason(analysis: PlanAnalysis): string | undefined {
  const wholeFile = analysis.diagnostics.find((diagnostic) => WHOLE_FILE_PROBLEMS.has(diagnostic.code));
  if (wholeFile) {
    return wholeFile.message;
  }
  const firstError = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (analysis.hasSyntaxErrors || !analysis.plan || !analysis.root) {
    return firstError
      ? l10n.t(
          'The plan file is not valid YAML or not a plan (line {0}: {1}). Fix it before changing stages from the extension.',
          firstError.range.start.line + 1,
          firstError.message,
        )
      : l10n.t('The plan file is not valid YAML or not a plan. Fix it before changing stages from the extension.');
  }
  return undefined;
}

// ---- change planning ----------------------------------------------------------------------

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
    case 'method':
      return planMethod(builder, source, change.method);
    default:
      return { ok: false, reason: l10n.t('Unknown kind of change: {0}.', JSON.stringify((change as { kind?: unknown }).kind)) };
  }
}

function planStatus(builder: EditBuilder, source: StageSource, status: StageStatus, today: string | undefined): Planned {
  if (!isStageStatus(status)) {
    return { ok: false, reason: l10n.t('"{0}" is not a status; use one of {1}.', String(status), STAGE_STATUSES.join(', ')) };
  }
  const date = today ?? localToday();
  if (!isIsoDate(date)) {
    return { ok: false, reason: l10n.t('"{0}" is not a date written YYYY-MM-DD.', date) };
  }
  const map = source.node;
  const statusPair = findPair(map, 'status');
  const written = statusPair ? presentValue(statusPair) : undefined;
  const unchanged = written ? isScalar(written) && written.value === status : status === 'not-started';
  if (unchanged) {
    return { ok: true, expectation: (before) => before };
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
  // `blocked:` dates the block (the advisor counts from it); any other status ends the block.
  const blockedPair = findPair(map, 'blocked');
  let insertedStarted = false;
  if (status === 'in-progress') {
    if (!startedPair) {
      builder.insertPair(map, statusAnchor, 'started', date);
      insertedStarted = true;
    } else if (!presentValue(startedPair)) {
      builder.setValue(map, startedPair, date);
      insertedStarted = true;
    }
    // Together, so that neighbouring keys are removed as one run (with one separator in flow style).
    builder.removePairs(map, [completedPair, blockedPair].filter((pair): pair is Pair => pair !== undefined));
  } else if (status === 'done') {
    if (completedPair) {
      builder.setValue(map, completedPair, date);
    } else {
      builder.insertPair(map, startedPair ?? statusAnchor, 'completed', date);
    }
    if (blockedPair) {
      builder.removePairs(map, [blockedPair]);
    }
  } else if (status === 'not-started') {
    builder.removePairs(map, [startedPair, completedPair, blockedPair].filter((pair): pair is Pair => pair !== undefined));
  } else if (status === 'blocked') {
    if (blockedPair) {
      builder.setValue(map, blockedPair, date);
    } else {
      builder.insertPair(map, completedPair ?? startedPair ?? statusAnchor, 'blocked', date);
    }
  } else if (blockedPair) {
    builder.removePairs(map, [blockedPair]);
  }
  return {
    ok: true,
    expectation: (before) => {
      switch (status) {
        case 'in-progress':
          return { ...before, status, started: insertedStarted ? date : before.started, completed: undefined, blocked: undefined };
        case 'done':
          return { ...before, status, completed: date, blocked: undefined };
        case 'not-started':
          return { ...before, status, started: undefined, completed: undefined, blocked: undefined };
        case 'blocked':
          return { ...before, status, blocked: date };
        default:
          return { ...before, status, blocked: undefined };
      }
    },
  };
}

function planNote(builder: EditBuilder, source: StageSource, note: string): Planned {
  if (typeof note !== 'string') {
    return { ok: false, reason: l10n.t('A note must be text.') };
  }
  const map = source.node;
  const notePair = findPair(map, 'note');
  const clearing = note.trim() === '';
  if (clearing) {
    // An empty note means "no note": drop the key rather than write `note: ""`.
    if (notePair) {
      builder.removePairs(map, [notePair]);
    }
  } else if (source.stage.note === note && notePair) {
    return { ok: true, expectation: (before) => before };
  } else if (notePair) {
    builder.setValue(map, notePair, note, { quoteValue: true });
  } else {
    builder.insertPair(map, findPair(map, 'status') ?? findPair(map, 'id'), 'note', note, { quoteValue: true });
  }
  return { ok: true, expectation: (before) => ({ ...before, note: clearing ? undefined : note }) };
}

/** Sets `method:`, or inserts it after the stage's other estimate keys (else after status or id). */
function planMethod(builder: EditBuilder, source: StageSource, method: TuningMethod): Planned {
  if (!(TUNING_METHODS as readonly string[]).includes(method)) {
    return { ok: false, reason: l10n.t('"{0}" is not a method; use one of {1}.', String(method), TUNING_METHODS.join(', ')) };
  }
  const map = source.node;
  const methodPair = findPair(map, 'method');
  const written = methodPair ? presentValue(methodPair) : undefined;
  if (written && isScalar(written) && written.value === method) {
    return { ok: true, expectation: (before) => before };
  }
  if (methodPair) {
    builder.setValue(map, methodPair, method);
  } else {
    const anchor = findPair(map, 'trainable') ?? findPair(map, 'precision') ?? findPair(map, 'status') ?? findPair(map, 'id');
    builder.insertPair(map, anchor, 'method', method);
  }
  return { ok: true, expectation: (before) => ({ ...before, method }) };
}

function planToggleTask(builder: EditBuilder, source: StageSource, taskIndex: number, done: boolean | undefined): Planned {
  const tasks = source.stage.tasks;
  if (!Number.isInteger(taskIndex) || taskIndex < 0 || taskIndex >= tasks.length) {
    const reason =
      tasks.length === 1
        ? l10n.t('Stage "{0}" has 1 task; there is no task at index {1}.', source.stage.id, String(taskIndex))
        : l10n.t('Stage "{0}" has {1} tasks; there is no task at index {2}.', source.stage.id, tasks.length, String(taskIndex));
    return { ok: false, reason };
  }
  const target = done ?? !tasks[taskIndex].done;
  const taskNode = source.taskNodes[taskIndex];
  const donePair = findPair(taskNode, 'done');
  const written = donePair ? presentValue(donePair) : undefined;
  const current = written && isScalar(written) ? written.value : undefined;
  if (current === target || (!written && !target)) {
    return { ok: true, expectation: (before) => before };
  }
  if (donePair) {
    builder.setValue(taskNode, donePair, String(target), { forcePlain: true });
  } else {
    builder.insertPair(taskNode, findPair(taskNode, 'title'), 'done', String(target));
  }
  return {
    ok: true,
    expectation: (before) => ({ ...before, tasks: before.tasks.map((task, index) => (index === taskIndex ? { ...task, done: target } : task)) }),
  };
}

function planAddTask(builder: EditBuilder, source: StageSource, title: string): Planned {
  if (typeof title !== 'string' || title.trim() === '') {
    return { ok: false, reason: l10n.t('A task needs a title.') };
  }
  const map = source.node;
  const tasksPair = findPair(map, 'tasks');
  const tasksValue = tasksPair ? presentValue(tasksPair) : undefined;
  if (tasksPair && tasksValue && !isSeq(tasksValue)) {
    return { ok: false, reason: l10n.t('The `tasks` of stage "{0}" is not a list; fix it before adding tasks.', source.stage.id) };
  }
  if (!tasksPair) {
    builder.insertTasksKey(map, title);
  } else if (!tasksValue) {
    builder.fillEmptyTasks(map, tasksPair, title);
  } else {
    builder.appendTask(tasksValue as YAMLSeq, title);
  }
  return { ok: true, expectation: (before) => ({ ...before, tasks: [...before.tasks, { title, done: false }] }) };
}
