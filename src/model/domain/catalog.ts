// The one source of truth for the five built-in lifecycle stages: the tree, the chart,
// hovers and validation all read stage facts from here. The four effort cells are the
// course cheat sheet's text, verbatim; the guidance is our own paraphrase of the seed notes.

import type { EffortCells } from './types';

export type BuiltInStageId = 'pre-training' | 'prompt-engineering' | 'fine-tuning' | 'rlhf' | 'deployment';

export type ExpertiseLabel = 'Low' | 'Medium' | 'Medium-High' | 'High';

export interface CatalogStage {
  readonly id: BuiltInStageId;
  readonly title: string;
  /** Short label for narrow places (status bar, chart headers). */
  readonly shortTitle: string;
  /** 1-based position in the lifecycle. */
  readonly order: number;
  readonly trainingDuration: string;
  readonly customization: string;
  readonly objective: string;
  readonly expertise: ExpertiseLabel;
  /** Expertise on a 1..4 scale (Low=1, Medium=2, Medium-High=3, High=4), for charting. */
  readonly expertiseLevel: number;
  /** Training duration on a 0..4 scale (not required=0 ... days to months=4), for charting. */
  readonly durationLevel: number;
  /** A short paragraph of guidance, in our own words. */
  readonly guidance: string;
  /** Technique terms that belong to this stage (glossary keys, for hovers). */
  readonly techniques: readonly string[];
}

/** The cheat sheet's four columns, in its order: hovers, tooltips and the chart name the cells by these. */
export const EFFORT_COLUMNS: readonly { readonly key: keyof EffortCells; readonly label: string }[] = [
  { key: 'trainingDuration', label: 'Training duration' },
  { key: 'customization', label: 'Customization' },
  { key: 'objective', label: 'Objective' },
  { key: 'expertise', label: 'Expertise' },
];

export const EXPERTISE_LEVELS: Readonly<Record<ExpertiseLabel, number>> = {
  Low: 1,
  Medium: 2,
  'Medium-High': 3,
  High: 4,
};

/** Labels for the duration scale, index = durationLevel. */
export const DURATION_SCALE: readonly string[] = [
  'Not required',
  'Minutes',
  'Minutes to hours',
  'Hours to days',
  'Days to months',
];

export const CATALOG: readonly CatalogStage[] = [
  {
    id: 'pre-training',
    title: 'Pre-training',
    shortTitle: 'Pre-training',
    order: 1,
    trainingDuration: 'Days to weeks to months',
    customization:
      'Determine model architecture, size and tokenizer. Choose vocabulary size and # of tokens for input/context. Large amount of domain training data',
    objective: 'Next-token prediction',
    expertise: 'High',
    expertiseLevel: 4,
    durationLevel: 4,
    guidance:
      'Training a model from scratch is the heaviest stage: you decide the architecture, gather a very large corpus and need deep expertise. Most teams begin from an existing foundation model and skip it.',
    techniques: ['pre-training', 'foundation model', 'tokenizer', 'vocabulary', 'context window', 'next-token prediction', 'transformer', 'scaling laws'],
  },
  {
    id: 'prompt-engineering',
    title: 'Prompt engineering',
    shortTitle: 'Prompting',
    order: 2,
    trainingDuration: 'Not required',
    customization: 'No model weights. Only prompt customization',
    objective: 'Increase task performance',
    expertise: 'Low',
    expertiseLevel: 1,
    durationLevel: 0,
    guidance:
      'With a foundation model, prompting is normally where you start measuring how well it does the task. It needs little expertise and no training at all.',
    techniques: ['prompt engineering', 'zero-shot', 'one-shot', 'few-shot', 'in-context learning', 'chain-of-thought', 'system prompt', 'temperature', 'retrieval-augmented generation'],
  },
  {
    id: 'fine-tuning',
    title: 'Prompt tuning and fine-tuning',
    shortTitle: 'Fine-tuning',
    order: 3,
    trainingDuration: 'Minutes to hours',
    customization:
      'Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights',
    objective: 'Increase task performance',
    expertise: 'Medium',
    expertiseLevel: 2,
    durationLevel: 2,
    guidance:
      'When prompting falls short, tune the model: full fine-tuning, or parameter-efficient methods such as LoRA and prompt tuning. A modest labelled set often suffices, so this can fit in about a day.',
    techniques: ['fine-tuning', 'full fine-tuning', 'instruction fine-tuning', 'PEFT', 'LoRA', 'QLoRA', 'adapter', 'prompt tuning', 'soft prompt', 'catastrophic forgetting', 'multi-task fine-tuning'],
  },
  {
    id: 'rlhf',
    title: 'Reinforcement learning / human feedback',
    shortTitle: 'RLHF',
    order: 4,
    trainingDuration: 'Minutes to hours, similar to fine-tuning',
    customization:
      'Need separate reward model to align with human goals (helpful, honest, harmless). Update LLM model or adapter weights',
    objective: 'Increase alignment with human preferences',
    expertise: 'Medium-High',
    expertiseLevel: 3,
    durationLevel: 2,
    guidance:
      'Alignment runs fast once a reward model exists, so reuse one if you can. Training a reward model from scratch is slow, because human preference data has to be collected first.',
    techniques: ['RLHF', 'reward model', 'PPO', 'KL divergence', 'reward hacking', 'human feedback', 'helpful, honest, harmless', 'constitutional AI', 'DPO'],
  },
  {
    id: 'deployment',
    title: 'Compression / optimization / deployment',
    shortTitle: 'Deployment',
    order: 5,
    trainingDuration: 'Minutes to hours',
    customization:
      'Reduce model size through model pruning, weight quantization, distillation. Smaller size, faster inference',
    objective: 'Increase inference performance',
    expertise: 'Medium',
    expertiseLevel: 2,
    durationLevel: 2,
    guidance:
      'Optimizing for deployment sits mid-way in effort. Pruning, quantization and distillation go quickly as long as they do not cost too much task performance.',
    techniques: ['quantization', 'int8', 'int4', 'pruning', 'distillation', 'inference latency', 'KV cache', 'batching'],
  },
];

const BY_ID: ReadonlyMap<string, CatalogStage> = new Map(CATALOG.map((s) => [s.id, s]));

export const BUILT_IN_STAGE_IDS: readonly BuiltInStageId[] = CATALOG.map((s) => s.id);

export function catalogStage(id: string): CatalogStage | undefined {
  return BY_ID.get(id);
}

export function isBuiltInStageId(id: string): id is BuiltInStageId {
  return BY_ID.has(id);
}
