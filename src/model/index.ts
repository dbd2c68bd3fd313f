// The model's public API: pure functions over plan text, no `vscode`.

export * from './types';
export * from './catalog';
export { parse, MAX_PLAN_BYTES, SUPPORTED_VERSION } from './parse';
export { edit, editSequence, applyEdits, localToday } from './edit';
export type { PlanEditStep } from './edit';
export { scaffold, DEFAULT_PROJECT_NAME } from './scaffold';
export type { ScaffoldOptions } from './scaffold';
export { currentStage, nextStageAfter, progress, isFinished } from './progress';
export type { PlanProgress } from './progress';
export { formatScalar } from './scalar';
export { LineIndex, detectEol } from './text';
export type { Eol } from './text';
