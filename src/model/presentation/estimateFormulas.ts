// Every formula the memory and compute estimates use, in words, with the figures of the
// current settings and where each comes from: the model hover and the estimate panel list
// them, and the README's "GPU memory estimates" section says the same with the defaults.

import * as l10n from '@vscode/l10n';
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
    { name: l10n.t('Weights'), formula: l10n.t('parameters × bytes per parameter ({0})', bytes), sources: ['course'] },
    {
      name: l10n.t('Prompt engineering, deployment'),
      formula: l10n.t('weights + {0} of the weights for the KV cache and activations', formatShare(settings.inferenceAllowanceShare)),
      sources: ['course', 'allowance'],
    },
    {
      name: l10n.t('Full training at fp32'),
      formula: l10n.t("parameters × ({0} + {1}) bytes: weights, plus Adam's two states, gradients, activations and temporaries", fp32, significant(settings.fp32TrainingExtraBytes)),
      sources: ['course'],
    },
    {
      name: l10n.t('Full training at 16-bit (int8 and int4 train as bf16)'),
      formula: l10n.t(
        'parameters × {0} bytes (16-bit weights and gradients, fp32 master weights, momentum and variance) + {1} × the 16-bit weights for activations',
        mixed,
        significant(settings.activationWeightMultiple),
      ),
      sources: ['zero', 'course'],
    },
    {
      name: 'LoRA',
      formula: l10n.t(
        "frozen weights at the stage's precision + trainable share (trainable:, else {0}) × parameters × {1} bytes for the adapters; activations not counted (gradient checkpointing, small batches)",
        formatShare(settings.loraTrainableShare),
        mixed,
      ),
      sources: ['course-peft', 'zero', 'allowance'],
    },
    { name: 'QLoRA', formula: l10n.t('frozen weights at {0} + the adapters as for LoRA', settings.qloraBasePrecision), sources: ['qlora', 'course-peft', 'zero'] },
    { name: l10n.t('Prompt tuning'), formula: l10n.t('frozen weights (the soft prompt is a few virtual tokens)'), sources: ['course-peft'] },
    {
      name: 'RLHF (PPO)',
      formula: l10n.t('the policy by its method + a frozen reference copy for the KL penalty + the reward model’s weights (same size as the policy unless named otherwise)'),
      sources: ['course-rlhf', 'course'],
    },
    {
      name: l10n.t('Pre-training compute'),
      formula: l10n.t(
        '{0} tokens × parameters (compute-optimal data); {1} × parameters × tokens FLOPs; ÷ 8.64e19 FLOPs per petaflop/s-day',
        significant(settings.tokensPerParameter),
        significant(settings.flopsPerParameterToken),
      ),
      sources: ['chinchilla', 'kaplan', 'course'],
    },
    {
      name: l10n.t('Fit'),
      formula: l10n.t('total ≤ GPU count × memory per GPU, sharded evenly (ZeRO-3 or FSDP to train, tensor parallelism to serve); on one GPU when total ≤ memory per GPU'),
      sources: ['zero', 'vendor'],
    },
  ];
}

/** `course, ZeRO`: a formula's sources by their short names, for a line of text (translated when read; papers keep theirs). */
export const SOURCE_SHORT_NAMES: Readonly<Record<SourceId, string>> = {
  get course() {
    return l10n.t('course');
  },
  get 'course-peft'() {
    return l10n.t('course (PEFT)');
  },
  get 'course-rlhf'() {
    return l10n.t('course (RLHF)');
  },
  zero: 'ZeRO',
  qlora: 'QLoRA',
  chinchilla: 'Chinchilla',
  kaplan: 'Kaplan et al.',
  get vendor() {
    return l10n.t('vendor specs');
  },
  get allowance() {
    return l10n.t('our allowance');
  },
};

/** The full citations, in `SOURCES` order. */
export function sourceList(): readonly { readonly id: SourceId; readonly short: string; readonly citation: string }[] {
  return (Object.keys(SOURCES) as SourceId[]).map((id) => ({ id, short: SOURCE_SHORT_NAMES[id], citation: SOURCES[id] }));
}
