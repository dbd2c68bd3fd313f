// How a memory estimate reads to people: Markdown for hovers and the panel (each part with its
// formula, the total, whether it fits and the sources), and a plain table model, one row per
// stage, for a webview. Text from the plan (model and GPU names, custom stage ids) is escaped
// in Markdown; the table holds plain text that the webview must set as text, never as HTML.

import * as l10n from '@vscode/l10n';
import { catalogStage } from '../domain/catalog';
import { DEFAULT_ESTIMATE_SETTINGS, SOURCES, type EstimateSettings } from '../domain/estimateSettings';
import { estimatePlan, type FitCheck, type MethodFit, type StageEstimate } from '../domain/estimates';
import { describeHardware, resolveHardware } from '../domain/gpus';
import { formatBytes, formatCount, formatFlops, formatNumber, type Result } from '../domain/sizes';
import type { Plan, Precision, TuningMethod } from '../domain/types';
import { escapeMarkdownLine } from './markdown';

/** How methods read in text; translated when read (LoRA and QLoRA keep their names). */
export const METHOD_LABELS: Readonly<Record<TuningMethod, string>> = {
  get full() {
    return l10n.t('full fine-tuning');
  },
  lora: 'LoRA',
  qlora: 'QLoRA',
  get 'prompt-tuning'() {
    return l10n.t('prompt tuning');
  },
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
      ? l10n.t('Fit not checked: add hardware: to the plan (gpu: or memory:) to check it.')
      : l10n.t('Fit not checked: {0}', escape(estimate.hardwareProblem));
  }
  const total = formatBytes(totalBytes);
  const name = fit.hardware.gpuName;
  const hardware = describeHardware(name === undefined ? fit.hardware : { ...fit.hardware, gpuName: escape(name) });
  const perGpu = formatBytes(fit.hardware.perGpuBytes);
  const needed = String(fit.gpusNeeded);
  switch (fitStatus(fit)) {
    case 'fits':
      return l10n.t('Fits on one GPU: {0} of {1}, on {2}.', total, perGpu, hardware);
    case 'fits-sharded':
      return l10n.t(
        'Fits only when sharded across the GPUs (ZeRO-3 or FSDP to train, tensor parallelism to serve): {0} on {1}; it needs at least {2} GPUs of {3}.',
        total,
        hardware,
        needed,
        perGpu,
      );
    default:
      return l10n.t('Does not fit: {0} on {1}; it needs at least {2} GPUs of {3}.', total, hardware, needed, perGpu);
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
  const rlhf = stageId === 'rlhf';
  const fitting = methods.filter((entry) => entry.fits).map((entry) => METHOD_LABELS[entry.method]);
  const notFitting = methods.filter((entry) => !entry.fits && entry.method !== 'full').map((entry) => METHOD_LABELS[entry.method]);
  if (fitting.length === 0) {
    const nor = notFitting.join(l10n.t(' nor '));
    return rlhf
      ? l10n.t('Neither full tuning of the policy nor {0} fits: add GPUs, or choose a smaller model.', nor)
      : l10n.t('Neither full fine-tuning nor {0} fits: add GPUs, or choose a smaller model.', nor);
  }
  const fits = fitting.join(l10n.t(' or '));
  if (notFitting.length === 0) {
    return rlhf ? l10n.t('Full tuning of the policy does not fit; {0} does.', fits) : l10n.t('Full fine-tuning does not fit; {0} does.', fits);
  }
  const others = notFitting.join(l10n.t(' or '));
  return rlhf
    ? l10n.t('Full tuning of the policy does not fit, nor does {0}; {1} does.', others, fits)
    : l10n.t('Full fine-tuning does not fit, nor does {0}; {1} does.', others, fits);
}

