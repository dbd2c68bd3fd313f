// The "Estimate GPU Memory" panel's data and its message contract: a chosen model size,
// precision and method applied to the plan's stages and hardware (or to the five built-in
// stages without a plan), as the estimates table, with every formula and source. Pure JSON.

import * as l10n from '@vscode/l10n';
import { BUILT_IN_STAGE_IDS, catalogStage } from '../domain/catalog';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../domain/estimateSettings';
import { formatCount } from '../domain/sizes';
import { type HardwareSpec, type Plan, type PlanStage, type Precision, type TuningMethod } from '../domain/types';
import { stageReadsKey } from '../planFile/planLines';
import { estimateFormulas, sourceList, SOURCE_SHORT_NAMES } from './estimateFormulas';
import { METHOD_LABELS, estimateTable, type EstimateTable } from './estimateText';

/** What the command asked for. */
export interface EstimateRequest {
  readonly parameters: number;
  readonly precision: Precision;
  /** Applied to the stages that read `method:` (fine-tuning, RLHF). */
  readonly method: TuningMethod;
  /** Without a plan (or a plan without usable hardware): a GPU to check against. */
  readonly gpu?: string;
}

export interface EstimatePanelData {
  /** `8B parameters, bf16, LoRA` */
  readonly title: string;
  /** Where the stages and hardware come from. */
  readonly basis: string;
  readonly table: EstimateTable;
  readonly formulas: readonly { readonly name: string; readonly formula: string; readonly sources: string }[];
  readonly sources: readonly { readonly short: string; readonly citation: string }[];
}

/** Extension -> page: the estimate, or (a panel restored after a reload, with nothing asked yet) what to do. */
export type EstimateHostMessage = { readonly type: 'estimate'; readonly data: EstimatePanelData } | { readonly type: 'empty'; readonly text: string };

export function emptyEstimateText(): string {
  return l10n.t('Run “GenAI Lifecycle: Estimate GPU Memory...” to choose a model size, precision and method.');
}

/** Page -> extension: only that it has loaded. */
export type EstimatePageMessage = { readonly type: 'ready' };

export function parseEstimatePageMessage(value: unknown): EstimatePageMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (value as Record<string, unknown>).type === 'ready' ? { type: 'ready' } : undefined;
}

const ORIGIN = { line: 0, character: 0 };
const NOWHERE = { start: ORIGIN, end: ORIGIN };

/** A built-in stage as if a plan listed it, not started (its range is nowhere: nothing reads it). */
function builtInStage(id: string, index: number): PlanStage {
  return { id, title: catalogStage(id)?.title ?? id, builtIn: true, status: 'not-started', tasks: [], index, range: NOWHERE, idRange: NOWHERE };
}

/**
 * The plan the request is estimated on: the plan's stages and hardware with the requested model
 * size and precision, and the method on every stage that reads one; without a plan, the five
 * built-in stages. A requested GPU counts only when the plan has no hardware.
 */
export function requestPlan(request: EstimateRequest, plan: Plan | undefined): Plan {
  const stages = plan?.stages ?? BUILT_IN_STAGE_IDS.map(builtInStage);
  const hardware: HardwareSpec | undefined = plan?.hardware ?? (request.gpu === undefined ? undefined : { gpu: request.gpu, count: 1 });
  return {
    version: 1,
    ...(plan?.project === undefined ? {} : { project: plan.project }),
    model: { ...(plan?.model?.base === undefined ? {} : { base: plan.model.base }), parameters: request.parameters, precision: request.precision },
    ...(hardware === undefined ? {} : { hardware }),
    stages: stages.map((stage) => (stage.builtIn && stageReadsKey('method', stage.id) ? { ...stage, method: request.method } : stage)),
  };
}

export function estimatePanelData(request: EstimateRequest, plan: Plan | undefined, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS, planName?: string): EstimatePanelData {
  const estimated = requestPlan(request, plan);
  const name = planName ?? plan?.project ?? 'lifecycle.yaml';
  const gpu = request.gpu ?? 'GPU';
  let basis: string;
  if (plan === undefined) {
    basis =
      estimated.hardware === undefined
        ? l10n.t('No plan: the five built-in stages, with no hardware to check the fit against.')
        : l10n.t('No plan: the five built-in stages, checked against one {0}.', gpu);
  } else if (plan.hardware !== undefined) {
    basis = l10n.t('The stages and hardware of {0}’s plan, with the model size, precision and method chosen here.', name);
  } else {
    basis =
      estimated.hardware === undefined
        ? l10n.t('The stages of {0}’s plan, with the model size, precision and method chosen here.', name)
        : l10n.t('The stages of {0}’s plan, with the model size, precision and method chosen here, checked against one {1}.', name, gpu);
  }
  return {
    title: l10n.t('{0} parameters, {1}, {2}', formatCount(request.parameters), request.precision, METHOD_LABELS[request.method]),
    basis,
    table: estimateTable(estimated, settings),
    formulas: estimateFormulas(settings).map((entry) => ({ name: entry.name, formula: entry.formula, sources: entry.sources.map((source) => SOURCE_SHORT_NAMES[source]).join(', ') })),
    sources: sourceList().map(({ short, citation }) => ({ short, citation })),
  };
}
