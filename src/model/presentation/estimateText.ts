// How a memory estimate reads to people: Markdown for hovers and the panel (each part with its
// formula, the total, whether it fits and the sources), and a plain table model, one row per
// stage, for a webview. Text from the plan (model and GPU names, custom stage ids) is escaped
// in Markdown; the table holds plain text that the webview must set as text, never as HTML.

import { catalogStage } from '../domain/catalog';
import { DEFAULT_ESTIMATE_SETTINGS, SOURCES, type EstimateSettings } from '../domain/estimateSettings';
import { estimatePlan, type FitCheck, type MethodFit, type StageEstimate } from '../domain/estimates';
import { describeHardware, resolveHardware } from '../domain/gpus';
import { formatBytes, formatCount, formatFlops, formatNumber, type Result } from '../domain/sizes';
import type { Plan, Precision, TuningMethod } from '../domain/types';
import { escapeMarkdownLine } from './markdown';

export const METHOD_LABELS: Readonly<Record<TuningMethod, string>> = {
  full: 'full fine-tuning',
  lora: 'LoRA',
  qlora: 'QLoRA',
  'prompt-tuning': 'prompt tuning',
};

/** `fits`: on one GPU; `fits-sharded`: only spread across the GPUs; `not-checked`: no usable hardware. */
export type FitStatus = 'fits' | 'fits-sharded' | 'does-not-fit' | 'not-checked';

export function fitStatus(fit: FitCheck | undefined): FitStatus {
  if (fit === undefined) {
    return 'not-checked';
  }
  return fit.fitsOnOneGpu ? 'fits' : fit.fits ? 'fits-sharded' : 'does-not-fit';
}

/**
 * One sentence on the fit. Plan text in it (the GPU's name, a hardware problem that quotes
 * it) goes through `escape`: plain text by default, `escapeMarkdownLine` for Markdown.
 */
export function fitSentence(estimate: StageEstimate, escape: (text: string) => string = (text) => text): string {
  const { fit, totalBytes } = estimate;
  if (fit === undefined) {
    return estimate.hardwareProblem === undefined
      ? 'Fit not checked: add hardware: to the plan (gpu: or memory:) to check it.'
      : `Fit not checked: ${escape(estimate.hardwareProblem)}`;
  }
  const total = formatBytes(totalBytes);
  const name = fit.hardware.gpuName;
  const hardware = describeHardware(name === undefined ? fit.hardware : { ...fit.hardware, gpuName: escape(name) });
  const perGpu = formatBytes(fit.hardware.perGpuBytes);
  const needs = `it needs at least ${String(fit.gpusNeeded)} GPUs of ${perGpu}`;
  switch (fitStatus(fit)) {
    case 'fits':
      return `Fits on one GPU: ${total} of ${perGpu}, on ${hardware}.`;
    case 'fits-sharded':
      return `Fits only when sharded across the GPUs (ZeRO-3 or FSDP to train, tensor parallelism to serve): ${total} on ${hardware}; ${needs}.`;
    default:
      return `Does not fit: ${total} on ${hardware}; ${needs}.`;
  }
}

/**
 * Advice from `methodFits`: which parameter-efficient methods fit where full tuning does not.
 * Undefined when full tuning fits (nothing to advise) or there is nothing to compare.
 */
export function methodAdvice(methods: readonly MethodFit[] | undefined, stageId: string): string | undefined {
  if (methods === undefined || methods.length === 0 || methods.some((entry) => entry.method === 'full' && entry.fits)) {
    return undefined;
  }
  const full = stageId === 'rlhf' ? 'Full tuning of the policy' : 'Full fine-tuning';
  const fitting = methods.filter((entry) => entry.fits).map((entry) => METHOD_LABELS[entry.method]);
  const notFitting = methods.filter((entry) => !entry.fits && entry.method !== 'full').map((entry) => METHOD_LABELS[entry.method]);
  if (fitting.length === 0) {
    return `Neither ${full.toLowerCase()} nor ${notFitting.join(' nor ')} fits: add GPUs, or choose a smaller model.`;
  }
  const nor = notFitting.length === 0 ? '' : `, nor does ${notFitting.join(' or ')}`;
  return `${full} does not fit${nor}; ${fitting.join(' or ')} does.`;
}

/** `7B parameters, bf16, QLoRA` */
function configuration(estimate: StageEstimate): string {
  const method = estimate.method === undefined ? [] : [METHOD_LABELS[estimate.method]];
  return [`${formatCount(estimate.parameters)} parameters`, estimate.precision, ...method].join(', ');
}

function stageTitle(stageId: string): string {
  return catalogStage(stageId)?.title ?? stageId;
}

export interface EstimateMarkdownOptions {
  /** The plan's `model: base:`, shown as written (escaped). */
  readonly modelName?: string;
  /** From `methodFits`, for the advice line. */
  readonly methods?: readonly MethodFit[];
}

/**
 * The estimate as Markdown: heading, a table of the parts (each with its formula), the fit,
 * compute, what was assumed and the sources. A refusal is shown as its message, escaped.
 */
