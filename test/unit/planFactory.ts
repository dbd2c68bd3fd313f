// Plans built directly as objects, for rules that read keys the plan reader does not fill yet
// (model, blocked, evidence, rewardModel...). Ranges are placeholders: no rule reads them.

import { catalogStage } from '../../src/model/domain/catalog';
import type { StageStatus } from '../../src/model/domain/statuses';
import type { Plan, PlanStage, PlanTask } from '../../src/model/domain/types';
import { range } from './helpers';

/** What a test says about a stage beyond its id and status; `tasks` may be titles (open) or tasks. */
export type StageExtras = Partial<Omit<PlanStage, 'id' | 'status' | 'tasks' | 'index' | 'range' | 'idRange'>> & {
  readonly tasks?: readonly (string | Pick<PlanTask, 'title' | 'done'>)[];
};

/** A stage as the reader would produce it: built-in ids take the catalog title. */
export function stage(id: string, status: StageStatus, extras: StageExtras = {}): PlanStage {
  const builtIn = catalogStage(id) !== undefined;
  const { tasks = [], ...rest } = extras;
  return {
    id,
    title: catalogStage(id)?.title ?? id,
    builtIn,
    status,
    tasks: tasks.map((task) => ({ ...(typeof task === 'string' ? { title: task, done: false } : task), range: range(0, 0, 0, 0) })),
    ...rest,
    index: 0,
    range: range(0, 0, 0, 0),
    idRange: range(0, 0, 0, 0),
  };
}

/** A plan of these stages, numbered in order. */
export function planOf(stages: readonly PlanStage[], extras: Partial<Omit<Plan, 'stages'>> = {}): Plan {
  return { version: 1, ...extras, stages: stages.map((entry, index) => ({ ...entry, index })) };
}

/** The five built-in stages with these statuses, in lifecycle order, each with its extras. */
export function lifecycle(
  statuses: readonly [StageStatus, StageStatus, StageStatus, StageStatus, StageStatus],
  extras: Partial<Record<string, StageExtras>> = {},
  planExtras: Partial<Omit<Plan, 'stages'>> = {},
): Plan {
  const ids = ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment'];
  return planOf(
    ids.map((id, index) => stage(id, statuses[index], extras[id])),
    planExtras,
  );
}
