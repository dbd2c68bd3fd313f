// Changes to a plan as minimal text edits. The document is never re-serialized: we find
// the nodes `parse` read (their source ranges) and splice only the affected scalars or
// lines, so comments, quoting, indentation, line endings and key order stay exactly as the
// user wrote them. Every result is re-parsed and checked before it is returned, so a layout
// we did not foresee yields a clear refusal instead of a damaged file.
//
// This file plans each kind of change and checks its result; `yamlSplice` computes where the
// text goes, `textEdits` applies and combines the edits.

import { isScalar, isSeq, Pair, YAMLSeq } from 'yaml';
import { isIsoDate, localToday } from '../domain/dates';
import { isStageStatus, StageStatus, STAGE_STATUSES } from '../domain/statuses';
import { PlanChange, TUNING_METHODS, TuningMethod } from '../domain/types';
import { PlanAnalysis, presentValue, StageSource } from './analysis';
import { checkEdit, Expectation } from './editCheck';
import { analyzePlan } from './parse';
import { applyEdits } from './textEdits';
import { EditResult, PlanDiagnosticCode } from './types';
import { EditBuilder, findPair } from './yamlSplice';

export function edit(text: string, stageId: string, change: PlanChange): EditResult {
  try {
    return editChecked(text, stageId, change);
  } catch (error) {
    // Defensive: an unforeseen layout must produce a refusal, never an exception in a command.
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`The plan could not be changed automatically (${detail}). Please edit it by hand.`);
  }
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
  const verdict = checkEdit(analysis, applyEdits(text, edits), source.stage.id, planned.expectation);
  return verdict ? refuse(`The change was not made because the result would not read back correctly (${verdict}). Please edit the plan by hand.`) : { ok: true, edits };
}

/** Problems with the file as a whole, whose message already says why nothing can be changed. */
const WHOLE_FILE_PROBLEMS: ReadonlySet<PlanDiagnosticCode> = new Set<PlanDiagnosticCode>(['file-too-large', 'merge-conflict']);

function unusablePlanReason(analysis: PlanAnalysis): string | undefined {
  const wholeFile = analysis.diagnostics.find((diagnostic) => WHOLE_FILE_PROBLEMS.has(diagnostic.code));
  if (wholeFile) {
    return wholeFile.message;
  }
  const firstError = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (analysis.hasSyntaxErrors || !analysis.plan || !analysis.root) {
    const where = firstError ? ` (line ${firstError.range.start.line + 1}: ${firstError.message})` : '';
    return `The plan file is not valid YAML or not a plan${where}. Fix it before changing stages from the extension.`;
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
    return { ok: false, reason: 'A note must be text.' };
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
    return { ok: false, reason: `"${String(method)}" is not a method; use one of ${TUNING_METHODS.join(', ')}.` };
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
    const count = tasks.length === 1 ? '1 task' : `${tasks.length} tasks`;
    return { ok: false, reason: `Stage "${source.stage.id}" has ${count}; there is no task at index ${String(taskIndex)}.` };
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
  return { ok: true, expectation: (before) => ({ ...before, tasks: [...before.tasks, { title, done: false }] }) };
}
