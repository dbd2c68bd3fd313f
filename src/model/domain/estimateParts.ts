// The building blocks of a memory estimate: each part is bytes with the one-line formula that
// gave them and where its figures come from, so a hover can show the arithmetic, not just a
// total. The stage rules in estimates.ts put these parts together.

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

/** `Policy: frozen weights`: a part's label under a prefix that names whose part it is. */
function prefixed(prefix: string, label: string): string {
  return prefix === '' ? label : `${prefix}${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function parametersTimes(parameters: number, bytesPerParameter: number, what: string): string {
  return `${formatCount(parameters)} parameters × ${significant(bytesPerParameter)} bytes (${what})`;
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
  return { precision: 'bf16', note: `Full training in ${precision} is not a standard recipe: estimated as bf16 mixed precision.` };
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
        weightsPart(prefixed(prefix, 'Weights'), parameters, 'fp32', settings),
        part(prefixed(prefix, 'Adam states, gradients and activations'), parameters * extra, parametersTimes(parameters, extra, 'extra to train at fp32'), ['course']),
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
        prefixed(prefix, 'Weights, gradients and Adam states (mixed precision)'),
        parameters * mixed,
        parametersTimes(parameters, mixed, `16-bit weights and gradients, fp32 master weights, momentum and variance`),
        ['zero'],
      ),
      part(prefixed(prefix, 'Activations'), multiple * weights, `${significant(multiple)} × ${formatBytes(weights)} of ${training.precision} weights`, ['course']),
    ],
    notes,
  };
}

/** Why parameter-efficient estimates hold no activations: said with every such estimate. */
export const PEFT_ACTIVATIONS_NOTE =
  'Activations are not counted for parameter-efficient methods: such runs use gradient checkpointing and small batches, as the QLoRA paper does; leave headroom for long sequences or larger batches.';

/**
 * Adapters (LoRA, QLoRA): only the trainable share is trained, in 16-bit with Adam, so each
 * trainable parameter costs the mixed-precision bytes (ZeRO); the share is the course's idea,
 * its default ours.
 */
function adapterPart(parameters: number, share: number, shareGiven: boolean, settings: EstimateSettings, prefix: string): EstimatePart {
  const mixed = settings.mixedPrecisionTrainingBytes;
  return part(
    prefixed(prefix, 'Adapters: weights, gradients and Adam states'),
    share * parameters * mixed,
    `${formatShare(share)} × ${formatCount(parameters)} parameters × ${significant(mixed)} bytes (trained in 16-bit with Adam)`,
    shareGiven ? ['course-peft', 'zero'] : ['course-peft', 'zero', 'allowance'],
  );
}

export type PeftMethod = 'lora' | 'qlora' | 'prompt-tuning';

/** Frozen base weights plus what the method trains (see each case). */
export function peftParts(method: PeftMethod, parameters: number, precision: Precision, trainable: number | undefined, settings: EstimateSettings, prefix = ''): Parts {
  const share = trainable ?? settings.loraTrainableShare;
  const notes = [PEFT_ACTIVATIONS_NOTE];
  if (trainable === undefined && method !== 'prompt-tuning') {
    notes.push(`No trainable share given: assumed ${formatShare(share)} of the parameters.`);
  }
  switch (method) {
    case 'lora':
      return { parts: [weightsPart(prefixed(prefix, 'Frozen weights'), parameters, precision, settings), adapterPart(parameters, share, trainable !== undefined, settings, prefix)], notes };
    case 'qlora': {
      const base = settings.qloraBasePrecision;
      if (precision !== base && (precision === 'int8' || precision === 'int4')) {
        notes.push(`QLoRA keeps the frozen weights in ${base}; the stage's ${precision} is not used for them.`);
      }
      return {
        parts: [weightsPart(prefixed(prefix, `Frozen weights (${base}, QLoRA)`), parameters, base, settings, ['course', 'qlora']), adapterPart(parameters, share, trainable !== undefined, settings, prefix)],
        notes,
      };
    }
    case 'prompt-tuning':
      // A soft prompt is tens to a few hundred virtual tokens of one embedding each: megabytes at most.
      return { parts: [weightsPart(prefixed(prefix, 'Frozen weights'), parameters, precision, settings)], notes: [...notes, 'The trained soft prompt is a few virtual tokens: negligible next to the weights.'] };
  }
}

/** Serving or prompting: the weights plus our KV-cache and activations allowance. */
export function inferenceParts(parameters: number, precision: Precision, settings: EstimateSettings): Parts {
  const weights = weightsPart('Weights', parameters, precision, settings);
  const share = settings.inferenceAllowanceShare;
  const allowance = part('KV cache and activations', share * weights.bytes, `${formatShare(share)} × ${formatBytes(weights.bytes)} of weights`, ['allowance']);
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
      `${significant(settings.tokensPerParameter)} tokens × ${formatCount(parameters)} parameters = ${formatCount(tokens)} tokens (compute-optimal)`,
      `${significant(settings.flopsPerParameterToken)} × ${formatCount(parameters)} parameters × ${formatCount(tokens)} tokens = ${formatFlops(flops)}`,
      `${formatFlops(flops)} ÷ 8.64e19 FLOPs per petaflop/s-day = ${formatNumber(petaflopDays)} petaflop/s-days`,
    ],
    sources: ['chinchilla', 'kaplan', 'course'],
  };
}
