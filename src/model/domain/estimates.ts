// "Will it fit?": GPU memory (and, for pre-training, compute) for each built-in stage of the
// plan, from the model's size and precision and the stage's method. Every estimate carries its
// parts with their formulas, what it assumed, its sources, and whether it fits the plan's GPUs.
//
// Fit rule: an estimate fits when its total is at most the memory of all the GPUs together
// (count × memory per GPU), which assumes the work is sharded evenly across them (ZeRO-3 or
// FSDP for training, tensor or pipeline parallelism for serving). Whether it fits one GPU is
// said as well, with how many GPUs it needs at the least, since without sharding every GPU
// holds the whole of it.

import * as l10n from '@vscode/l10n';
import { isBuiltInStageId, type BuiltInStageId } from './catalog';
import { computeOptimalTraining, fullTrainingParts, inferenceParts, peftParts, trainingPrecision, weightsPart, type ComputeEstimate, type EstimatePart, type Parts } from './estimateParts';
import { DEFAULT_ESTIMATE_SETTINGS, SOURCES, type EstimateSettings, type SourceId } from './estimateSettings';
import { resolveHardware, type HardwareMemory } from './gpus';
import { accept, refuse, type Result } from './sizes';
import type { HardwareSpec, ModelSpec, Plan, PlanStage, Precision, TuningMethod } from './types';

/** What a stage may override for its estimate. */
export type StageOverrides = Pick<PlanStage, 'method' | 'precision' | 'trainable'>;

export interface EstimateInput {
  readonly model: ModelSpec;
  readonly stageId: string;
  readonly stage?: StageOverrides;
  readonly hardware?: HardwareSpec;
  /** RLHF: the reward model's size, when it is not the policy's. */
  readonly rewardModelParameters?: number;
}

export interface FitCheck {
  readonly hardware: HardwareMemory;
  /** Total at most count × memory per GPU (sharded evenly). */
  readonly fits: boolean;
  readonly fitsOnOneGpu: boolean;
  /** GPUs of this size it needs at the least: ceil(total / memory per GPU). */
  readonly gpusNeeded: number;
}

export interface StageEstimate {
  readonly stageId: BuiltInStageId;
  readonly parameters: number;
  /** The precision the stage runs at (stage's, else model's, else the default). */
  readonly precision: Precision;
  /** Fine-tuning and RLHF: how the model is trained. */
  readonly method?: TuningMethod;
  readonly parts: readonly EstimatePart[];
  readonly totalBytes: number;
  /** Pre-training: compute-optimal tokens and FLOPs. */
  readonly compute?: ComputeEstimate;
  /** Deployment: bytes of weights the target precision saves against 16-bit (negative: costs more). */
  readonly savingVersus16Bit?: number;
  /** Against the plan's hardware, when it names usable hardware. */
  readonly fit?: FitCheck;
  /** Why the fit could not be checked, when the plan has hardware we cannot size. */
  readonly hardwareProblem?: string;
  /** What was assumed, in sentences. */
  readonly notes: readonly string[];
  /** Every source a part or the compute cites, in the order of `SOURCES`. */
  readonly sources: readonly SourceId[];
}

/** Stages an estimate is checked against hardware for whether a cheaper method would fit. */
const TUNING_STAGES: ReadonlySet<BuiltInStageId> = new Set(['fine-tuning', 'rlhf']);

export function checkFit(totalBytes: number, hardware: HardwareMemory): FitCheck {
  return {
    hardware,
    fits: totalBytes <= hardware.totalBytes,
    fitsOnOneGpu: totalBytes <= hardware.perGpuBytes,
    gpusNeeded: Math.max(1, Math.ceil(totalBytes / hardware.perGpuBytes)),
  };
}

interface StageContext {
  readonly parameters: number;
  readonly precision: Precision;
  readonly stage: StageOverrides;
  readonly settings: EstimateSettings;
  readonly rewardModelParameters?: number;
}

