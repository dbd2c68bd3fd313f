// The lifecycle plan as the rest of the extension sees it. Pure data: no `vscode` here,
// so the model can be unit-tested in plain Node and reused by every view.

import type { StageStatus } from './statuses';

/** Zero-based position, the same convention as VS Code's `Position`. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Offsets are UTF-16 code-unit offsets into the original text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface EffortCells {
  readonly trainingDuration?: string;
  readonly customization?: string;
  readonly objective?: string;
  readonly expertise?: string;
}

/** Numeric formats of model weights, as the course counts bytes per parameter. */
export const PRECISIONS = ['fp32', 'fp16', 'bf16', 'int8', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** How fine-tuning and RLHF train the model: all weights, or a parameter-efficient method. */
export const TUNING_METHODS = ['full', 'lora', 'qlora', 'prompt-tuning'] as const;
export type TuningMethod = (typeof TUNING_METHODS)[number];

/** The plan's `model:`: the foundation model the team builds on. */
export interface ModelSpec {
  /** Free text, e.g. `meta-llama/Llama-3.1-8B`; its presence means pre-training is not needed. */
  readonly base?: string;
  /** Parameter count (from `8B`, `70M`...). */
  readonly parameters?: number;
  readonly precision?: Precision;
}

/** The plan's `hardware:`: what the team trains and serves on. */
export interface HardwareSpec {
  /** A known GPU name (`A100-80GB`) or free text when `memoryBytes` is given. */
  readonly gpu?: string;
  /** Memory per GPU in bytes (from `memory: 80GB`). */
  readonly memoryBytes?: number;
  readonly count?: number;
}

/** A stage's `reward-model:`: an existing one (reused) or one to train from human feedback. */
export type RewardModelPlan = { readonly kind: 'existing'; readonly name?: string } | { readonly kind: 'train' };

export interface PlanTask {
  readonly title: string;
  readonly done: boolean;
  readonly owner?: string;
  /** Range of the task's mapping (or scalar) in the file. */
  readonly range: Range;
}

export interface PlanStage {
  readonly id: string;
  /** The catalog title for built-in stages unless the file overrides it; required for custom stages. */
  readonly title: string;
  /** True when `id` is one of the five built-in catalog stages. */
  readonly builtIn: boolean;
  /** `not-started` when the file has no (valid) status. */
  readonly status: StageStatus;
  readonly note?: string;
  readonly owner?: string;
  /** ISO dates as written (YYYY-MM-DD). */
  readonly started?: string;
  readonly completed?: string;
  /** Workspace-relative path of a markdown plan for this stage. */
  readonly plan?: string;
  readonly tasks: readonly PlanTask[];
  /** Effort cells a custom stage declares under `effort:`; built-ins take theirs from the catalog. */
  readonly effort?: EffortCells;
  /** ISO date the stage was blocked (written by Block Stage). */
  readonly blocked?: string;
  /** Workspace-relative paths or globs of what proves the stage done (eval report, model card...). */
  readonly evidence?: readonly string[];
  /** Fine-tuning and RLHF: how the model is trained. */
  readonly method?: TuningMethod;
  /** Overrides the model's precision for this stage (e.g. int4 for deployment). */
  readonly precision?: Precision;
  /** Share of parameters a parameter-efficient method trains, 0..1 (from `1%`). */
  readonly trainable?: number;
  /** RLHF: the reward model it uses. */
  readonly rewardModel?: RewardModelPlan;
  /** Index in the file's `stages` sequence. */
  readonly index: number;
  /** Range of the whole stage mapping. */
  readonly range: Range;
  /** Range of the `id` value scalar. */
  readonly idRange: Range;
  /** Range of the `status` value scalar, when present. */
  readonly statusRange?: Range;
}

export interface Plan {
  readonly version: number;
  readonly project?: string;
  readonly model?: ModelSpec;
  readonly hardware?: HardwareSpec;
  readonly stages: readonly PlanStage[];
}

/** A change to one stage, as a command asks for it; the plan-file engine turns it into text edits. */
export type PlanChange =
  | { readonly kind: 'status'; readonly status: StageStatus; readonly today?: string }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'toggle-task'; readonly taskIndex: number; readonly done?: boolean }
  | { readonly kind: 'add-task'; readonly title: string }
  /** Fine-tuning and RLHF: how the model is trained (the estimate's quick fixes write it). */
  | { readonly kind: 'method'; readonly method: TuningMethod };

/** One change to one stage; a list of them is written as one edit (one undo step). */
export interface PlanEditStep {
  readonly stageId: string;
  readonly change: PlanChange;
}
