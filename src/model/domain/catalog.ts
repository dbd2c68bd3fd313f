// The one source of truth for the five built-in lifecycle stages: the tree, the chart,
// hovers and validation all read stage facts from here. The four effort cells are the
// course cheat sheet's text, verbatim; the guidance is our own paraphrase of the seed notes.
// Prose is translated when it is read (getters), never at import: the bundle is configured at
// activation, after this module has loaded.

import * as l10n from '@vscode/l10n';
import type { EffortCells } from './types';

export type BuiltInStageId = 'pre-training' | 'prompt-engineering' | 'fine-tuning' | 'rlhf' | 'deployment';

export type ExpertiseLabel = 'Low' | 'Medium' | 'Medium-High' | 'High';

export interface CatalogStage {
  readonly id: BuiltInStageId;
  /** Translated when read, as are the other texts. */
  readonly title: string;
  /** Short label for narrow places (status bar, chart headers). */
  readonly shortTitle: string;
  /** 1-based position in the lifecycle. */
  readonly order: number;
  readonly trainingDuration: string;
  readonly customization: string;
  readonly objective: string;
  /** The expertise cell as people read it (translated); `expertiseLevel` is its place on the scale. */
  readonly expertise: string;
  /** Expertise on a 1..4 scale (Low=1, Medium=2, Medium-High=3, High=4), for charting. */
  readonly expertiseLevel: number;
  /** Training duration on a 0..4 scale (not required=0 ... days to months=4), for charting. */
  readonly durationLevel: number;
  /** A short paragraph of guidance, in our own words. */
  readonly guidance: string;
  /** Technique terms that belong to this stage (glossary keys, for hovers). */
  readonly techniques: readonly string[];
  /** The English spellings of the stage's names (title, short title): what the glossary finds in text. */
  readonly englishNames: readonly string[];
}

/** A cheat-sheet column whose label is translated when read (the model loads before the bundle is configured). */
function effortColumn(key: keyof EffortCells, label: () => string): { readonly key: keyof EffortCells; readonly label: string } {
  return {
    key,
    get label() {
      return label();
    },
  };
}

/** The cheat sheet's four columns, in its order: hovers, tooltips and the chart name the cells by these. */
export const EFFORT_COLUMNS: readonly { readonly key: keyof EffortCells; readonly label: string }[] = [
  effortColumn('trainingDuration', () => l10n.t('Training duration')),
  effortColumn('customization', () => l10n.t('Customization')),
  effortColumn('objective', () => l10n.t('Objective')),
  effortColumn('expertise', () => l10n.t('Expertise')),
];

export const EXPERTISE_LEVELS: Readonly<Record<ExpertiseLabel, number>> = {
  Low: 1,
  Medium: 2,
  'Medium-High': 3,
  High: 4,
};

/** An expertise label as people read it (translated); the English label stays the data. */
export function expertiseLabel(label: ExpertiseLabel): string {
  switch (label) {
    case 'Low':
      return l10n.t('Low');
    case 'Medium':
      return l10n.t('Medium');
    case 'Medium-High':
      return l10n.t('Medium-High');
    case 'High':
      return l10n.t('High');
  }
}

/** The duration scale's steps in English, index = durationLevel: what custom stages' cells are matched against. */
export const DURATION_SCALE: readonly string[] = [
  'Not required',
  'Minutes',
  'Minutes to hours',
  'Hours to days',
  'Days to months',
];

/** The duration scale's steps as people read them (translated), index = durationLevel. */
export function durationScaleLabels(): readonly string[] {
  return [l10n.t('Not required'), l10n.t('Minutes'), l10n.t('Minutes to hours'), l10n.t('Hours to days'), l10n.t('Days to months')];
}

