// The building blocks of a memory estimate: each part is bytes with the one-line formula that
// gave them and where its figures come from, so a hover can show the arithmetic, not just a
// total. The stage rules in estimates.ts put these parts together.

import * as l10n from '@vscode/l10n';
import { FLOPS_PER_PETAFLOP_DAY, type EstimateSettings, type SourceId } from './estimateSettings';
import { formatBytes, formatCount, formatFlops, formatNumber, formatShare, significant } from './sizes';
import type { Precision } from './types';

export interface EstimatePart {
  readonly label: string;
  /** Whole bytes. */
  readonly bytes: number;
  /** How the bytes were worked out, in one line. */
  readonly formula: string;
  readonly sources: readonly SourceId[];
}

/** Parts plus what was assumed on the way (said in the estimate, never silently). */
export interface Parts {
  readonly parts: readonly EstimatePart[];
  readonly notes: readonly string[];
}

function part(label: string, bytes: number, formula: string, sources: readonly SourceId[]): EstimatePart {
  return { label, bytes: Math.round(bytes), formula, sources };
}

/** `Policy: frozen weights`: a part's label under a prefix that names whose part it is (empty: none). */
function prefixed(prefix: string, label: string): string {
  return prefix === '' ? label : l10n.t('{0}: {1}', prefix, `${label.charAt(0).toLowerCase()}${label.slice(1)}`);
}

function parametersTimes(parameters: number, bytesPerParameter: number, what: string): string {
  return l10n.t('{0} parameters × {1} bytes ({2})', formatCount(parameters), significant(bytesPerParameter), what);
}

/** Weights stored at a precision: parameters × bytes per parameter (the course). */
export function weightsPart(label: string, parameters: number, precision: Precision, settings: EstimateSettings, sources: readonly SourceId[] = ['course']): EstimatePart {
  const perParameter = settings.bytesPerParameter[precision];
  return part(label, parameters * perParameter, parametersTimes(parameters, perParameter, precision), sources);
}

/**
 * The precision full training runs at: fp32, or 16-bit mixed precision. Training every weight
 * in int8 or int4 is not a standard recipe, so those are estimated as bf16 (and said so).
 */
export function trainingPrecision(precision: Precision): { readonly precision: 'fp32' | 'fp16' | 'bf16'; readonly note?: string } {
  if (precision === 'fp32' || precision === 'fp16' || precision === 'bf16') {
    return { precision };
  }
  return { precision: 'bf16', note: l10n.t('Full training in {0} is not a standard recipe: estimated as bf16 mixed precision.', precision) };
}

/**
 * Training every weight. fp32: the weights plus the course's extra bytes (Adam's states,
 * gradients, activations). 16-bit: ZeRO's mixed-precision bytes plus an activation allowance,
 * a multiple of the 16-bit weights (see `activationWeightMultiple`).
 */
export function fullTrainingParts(parameters: number, precision: Precision, settings: EstimateSettings, prefix = ''): Parts {
  const training = trainingPrecision(precision);
  const notes = training.note === undefined ? [] : [training.note];
  if (training.precision === 'fp32') {
    const extra = settings.fp32TrainingExtraBytes;
    return {
      parts: [
        weightsPart(prefixed(prefix, l10n.t('Weights')), parameters, 'fp32', settings),
        part(prefixed(prefix, l10n.t('Adam states, gradients and activations')), parameters * extra, parametersTimes(parameters, extra, l10n.t('extra to train at fp32')), ['course']),
      ],
      notes,
    };
  }
  const mixed = settings.mixedPrecisionTrainingBytes;
  const weights = parameters * settings.bytesPerParameter[training.precision];
  const multiple = settings.activationWeightMultiple;
  return {
    parts: [
      part(
        prefixed(prefix, l10n.t('Weights, gradients and Adam states (mixed precision)')),
        parameters * mixed,
        parametersTimes(parameters, mixed, l10n.t('16-bit weights and gradients, fp32 master weights, momentum and variance')),
        ['zero'],
      ),
      part(prefixed(prefix, l10n.t('Activations')), multiple * weights, l10n.t('{0} × {1} of {2} weights', significant(multiple), formatBytes(weights), training.precision), ['course']),
    ],
    notes,
  };
}

/** Why parameter-efficient estimates hold no activations: said with every such estimate. */
export function peftActivationsNote(): string {
  return l10n.t(
    'Activations are not counted for parameter-efficient methods: such runs use gradient checkpointing and small batches, as the QLoRA paper does; leave headroom for long sequences or larger batches.',
  );
}