export function estimateMarkdown(result: Result<StageEstimate>, options: EstimateMarkdownOptions = {}): string {
  if (!result.ok) {
    return `**Memory estimate**\n\n${escapeMarkdownLine(result.message)}`;
  }
  const estimate = result.value;
  const model = options.modelName === undefined ? '' : `${escapeMarkdownLine(options.modelName)}: `;
  const blocks: string[] = [`**Memory estimate: ${stageTitle(estimate.stageId)}**  \n${model}${configuration(estimate)}`];
  blocks.push(
    [
      '| Part | Memory | How |',
      '| --- | ---: | --- |',
      ...estimate.parts.map((part) => `| ${part.label} | ${formatBytes(part.bytes)} | ${part.formula} |`),
      `| **Total** | **${formatBytes(estimate.totalBytes)}** | |`,
    ].join('\n'),
  );
  const findings = [fitSentence(estimate, escapeMarkdownLine)];
  const advice = methodAdvice(options.methods, estimate.stageId);
  if (advice !== undefined) {
    findings.push(advice);
  }
  if (estimate.savingVersus16Bit !== undefined && estimate.savingVersus16Bit !== 0) {
    const saving = estimate.savingVersus16Bit;
    findings.push(saving > 0 ? `${estimate.precision} saves ${formatBytes(saving)} of weights against 16-bit.` : `${estimate.precision} takes ${formatBytes(-saving)} more for the weights than 16-bit.`);
  }
  blocks.push(findings.join('  \n'));
  if (estimate.compute !== undefined) {
    blocks.push(['Compute to train on compute-optimal data:', ...estimate.compute.formulas.map((line) => `- ${line}`)].join('\n'));
  }
  if (estimate.notes.length > 0) {
    blocks.push(['Assumed:', ...estimate.notes.map((note) => `- ${note}`)].join('\n'));
  }
  blocks.push(['Sources:', ...estimate.sources.map((source) => `- ${SOURCES[source]}`)].join('\n'));
  return blocks.join('\n\n');
}

/** One stage of the estimates table. Plain text throughout. */
export interface EstimateRow {
  readonly stageId: string;
  readonly title: string;
  readonly method?: string;
  readonly precision?: Precision;
  readonly totalBytes?: number;
  /** `42.9 GB` */
  readonly total?: string;
  readonly fit: FitStatus;
  /** Short: `Fits on 1 GPU`, `Needs 3 GPUs of 80 GB`, `Not checked`. */
  readonly fitText: string;
  /** Pre-training: `5.88e23 FLOPs (6,810 petaflop/s-days)`. */
  readonly compute?: string;
  readonly advice?: string;
  /** Why there is no estimate (a custom stage, a model without a size). */
  readonly problem?: string;
}

export interface EstimateTable {
  /** `meta-llama/Llama-3.1-8B (8B parameters, bf16)` when the plan sizes its model. */
  readonly model?: string;
  readonly hardware?: string;
  readonly hardwareProblem?: string;
  readonly rows: readonly EstimateRow[];
}

function shortFit(fit: FitCheck | undefined): string {
  switch (fitStatus(fit)) {
    case 'fits':
      return 'Fits on 1 GPU';
    case 'fits-sharded':
      return `Fits on ${String(fit?.gpusNeeded)} of ${String(fit?.hardware.count)} GPUs, sharded`;
    case 'does-not-fit':
      return `Needs ${String(fit?.gpusNeeded)} GPUs of ${formatBytes(fit?.hardware.perGpuBytes ?? 0)}`;
    default:
      return 'Not checked';
  }
}

/** The rows a webview renders: every plan stage in file order, with its estimate or why none. */
export function estimateTable(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): EstimateTable {
  const rows = estimatePlan(plan, settings).map(({ stage, estimate, methods }): EstimateRow => {
    if (!estimate.ok) {
      return { stageId: stage.id, title: stage.title, fit: 'not-checked', fitText: 'Not checked', problem: estimate.message };
    }
    const value = estimate.value;
    const advice = methodAdvice(methods, stage.id);
    const compute = value.compute === undefined ? undefined : `${formatFlops(value.compute.flops)} (${formatNumber(value.compute.petaflopDays)} petaflop/s-days)`;
    return {
      stageId: stage.id,
      title: stage.title,
      ...(value.method === undefined ? {} : { method: METHOD_LABELS[value.method] }),
      precision: value.precision,
      totalBytes: value.totalBytes,
      total: formatBytes(value.totalBytes),
      fit: fitStatus(value.fit),
      fitText: shortFit(value.fit),
      ...(compute === undefined ? {} : { compute }),
      ...(advice === undefined ? {} : { advice }),
    };
  });
  const model = plan.model;
  const size = model?.parameters === undefined ? undefined : `${formatCount(model.parameters)} parameters, ${model.precision ?? `${settings.defaultPrecision} assumed`}`;
  const modelText = size === undefined ? undefined : model?.base === undefined ? size : `${model.base} (${size})`;
  const hardware = plan.hardware === undefined ? undefined : resolveHardware(plan.hardware);
  return {
    ...(modelText === undefined ? {} : { model: modelText }),
    ...(hardware?.ok ? { hardware: describeHardware(hardware.value) } : {}),
    ...(hardware?.ok === false ? { hardwareProblem: hardware.message } : {}),
    rows,
  };
}
