// Where a plan stands: the stage to work on now, what comes next, and how much is finished.

import type { Plan, PlanStage } from './types';

export interface PlanProgress {
  /** Stages done or skipped. */
  readonly finished: number;
  readonly total: number;
  /** Stages still to finish (`total - finished`). */
  readonly open: number;
}

/** The first stage in progress, else the first not started, else undefined (all settled or blocked). */
export function currentStage(plan: Plan): PlanStage | undefined {
  return plan.stages.find((stage) => stage.status === 'in-progress') ?? plan.stages.find((stage) => stage.status === 'not-started');
}

/** The next stage after `stageId` in file order that still needs work (not done, not skipped). */
export function nextStageAfter(plan: Plan, stageId: string): PlanStage | undefined {
  const index = plan.stages.findIndex((stage) => stage.id === stageId);
  if (index < 0) {
    return undefined;
  }
  return plan.stages.slice(index + 1).find((stage) => !isFinished(stage));
}

export function progress(plan: Plan): PlanProgress {
  const total = plan.stages.length;
  const finished = plan.stages.filter(isFinished).length;
  return { finished, total, open: total - finished };
}

/** Done and skipped both count as finished: neither needs more work. */
export function isFinished(stage: PlanStage): boolean {
  return stage.status === 'done' || stage.status === 'skipped';
}
