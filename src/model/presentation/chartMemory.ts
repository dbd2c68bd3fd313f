// The effort chart's "GPU memory" row: each plan stage's estimate as a figure and a share of
// the plan's GPU memory, whether it fits, or what the plan must say to get one. Plain JSON
// for the webview, like the rest of the chart data.

import * as l10n from '@vscode/l10n';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../domain/estimateSettings';
import { estimatePlan } from '../domain/estimates';
import { describeHardware, resolveHardware } from '../domain/gpus';
import { formatBytes } from '../domain/sizes';
import type { Plan } from '../domain/types';
import { METHOD_LABELS, fitStatus, shortFit, type FitStatus } from './estimateText';

/** One stage's cell. */
export interface ChartMemoryCell {
  readonly stageId: string;
  /** `17.3 GB`; undefined when the stage has no estimate (a custom stage). */
  readonly label?: string;
  readonly bytes?: number;
  /** The estimate over the plan's total GPU memory: 0..1 fits, above 1 does not; undefined when not checked. */
  readonly fraction?: number;
  /** Undefined when the fit is not checked (no usable hardware). */
  readonly fits?: boolean;
  readonly fit: FitStatus;
  /** `Fits on 1 GPU`, `Needs 3 GPUs of 80 GB`, `Not checked`. */
  readonly fitText: string;
  /** `LoRA`, `full fine-tuning` (assumed when the stage gives none): fine-tuning and RLHF. */
  readonly method?: string;
  readonly precision?: string;
  /** Why there is no estimate, short. */
  readonly problem?: string;
}

export interface ChartMemory {
  /** `1 × A100 80GB (80 GB)`, when the plan's hardware can be sized. */
  readonly hardware?: string;
  readonly hardwareBytes?: number;
  /** `80 GB`: the GPUs' memory together, what the bars are measured against. */
  readonly hardwareTotal?: string;
  /** Why the fit is not checked (no hardware:, or hardware we cannot size). */
  readonly hardwareProblem?: string;
  /** When the plan gives no model size: what to add. There are no cells then. */
  readonly missing?: string;
  /** Plan stages in file order, the first of a duplicated id only. */
  readonly cells: readonly ChartMemoryCell[];
}

export function memoryMissingModel(): string {
  return l10n.t('Add model: with parameters: (e.g. parameters: 8B) to lifecycle.yaml, and hardware: with gpu: (e.g. gpu: A100-80GB), to see each stage’s GPU memory here.');
}

export function memoryMissingHardware(): string {
  return l10n.t('Add hardware: with gpu: or memory: to lifecycle.yaml to check the fit.');
}


export function chartMemory(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): ChartMemory {
  if (plan.model?.parameters === undefined) {
    return { missing: memoryMissingModel(), cells: [] };
  }
  const hardware = plan.hardware === undefined ? undefined : resolveHardware(plan.hardware);
  const seen = new Set<string>();
  const cells: ChartMemoryCell[] = [];
  for (const { stage, estimate } of estimatePlan(plan, settings)) {
    if (seen.has(stage.id)) {
      continue;
    }
    seen.add(stage.id);
    if (!estimate.ok) {
      cells.push({ stageId: stage.id, fit: 'not-checked', fitText: l10n.t('Not checked'), problem: stage.builtIn ? estimate.message : l10n.t('No estimate for a custom stage') });
      continue;
    }
    const value = estimate.value;
    const fit = value.fit;
    const status = fitStatus(fit);
    cells.push({
      stageId: stage.id,
      label: formatBytes(value.totalBytes),
      bytes: value.totalBytes,
      ...(fit === undefined ? {} : { fraction: value.totalBytes / fit.hardware.totalBytes, fits: fit.fits }),
      fit: status,
      fitText: shortFit(fit),
      ...(value.method === undefined ? {} : { method: METHOD_LABELS[value.method] }),
      precision: value.precision,
    });
  }
  return {
    ...(hardware?.ok ? { hardware: describeHardware(hardware.value), hardwareBytes: hardware.value.totalBytes, hardwareTotal: formatBytes(hardware.value.totalBytes) } : {}),
    ...(hardware === undefined ? { hardwareProblem: memoryMissingHardware() } : hardware.ok ? {} : { hardwareProblem: hardware.message }),
    cells,
  };
}