interface StageParts extends Parts {
  readonly method?: TuningMethod;
  readonly compute?: ComputeEstimate;
  readonly savingVersus16Bit?: number;
}

/** How the policy (fine-tuning, or RLHF's model being tuned) trains, by its method; `prefix` names whose parts they are. */
function tunedModelParts(context: StageContext, prefix: string): StageParts {
  const { parameters, precision, stage, settings } = context;
  const method = stage.method ?? 'full';
  const assumed = stage.method === undefined ? [l10n.t('No method given: assumed full fine-tuning (every weight trained).')] : [];
  const unused = stage.trainable !== undefined && (method === 'full' || method === 'prompt-tuning') ? [l10n.t('trainable: is used by LoRA and QLoRA only; {0} ignores it.', method)] : [];
  const tuned = method === 'full' ? fullTrainingParts(parameters, precision, settings, prefix) : peftParts(method, parameters, precision, stage.trainable, settings, prefix);
  return { method, parts: tuned.parts, notes: [...assumed, ...tuned.notes, ...unused] };
}

const STAGE_RULES: Readonly<Record<BuiltInStageId, (context: StageContext) => StageParts>> = {
  // Training from scratch trains every weight; the stage's method does not apply.
  'pre-training': (context) => {
    const training = fullTrainingParts(context.parameters, context.precision, context.settings);
    const ignored = context.stage.method === undefined ? [] : [l10n.t('method: does not apply to pre-training, which trains every weight.')];
    return { ...training, notes: [...training.notes, ...ignored], compute: computeOptimalTraining(context.parameters, context.settings) };
  },
  'prompt-engineering': (context) => inferenceParts(context.parameters, context.precision, context.settings),
  'fine-tuning': (context) => tunedModelParts(context, ''),
  // PPO holds the policy, a frozen copy of it for the KL penalty, and the reward model (the course).
  rlhf: (context) => {
    const policy = tunedModelParts(context, l10n.t('Policy'));
    const { parameters, precision, settings } = context;
    const referencePrecision = policy.method === 'qlora' ? settings.qloraBasePrecision : policy.method === 'full' ? trainingPrecision(precision).precision : precision;
    const rewardParameters = context.rewardModelParameters ?? parameters;
    const rewardNote = context.rewardModelParameters === undefined ? [l10n.t('Reward model assumed the same size as the policy.')] : [];
    return {
      method: policy.method,
      parts: [
        ...policy.parts,
        weightsPart(l10n.t('Reference copy (frozen, for the KL penalty)'), parameters, referencePrecision, settings, ['course-rlhf', 'course']),
        weightsPart(l10n.t('Reward model (inference)'), rewardParameters, precision, settings, ['course-rlhf', 'course']),
      ],
      notes: [...policy.notes, ...rewardNote],
    };
  },
  deployment: (context) => {
    const { parameters, precision, settings } = context;
    const sixteenBit = parameters * settings.bytesPerParameter.bf16;
    return { ...inferenceParts(parameters, precision, settings), savingVersus16Bit: Math.round(sixteenBit - parameters * settings.bytesPerParameter[precision]) };
  },
};

/** `SOURCES` order, so lists read the same everywhere. */
const SOURCE_ORDER = Object.keys(SOURCES) as SourceId[];

function sourcesOf(parts: readonly EstimatePart[], compute: ComputeEstimate | undefined, hardware: HardwareMemory | undefined): SourceId[] {
  const cited = new Set<SourceId>([...parts.flatMap((entry) => entry.sources), ...(compute?.sources ?? [])]);
  if (hardware?.from === 'known-gpu') {
    cited.add('vendor');
  }
  return SOURCE_ORDER.filter((source) => cited.has(source));
}

/**
 * The estimate for one stage, or why there is none: a custom stage, or a model without a
 * parameter count. Unusable hardware does not stop the estimate: it comes back in
 * `hardwareProblem` instead of `fit`.
 */