/**
 * Adapters (LoRA, QLoRA): only the trainable share is trained, in 16-bit with Adam, so each
 * trainable parameter costs the mixed-precision bytes (ZeRO); the share is the course's idea,
 * its default ours.
 */
function adapterPart(parameters: number, share: number, shareGiven: boolean, settings: EstimateSettings, prefix: string): EstimatePart {
  const mixed = settings.mixedPrecisionTrainingBytes;
  return part(
    prefixed(prefix, l10n.t('Adapters: weights, gradients and Adam states')),
    share * parameters * mixed,
    l10n.t('{0} × {1} parameters × {2} bytes (trained in 16-bit with Adam)', formatShare(share), formatCount(parameters), significant(mixed)),
    shareGiven ? ['course-peft', 'zero'] : ['course-peft', 'zero', 'allowance'],
  );
}

export type PeftMethod = 'lora' | 'qlora' | 'prompt-tuning';

/** Frozen base weights plus what the method trains (see each case). */
export function peftParts(method: PeftMethod, parameters: number, precision: Precision, trainable: number | undefined, settings: EstimateSettings, prefix = ''): Parts {
  const share = trainable ?? settings.loraTrainableShare;
  const notes = [peftActivationsNote()];
  if (trainable === undefined && method !== 'prompt-tuning') {
    notes.push(l10n.t('No trainable share given: assumed {0} of the parameters.', formatShare(share)));
  }
  switch (method) {
    case 'lora':
      return { parts: [weightsPart(prefixed(prefix, l10n.t('Frozen weights')), parameters, precision, settings), adapterPart(parameters, share, trainable !== undefined, settings, prefix)], notes };
    case 'qlora': {
      const base = settings.qloraBasePrecision;
      if (precision !== base && (precision === 'int8' || precision === 'int4')) {
        notes.push(l10n.t("QLoRA keeps the frozen weights in {0}; the stage's {1} is not used for them.", base, precision));
      }
      return {
        parts: [weightsPart(prefixed(prefix, l10n.t('Frozen weights ({0}, QLoRA)', base)), parameters, base, settings, ['course', 'qlora']), adapterPart(parameters, share, trainable !== undefined, settings, prefix)],
        notes,
      };
    }
    case 'prompt-tuning':
      // A soft prompt is tens to a few hundred virtual tokens of one embedding each: megabytes at most.
      return {
        parts: [weightsPart(prefixed(prefix, l10n.t('Frozen weights')), parameters, precision, settings)],
        notes: [...notes, l10n.t('The trained soft prompt is a few virtual tokens: negligible next to the weights.')],
      };
  }
}

/** Serving or prompting: the weights plus our KV-cache and activations allowance. */
export function inferenceParts(parameters: number, precision: Precision, settings: EstimateSettings): Parts {
  const weights = weightsPart(l10n.t('Weights'), parameters, precision, settings);
  const share = settings.inferenceAllowanceShare;
  const allowance = part(l10n.t('KV cache and activations'), share * weights.bytes, l10n.t('{0} × {1} of weights', formatShare(share), formatBytes(weights.bytes)), ['allowance']);
  return { parts: share > 0 ? [weights, allowance] : [weights], notes: [] };
}

export interface ComputeEstimate {
  /** Compute-optimal training tokens. */
  readonly tokens: number;
  readonly flops: number;
  readonly petaflopDays: number;
  /** The three steps, one line each. */
  readonly formulas: readonly string[];
  readonly sources: readonly SourceId[];
}

/** Chinchilla's compute-optimal data (tokens per parameter) and 6 × N × D FLOPs to train on it. */
export function computeOptimalTraining(parameters: number, settings: EstimateSettings): ComputeEstimate {
  const tokens = settings.tokensPerParameter * parameters;
  const flops = settings.flopsPerParameterToken * parameters * tokens;
  const petaflopDays = flops / FLOPS_PER_PETAFLOP_DAY;
  return {
    tokens,
    flops,
    petaflopDays,
    formulas: [
      l10n.t('{0} tokens × {1} parameters = {2} tokens (compute-optimal)', significant(settings.tokensPerParameter), formatCount(parameters), formatCount(tokens)),
      l10n.t('{0} × {1} parameters × {2} tokens = {3}', significant(settings.flopsPerParameterToken), formatCount(parameters), formatCount(tokens), formatFlops(flops)),
      l10n.t('{0} ÷ 8.64e19 FLOPs per petaflop/s-day = {1} petaflop/s-days', formatFlops(flops), formatNumber(petaflopDays)),
    ],
    sources: ['chinchilla', 'kaplan', 'course'],
  };
}
