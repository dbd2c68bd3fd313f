// The byte figures the memory and compute estimates are built from, each with where it comes
// from. They are settings, not constants, so a team that measures its own runs can replace
// them; the defaults are the course's figures where it gives one, and say so where it does not.

import * as l10n from '@vscode/l10n';
import { PRECISIONS, type Precision } from './types';

/** Where a figure comes from; `SOURCES` has the full citation. */
export type SourceId = 'course' | 'course-peft' | 'course-rlhf' | 'zero' | 'qlora' | 'chinchilla' | 'kaplan' | 'vendor' | 'allowance';

/** Papers are cited by their own (English) titles; the course's parts and our notes are translated when read. */
export const SOURCES: Readonly<Record<SourceId, string>> = {
  get course() {
    return l10n.t('Generative AI with Large Language Models (DeepLearning.AI and AWS course), week 1: computational challenges and scaling laws');
  },
  get 'course-peft'() {
    return l10n.t('Generative AI with Large Language Models, week 2: parameter-efficient fine-tuning (LoRA)');
  },
  get 'course-rlhf'() {
    return l10n.t('Generative AI with Large Language Models, week 3: RLHF with PPO');
  },
  zero: 'Rajbhandari et al. (2019), ZeRO: Memory Optimizations Toward Training Trillion Parameter Models',
  qlora: 'Dettmers et al. (2023), QLoRA: Efficient Finetuning of Quantized LLMs',
  chinchilla: 'Hoffmann et al. (2022), Training Compute-Optimal Large Language Models (Chinchilla)',
  kaplan: 'Kaplan et al. (2020), Scaling Laws for Neural Language Models',
  get vendor() {
    return l10n.t('GPU memory per card: the vendors’ specifications');
  },
  get allowance() {
    return l10n.t('Our own allowance, not a published figure (a setting you can change)');
  },
};

export interface EstimateSettings {
  /** Bytes to store one parameter: fp32 4, fp16 and bf16 2, int8 1 (the course); int4 0.5 by the same rule. */
  readonly bytesPerParameter: Readonly<Record<Precision, number>>;
  /**
   * Training at fp32, bytes per parameter on top of the 4-byte weights: Adam's two states 8,
   * gradients 4, activations and temporaries about 8 (the course: about 20, so 24 in all).
   */
  readonly fp32TrainingExtraBytes: number;
  /**
   * 16-bit mixed-precision training with Adam, bytes per parameter before activations: 16-bit
   * weights 2 and gradients 2, fp32 master weights, momentum and variance 12 (ZeRO paper).
   * Also what each trainable adapter parameter of LoRA and QLoRA costs (adapters train in 16-bit).
   */
  readonly mixedPrecisionTrainingBytes: number;
  /**
   * Activations and temporaries of 16-bit full training, as a multiple of the weights' memory.
   * Default 2, from the course's fp32 split (about 8 bytes of activations and temporaries next to
   * 4 bytes of weights); at 16-bit that is 4 bytes per parameter, so 16 + 4 = 20 in all. The fp32
   * figure above already holds its activations. Real activations grow with batch and sequence
   * length, not parameters: this is the course's rule of thumb, not a measurement.
   */
  readonly activationWeightMultiple: number;
  /**
   * Prompting and serving: KV cache and activations as a share of the weights' memory (RLHF's
   * frozen reference and reward models count as their weights only). Default 0.2: our
   * allowance for a small batch at a moderate context length, in line with the 20% overhead
   * practitioners commonly quote. Long contexts and many concurrent requests need more: the KV
   * cache grows with both.
   */
  readonly inferenceAllowanceShare: number;
  /**
   * Share of the parameters LoRA and QLoRA train when the stage gives no `trainable:`. Rank r
   * on a d x k matrix trains r(d + k) of its d·k weights, a share that falls as matrices grow:
   * 14% for the course's rank-8, 512 x 64 example (its 86% cut), 0.4% at rank 8 on 4096 x 4096.
   * QLoRA's recipe (rank 64 on every linear layer) comes to about 1.2% of a LLaMA-65B-shaped
   * model (80 layers, width 8192, feed-forward 22016) by our arithmetic. Default 1%: a round
   * figure near that recipe, cautious for the usual smaller ranks (it errs towards more memory).
   */
  readonly loraTrainableShare: number;
  /** QLoRA keeps the frozen base in 4-bit NormalFloat (QLoRA paper): int4's bytes per parameter. */
  readonly qloraBasePrecision: Precision;
  /**
   * Precision assumed when neither the stage nor the model gives one. Default bf16: released
   * foundation models ship 16-bit weights. Estimates say when they assumed it.
   */
  readonly defaultPrecision: Precision;
  /** Compute-optimal training data: about 20 tokens per parameter (Chinchilla). */
  readonly tokensPerParameter: number;
  /** Training compute: about 6 FLOPs per parameter per token, 2 forward and 4 backward (Kaplan et al.). */
  readonly flopsPerParameterToken: number;
}