export function estimateStage(input: EstimateInput, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): Result<StageEstimate> {
  const { stageId, model } = input;
  if (!isBuiltInStageId(stageId)) {
    return refuse(l10n.t('There is no memory estimate for the custom stage "{0}": estimates cover the five built-in stages.', stageId));
  }
  const parameters = model.parameters;
  if (parameters === undefined) {
    return refuse(l10n.t('Give the model’s size under model: (e.g. parameters: 8B) to estimate memory.'));
  }
  if (!Number.isFinite(parameters) || parameters <= 0) {
    return refuse(l10n.t('The model’s size {0} is not a parameter count above zero.', String(parameters)));
  }
  const stage = input.stage ?? {};
  const precision = stage.precision ?? model.precision ?? settings.defaultPrecision;
  const assumed = stage.precision === undefined && model.precision === undefined ? [l10n.t('No precision given: assumed {0}.', precision)] : [];
  const context: StageContext = { parameters, precision, stage, settings, ...(input.rewardModelParameters === undefined ? {} : { rewardModelParameters: input.rewardModelParameters }) };
  const built = STAGE_RULES[stageId](context);
  const totalBytes = built.parts.reduce((sum, entry) => sum + entry.bytes, 0);
  const hardware = input.hardware === undefined ? undefined : resolveHardware(input.hardware);
  const resolved = hardware?.ok ? hardware.value : undefined;
  return accept({
    stageId,
    parameters,
    precision,
    ...(built.method === undefined ? {} : { method: built.method }),
    parts: built.parts,
    totalBytes,
    ...(built.compute === undefined ? {} : { compute: built.compute }),
    ...(built.savingVersus16Bit === undefined ? {} : { savingVersus16Bit: built.savingVersus16Bit }),
    ...(resolved === undefined ? {} : { fit: checkFit(totalBytes, resolved) }),
    ...(hardware?.ok === false ? { hardwareProblem: hardware.message } : {}),
    notes: [...assumed, ...built.notes],
    sources: sourcesOf(built.parts, built.compute, resolved),
  });
}

export interface MethodFit {
  readonly method: TuningMethod;
  readonly totalBytes: number;
  readonly fits: boolean;
}

/** The methods "what would fit" compares, heaviest first. */
export const COMPARED_METHODS: readonly TuningMethod[] = ['full', 'lora', 'qlora'];

/**
 * Fine-tuning and RLHF: full, LoRA and QLoRA estimated against the plan's hardware, for advice
 * such as "full fine-tuning does not fit; LoRA or QLoRA does". Undefined for other stages, or
 * when there is no estimate or no usable hardware to check against.
 */
export function methodFits(input: EstimateInput, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): readonly MethodFit[] | undefined {
  if (!isBuiltInStageId(input.stageId) || !TUNING_STAGES.has(input.stageId)) {
    return undefined;
  }
  const fits: MethodFit[] = [];
  for (const method of COMPARED_METHODS) {
    const result = estimateStage({ ...input, stage: { ...input.stage, method } }, settings);
    if (!result.ok || result.value.fit === undefined) {
      return undefined;
    }
    fits.push({ method, totalBytes: result.value.totalBytes, fits: result.value.fit.fits });
  }
  return fits;
}

export interface PlanStageEstimate {
  readonly stage: PlanStage;
  readonly estimate: Result<StageEstimate>;
  /** Fine-tuning and RLHF with hardware: how full, LoRA and QLoRA compare. */
  readonly methods?: readonly MethodFit[];
}

/** Every stage of the plan in file order, each with its estimate or why there is none. */
export function estimatePlan(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): readonly PlanStageEstimate[] {
  return plan.stages.map((stage) => {
    const input: EstimateInput = { model: plan.model ?? {}, stageId: stage.id, stage, ...(plan.hardware === undefined ? {} : { hardware: plan.hardware }) };
    const methods = methodFits(input, settings);
    return { stage, estimate: estimateStage(input, settings), ...(methods === undefined ? {} : { methods }) };
  });
}