export const CATALOG: readonly CatalogStage[] = [
  {
    id: 'pre-training',
    get title() {
      return l10n.t('Pre-training');
    },
    get shortTitle() {
      return l10n.t('Pre-training');
    },
    order: 1,
    get trainingDuration() {
      return l10n.t('Days to weeks to months');
    },
    get customization() {
      return l10n.t('Determine model architecture, size and tokenizer. Choose vocabulary size and # of tokens for input/context. Large amount of domain training data');
    },
    get objective() {
      return l10n.t('Next-token prediction');
    },
    get expertise() {
      return expertiseLabel('High');
    },
    expertiseLevel: 4,
    durationLevel: 4,
    get guidance() {
      return l10n.t('Training a model from scratch is the heaviest stage: you decide the architecture, gather a very large corpus and need deep expertise. Most teams begin from an existing foundation model and skip it.');
    },
    techniques: ['pre-training', 'foundation model', 'tokenizer', 'vocabulary', 'context window', 'next-token prediction', 'transformer', 'scaling laws'],
    englishNames: ['Pre-training'],
  },
  {
    id: 'prompt-engineering',
    get title() {
      return l10n.t('Prompt engineering');
    },
    get shortTitle() {
      return l10n.t('Prompting');
    },
    order: 2,
    get trainingDuration() {
      return l10n.t('Not required');
    },
    get customization() {
      return l10n.t('No model weights. Only prompt customization');
    },
    get objective() {
      return l10n.t('Increase task performance');
    },
    get expertise() {
      return expertiseLabel('Low');
    },
    expertiseLevel: 1,
    durationLevel: 0,
    get guidance() {
      return l10n.t('With a foundation model, prompting is normally where you start measuring how well it does the task. It needs little expertise and no training at all.');
    },
    techniques: ['prompt engineering', 'zero-shot', 'one-shot', 'few-shot', 'in-context learning', 'chain-of-thought', 'system prompt', 'temperature', 'retrieval-augmented generation'],
    englishNames: ['Prompt engineering', 'Prompting'],
  },
  {
    id: 'fine-tuning',
    get title() {
      return l10n.t('Prompt tuning and fine-tuning');
    },
    get shortTitle() {
      return l10n.t('Fine-tuning');
    },
    order: 3,
    get trainingDuration() {
      return l10n.t('Minutes to hours');
    },
    get customization() {
      return l10n.t('Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights');
    },
    get objective() {
      return l10n.t('Increase task performance');
    },
    get expertise() {
      return expertiseLabel('Medium');
    },
    expertiseLevel: 2,
    durationLevel: 2,
    get guidance() {
      return l10n.t('When prompting falls short, tune the model: full fine-tuning, or parameter-efficient methods such as LoRA and prompt tuning. A modest labelled set often suffices, so this can fit in about a day.');
    },
    techniques: ['fine-tuning', 'full fine-tuning', 'instruction fine-tuning', 'PEFT', 'LoRA', 'QLoRA', 'adapter', 'prompt tuning', 'soft prompt', 'catastrophic forgetting', 'multi-task fine-tuning'],
    englishNames: ['Prompt tuning and fine-tuning', 'Fine-tuning'],
  },
  {
    id: 'rlhf',
    get title() {
      return l10n.t('Reinforcement learning / human feedback');
    },
    get shortTitle() {
      return l10n.t('RLHF');
    },
    order: 4,
    get trainingDuration() {
      return l10n.t('Minutes to hours, similar to fine-tuning');
    },
    get customization() {
      return l10n.t('Need separate reward model to align with human goals (helpful, honest, harmless). Update LLM model or adapter weights');
    },
    get objective() {
      return l10n.t('Increase alignment with human preferences');
    },
    get expertise() {
      return expertiseLabel('Medium-High');
    },
    expertiseLevel: 3,
    durationLevel: 2,
    get guidance() {
      return l10n.t('Alignment runs fast once a reward model exists, so reuse one if you can. Training a reward model from scratch is slow, because human preference data has to be collected first.');
    },
    techniques: ['RLHF', 'reward model', 'PPO', 'KL divergence', 'reward hacking', 'human feedback', 'helpful, honest, harmless', 'constitutional AI', 'DPO'],
    englishNames: ['Reinforcement learning / human feedback', 'RLHF'],
  },
  {
    id: 'deployment',
    get title() {
      return l10n.t('Compression / optimization / deployment');
    },
    get shortTitle() {
      return l10n.t('Deployment');
    },
    order: 5,
    get trainingDuration() {
      return l10n.t('Minutes to hours');
    },
    get customization() {
      return l10n.t('Reduce model size through model pruning, weight quantization, distillation. Smaller size, faster inference');
    },
    get objective() {
      return l10n.t('Increase inference performance');
    },
    get expertise() {
      return expertiseLabel('Medium');
    },
    expertiseLevel: 2,
    durationLevel: 2,
    get guidance() {
      return l10n.t('Optimizing for deployment sits mid-way in effort. Pruning, quantization and distillation go quickly as long as they do not cost too much task performance.');
    },
    techniques: ['quantization', 'int8', 'int4', 'pruning', 'distillation', 'inference latency', 'KV cache', 'batching'],
    englishNames: ['Compression / optimization / deployment', 'Deployment'],
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