export const DEFAULT_ESTIMATE_SETTINGS: EstimateSettings = {
  bytesPerParameter: { fp32: 4, fp16: 2, bf16: 2, int8: 1, int4: 0.5 },
  fp32TrainingExtraBytes: 20,
  mixedPrecisionTrainingBytes: 16,
  activationWeightMultiple: 2,
  inferenceAllowanceShare: 0.2,
  loraTrainableShare: 0.01,
  qloraBasePrecision: 'int4',
  defaultPrecision: 'bf16',
  tokensPerParameter: 20,
  flopsPerParameterToken: 6,
};

/** One petaflop/s-day: 1e15 FLOP/s for 86,400 s (the course's unit of training compute). */
export const FLOPS_PER_PETAFLOP_DAY = 1e15 * 86_400;

/** Settings a caller overrides; bytes per parameter may be given for some precisions only. */
export type EstimateSettingsOverrides = Partial<Omit<EstimateSettings, 'bytesPerParameter'>> & {
  readonly bytesPerParameter?: Partial<Record<Precision, number>>;
};

type NumberSetting = { [K in keyof EstimateSettings]: EstimateSettings[K] extends number ? K : never }[keyof EstimateSettings];
type PrecisionSetting = 'qloraBasePrecision' | 'defaultPrecision';

/**
 * The defaults with `overrides` applied. An override that is not usable (a negative or
 * non-finite number, a share outside (0, 1], an unknown precision) is left out and named in
 * `problems`, so one bad setting does not spoil every estimate. `settingName` says how a problem
 * names a field (the adapter's full setting key); the field's own name by default.
 */
export function estimateSettings(
  overrides: EstimateSettingsOverrides = {},
  settingName: (field: string) => string = (field) => field,
): { readonly settings: EstimateSettings; readonly problems: readonly string[] } {
  const defaults = DEFAULT_ESTIMATE_SETTINGS;
  const problems: string[] = [];
  const checked = (name: string, value: number | undefined, fallback: number, share = false): number => {
    if (value === undefined) {
      return fallback;
    }
    if (Number.isFinite(value) && (share ? value > 0 && value <= 1 : value >= 0)) {
      return value;
    }
    problems.push(
      share
        ? l10n.t('The setting {0} = {1} is not a share above 0 and at most 1; the default {2} is used.', settingName(name), String(value), String(fallback))
        : l10n.t('The setting {0} = {1} is not a number of 0 or more; the default {2} is used.', settingName(name), String(value), String(fallback)),
    );
    return fallback;
  };
  const numberSetting = (key: NumberSetting): number => checked(key, overrides[key], defaults[key], key === 'loraTrainableShare');
  const precisionSetting = (key: PrecisionSetting): Precision => {
    const value = overrides[key];
    if (value === undefined || (PRECISIONS as readonly string[]).includes(value)) {
      return value ?? defaults[key];
    }
    problems.push(l10n.t('The setting {0} = {1} is not one of {2}; the default {3} is used.', settingName(key), String(value), PRECISIONS.join(', '), defaults[key]));
    return defaults[key];
  };
  const bytes = Object.fromEntries(
    PRECISIONS.map((precision) => [precision, checked(`bytesPerParameter.${precision}`, overrides.bytesPerParameter?.[precision], defaults.bytesPerParameter[precision])]),
  ) as Record<Precision, number>;
  const settings: EstimateSettings = {
    bytesPerParameter: bytes,
    fp32TrainingExtraBytes: numberSetting('fp32TrainingExtraBytes'),
    mixedPrecisionTrainingBytes: numberSetting('mixedPrecisionTrainingBytes'),
    activationWeightMultiple: numberSetting('activationWeightMultiple'),
    inferenceAllowanceShare: numberSetting('inferenceAllowanceShare'),
    loraTrainableShare: numberSetting('loraTrainableShare'),
    qloraBasePrecision: precisionSetting('qloraBasePrecision'),
    defaultPrecision: precisionSetting('defaultPrecision'),
    tokensPerParameter: numberSetting('tokensPerParameter'),
    flopsPerParameterToken: numberSetting('flopsPerParameterToken'),
  };
  return { settings, problems };
}
