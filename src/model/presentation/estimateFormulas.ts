// Every formula the memory and compute estimates use, in words, with the figures of the
// current settings and where each comes from: the model hover and the estimate panel list
// them, and the README's "GPU memory estimates" section says the same with the defaults.

import { SOURCES, type EstimateSettings, type SourceId } from '../domain/estimateSettings';
import { significant, formatShare } from '../domain/sizes';
import { PRECISIONS } from '../domain/types';

export interface EstimateFormula {
  /** What it estimates: `Weights`, `LoRA`... */
  readonly name: string;
  readonly formula: string;
  readonly sources: readonly SourceId[];
}

export function estimateFormulas(settings: EstimateSettings): readonly EstimateFormula[] {
  const bytes = PRECISIONS.map((precision) => `${precision} ${significant(settings.bytesPerParameter[precision])}`).join(', ');
  const mixed = significant(settings.mixedPrecisionTrainingBytes);
  const fp32 = significant(settings.bytesPerParameter.fp32);
  return [
    { name: 'Weights', formula: `parameters × bytes per parameter (${bytes})`, sources: ['course'] },
    {
      name: 'Prompt engineering, deployment',
      formula: `weights + ${formatShare(settings.inferenceAllowanceShare)} of the weights for the KV cache and activations`,
      sources: ['course', 'allowance'],
    },
    {
      name: 'Full training at fp32',
      formula: `parameters × (${fp32} + ${significant(settings.fp32TrainingExtraBytes)}) bytes: weights, plus Adam's two states, gradients, activations and temporaries`,
      sources: ['course'],
    },
    {
      name: 'Full training at 16-bit (int8 and int4 train as bf16)',
      formula: `parameters × ${mixed} bytes (16-bit weights and gradients, fp32 master weights, momentum and variance) + ${significant(settings.activationWeightMultiple)} × the 16-bit weights for activations`,
      sources: ['zero', 'course'],
    },
    {
      name: 'LoRA',
      formula: `frozen weights at the stage's precision + trainable share (trainable:, else ${formatShare(settings.loraTrainableShare)}) × parameters × ${mixed} bytes for the adapters; activations not counted (gradient checkpointing, small batches)`,
      sources: ['course-peft', 'zero', 'allowance'],
    },
    { name: 'QLoRA', formula: `frozen weights at ${settings.qloraBasePrecision} + the adapters as for LoRA`, sources: ['qlora', 'course-peft', 'zero'] },
    { name: 'Prompt tuning', formula: 'frozen weights (the soft prompt is a few virtual tokens)', sources: ['course-peft'] },
    {
      name: 'RLHF (PPO)',
      formula: 'the policy by its method + a frozen reference copy for the KL penalty + the reward model’s weights (same size as the policy unless named otherwise)',
      sources: ['course-rlhf', 'course'],
    },
    {
      name: 'Pre-training compute',
      formula: `${significant(settings.tokensPerParameter)} tokens × parameters (compute-optimal data); ${significant(settings.flopsPerParameterToken)} × parameters × tokens FLOPs; ÷ 8.64e19 FLOPs per petaflop/s-day`,
      sources: ['chinchilla', 'kaplan', 'course'],
    },
    {
      name: 'Fit',
      formula: 'total ≤ GPU count × memory per GPU, sharded evenly (ZeRO-3 or FSDP to train, tensor parallelism to serve); on one GPU when total ≤ memory per GPU',
      sources: ['zero', 'vendor'],
    },
  ];
}

/** `course, ZeRO`: a formula's sources by their short names, for a line of text. */
export const SOURCE_SHORT_NAMES: Readonly<Record<SourceId, string>> = {
  course: 'course',
  'course-peft': 'course (PEFT)',
  'course-rlhf': 'course (RLHF)',
  zero: 'ZeRO',
  qlora: 'QLoRA',
  chinchilla: 'Chinchilla',
  kaplan: 'Kaplan et al.',
  vendor: 'vendor specs',
  allowance: 'our allowance',
};

/** The full citations, in `SOURCES` order. */
export function sourceList(): readonly { readonly id: SourceId; readonly short: string; readonly citation: string }[] {
  return (Object.keys(SOURCES) as SourceId[]).map((id) => ({ id, short: SOURCE_SHORT_NAMES[id], citation: SOURCES[id] }));
}