/** `7B parameters, bf16, QLoRA` */
function configuration(estimate: StageEstimate): string {
  const method = estimate.method === undefined ? [] : [METHOD_LABELS[estimate.method]];
  return [l10n.t('{0} parameters', formatCount(estimate.parameters)), estimate.precision, ...method].join(', ');
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
    return `**${l10n.t('Memory estimate')}**\n\n${escapeMarkdownLine(result.message)}`;
  }
  const estimate = result.value;
  const model = options.modelName === undefined ? '' : `${escapeMarkdownLine(options.modelName)}: `;
  const blocks: string[] = [`**${l10n.t('Memory estimate: {0}', stageTitle(estimate.stageId))}**  \n${model}${configuration(estimate)}`];
  blocks.push(
    [
      `| ${l10n.t('Part')} | ${l10n.t('Memory')} | ${l10n.t('How')} |`,
      '| --- | ---: | --- |',
      ...estimate.parts.map((part) => `| ${part.label} | ${formatBytes(part.bytes)} | ${part.formula} |`),
      `| **${l10n.t('Total')}** | **${formatBytes(estimate.totalBytes)}** | |`,
    ].join('\n'),
  );
  const findings = [fitSentence(estimate, escapeMarkdownLine)];
  const advice = methodAdvice(options.methods, estimate.stageId);
  if (advice !== undefined) {
    findings.push(advice);
  }
  if (estimate.savingVersus16Bit !== undefined && estimate.savingVersus16Bit !== 0) {
    const saving = estimate.savingVersus16Bit;
    findings.push(
      saving > 0
        ? l10n.t('{0} saves {1} of weights against 16-bit.', estimate.precision, formatBytes(saving))
        : l10n.t('{0} takes {1} more for the weights than 16-bit.', estimate.precision, formatBytes(-saving)),
    );
  }
  blocks.push(findings.join('  \n'));
  if (estimate.compute !== undefined) {
    blocks.push([l10n.t('Compute to train on compute-optimal data:'), ...estimate.compute.formulas.map((line) => `- ${line}`)].join('\n'));
  }
  if (estimate.notes.length > 0) {
    blocks.push([l10n.t('Assumed:'), ...estimate.notes.map((note) => `- ${note}`)].join('\n'));
  }
  blocks.push([l10n.t('Sources:'), ...estimate.sources.map((source) => `- ${SOURCES[source]}`)].join('\n'));
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

/** The fit in a few words, for a table cell: `Fits on 1 GPU`, `Needs 3 GPUs of 80 GB`, `Not checked`. */
export function shortFit(fit: FitCheck | undefined): string {
  switch (fitStatus(fit)) {
    case 'fits':
      return l10n.t('Fits on 1 GPU');
    case 'fits-sharded':
      return l10n.t('Fits on {0} of {1} GPUs, sharded', String(fit?.gpusNeeded), String(fit?.hardware.count));
    case 'does-not-fit':
      return l10n.t('Needs {0} GPUs of {1}', String(fit?.gpusNeeded), formatBytes(fit?.hardware.perGpuBytes ?? 0));
    default:
      return l10n.t('Not checked');
  }
}

/** The rows a webview renders: every plan stage in file order, with its estimate or why none. */
export function estimateTable(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): EstimateTable {
  const rows = estimatePlan(plan, settings).map(({ stage, estimate, methods }): EstimateRow => {
    if (!estimate.ok) {
      return { stageId: stage.id, title: stage.title, fit: 'not-checked', fitText: l10n.t('Not checked'), problem: estimate.message };
    }
    const value = estimate.value;
    const advice = methodAdvice(methods, stage.id);
    const compute = value.compute === undefined ? undefined : l10n.t('{0} ({1} petaflop/s-days)', formatFlops(value.compute.flops), formatNumber(value.compute.petaflopDays));
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
  const size =
    model?.parameters === undefined
      ? undefined
      : l10n.t('{0} parameters, {1}', formatCount(model.parameters), model.precision ?? l10n.t('{0} assumed', settings.defaultPrecision));
  const modelText = size === undefined ? undefined : model?.base === undefined ? size : `${model.base} (${size})`;
  const hardware = plan.hardware === undefined ? undefined : resolveHardware(plan.hardware);
  return {
    ...(modelText === undefined ? {} : { model: modelText }),
    ...(hardware?.ok ? { hardware: describeHardware(hardware.value) } : {}),
    ...(hardware?.ok === false ? { hardwareProblem: hardware.message } : {}),
    rows,
  };
}
