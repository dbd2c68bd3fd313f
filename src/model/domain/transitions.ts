// What Advance and Block change, and whether a stage's status lets an action be taken: decided
// here on plain data by the status table, so a command only asks, calls these and writes.

import * as l10n from '@vscode/l10n';
import { currentStage, nextStageAfter } from './progress';
import { actionFor, isActionAllowed, STAGE_ACTION_SPECS, STATUS_RULES, type StageAction } from './statusActions';
import { STAGE_STATUSES, STATUS_LABELS, type StageStatus } from './statuses';
import type { Plan, PlanEditStep, PlanStage } from './types';

/** Steps are written as one edit, so one undo step takes the whole advance back. */
export type AdvanceOutcome =
  /** The stage in progress is completed, and the next open one (if any) started. */
  | { readonly kind: 'complete'; readonly steps: readonly PlanEditStep[]; readonly completed: PlanStage; readonly started: PlanStage | undefined }
  /** None was in progress: the current stage is started. */
  | { readonly kind: 'start'; readonly steps: readonly PlanEditStep[]; readonly started: PlanStage }
  | { readonly kind: 'nothing'; readonly reason: string };

/**
 * Advance: complete the stage in progress and start the next one that is not done or skipped
 * (resuming it when blocked); with none in progress, start the current stage.
 */
export function advance(plan: Plan): AdvanceOutcome {
  const inProgress = plan.stages.find((stage) => stage.status === 'in-progress');
  if (!inProgress) {
    // None in progress, so the current stage is the first not started.
    const next = currentStage(plan);
    if (!next) {
      const reason = plan.stages.length === 0 ? l10n.t('Nothing to advance to: the plan lists no stages.') : l10n.t('Nothing to advance to: every stage is done, skipped or blocked.');
      return { kind: 'nothing', reason };
    }
    return { kind: 'start', steps: [statusStep(next, 'in-progress')], started: next };
  }
  const next = nextStageAfter(plan, inProgress.id);
  // A second stage already in progress is left as it is: there is nothing to start.
  const started = next && actionFor(next.status, 'in-progress') !== undefined ? next : undefined;
  const steps = [statusStep(inProgress, 'done'), ...(started ? [statusStep(started, 'in-progress')] : [])];
  return { kind: 'complete', steps, completed: inProgress, started };
}

/** Block: the status, and the reason as the note when one is given and it is not the note already. */
export function blockSteps(stage: PlanStage, reason: string): PlanEditStep[] {
  const steps = [statusStep(stage, 'blocked')];
  const note = reason.trim();
  if (note !== '' && note !== stage.note) {
    steps.push({ stageId: stage.id, change: { kind: 'note', note } });
  }
  return steps;
}

export type ActionCheck = { readonly ok: true; readonly action: StageAction } | { readonly ok: false; readonly reason: string };

/**
 * The first of `actions` the stage's status allows (a command may take several: Start Stage
 * starts, or resumes a blocked stage), or a refusal about the first one that names the stage,
 * its status and the way forward.
 */
export function checkAction(stage: PlanStage, actions: readonly [StageAction, ...StageAction[]]): ActionCheck {
  const allowed = actions.find((action) => isActionAllowed(stage.status, action));
  return allowed ? { ok: true, action: allowed } : { ok: false, reason: refusal(stage, actions[0]) };
}

/** Said when no stage can take any of `actions`: "No stage to skip: Skip is for stages that are not started, in progress or blocked." */
export function noStageFor(actions: readonly [StageAction, ...StageAction[]]): string {
  const { label } = STAGE_ACTION_SPECS[actions[0]];
  const statuses = STAGE_STATUSES.filter((status) => actions.some((action) => isActionAllowed(status, action))).map(lowerLabel);
  const list = statuses.length > 1 ? l10n.t('{0} or {1}', statuses.slice(0, -1).join(l10n.t(', ')), statuses[statuses.length - 1]) : statuses.join('');
  return l10n.t('No stage to {0}: {1} is for stages that are {2}.', label.toLowerCase(), label, list);
}

/** "Is already" for each status, the action that would set it being the one refused. */
function already(title: string, status: StageStatus): string {
  switch (status) {
    case 'not-started':
      return l10n.t('{0} has not been started yet.', title);
    case 'in-progress':
      return l10n.t('{0} is already in progress.', title);
    case 'blocked':
      return l10n.t('{0} is already blocked.', title);
    case 'done':
      return l10n.t('{0} is already done.', title);
    case 'skipped':
      return l10n.t('{0} is already skipped.', title);
  }
}

function refusal(stage: PlanStage, action: StageAction): string {
  const { status, title } = stage;
  const { label, to } = STAGE_ACTION_SPECS[action];
  if (to === status) {
    return already(title, status);
  }
  // One allowed step after which the action is allowed, in the table's order.
  const via = STATUS_RULES[status].allowed.find((step) => isActionAllowed(STAGE_ACTION_SPECS[step].to, action));
  const way = via ? l10n.t('{0} it first, or use Set Stage Status.', STAGE_ACTION_SPECS[via].label) : l10n.t('Use Set Stage Status instead.');
  // `status` is the value as the file spells it; English takes "an" before a vowel.
  return /^[aeiou]/.test(status)
    ? l10n.t('{0} is {1}; {2} is not available for an {3} stage. {4}', title, lowerLabel(status), label, status, way)
    : l10n.t('{0} is {1}; {2} is not available for a {3} stage. {4}', title, lowerLabel(status), label, status, way);
}

function statusStep(stage: PlanStage, status: StageStatus): PlanEditStep {
  return { stageId: stage.id, change: { kind: 'status', status } };
}

function lowerLabel(status: StageStatus): string {
  return STATUS_LABELS[status].toLowerCase();
}
