// "Will it fit?" as a diagnostic: a stage whose memory estimate is more than the plan's GPUs
// hold is a warning on its id, saying by how much and, for fine-tuning and RLHF, which cheaper
// method would fit. The quick fixes (planFile/fixes.ts) read the fitting methods from `data`.
// Computed from a read plan and the estimate settings; the plan reader knows nothing of it.

import * as l10n from '@vscode/l10n';
import { catalogStage } from '../domain/catalog';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../domain/estimateSettings';
import { estimatePlan, type MethodFit } from '../domain/estimates';
import { describeHardware } from '../domain/gpus';
import { formatBytes, formatCount } from '../domain/sizes';
import type { Plan, TuningMethod } from '../domain/types';
import type { PlanDiagnostic } from '../planFile/types';
import { METHOD_LABELS, methodAdvice } from './estimateText';

export const ESTIMATE_DIAGNOSTIC_CODE = 'estimate-exceeds-hardware';

/** Statuses whose estimate is no longer a question: the work is done, or not going to be. */
const SETTLED = new Set(['done', 'skipped']);

/** Methods the quick fixes offer, in the order they are offered (LoRA first: it keeps 16-bit weights). */
export const FIX_METHODS: readonly TuningMethod[] = ['lora', 'qlora'];

/**
 * One warning per stage (the first of a duplicated id, which edits act on) whose estimate is
 * checked against the plan's hardware and does not fit. Done and skipped stages are left out.
 * `data` carries `stageId`, `hardware` (total memory) and, per method of `FIX_METHODS` that
 * would fit and is not the stage's own, its total (`lora: '17.3 GB'`).
 */
export function estimateDiagnostics(plan: Plan, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): PlanDiagnostic[] {
  const seen = new Set<string>();
  const diagnostics: PlanDiagnostic[] = [];
  for (const { stage, estimate, methods } of estimatePlan(plan, settings)) {
    const first = !seen.has(stage.id);
    seen.add(stage.id);
    if (!first || !estimate.ok || SETTLED.has(stage.status)) {
      continue;
    }
    const value = estimate.value;
    const fit = value.fit;
    if (fit === undefined || fit.fits) {
      continue;
    }
    const parameters = formatCount(value.parameters);
    const configuration =
      value.method === undefined
        ? l10n.t('{0} parameters, {1}', parameters, value.precision)
        : stage.method === undefined
          ? l10n.t('{0} parameters, {1}, {2}, assumed as the stage gives no method:', parameters, value.precision, METHOD_LABELS[value.method])
          : l10n.t('{0} parameters, {1}, {2}', parameters, value.precision, METHOD_LABELS[value.method]);
    const sentences = [
      l10n.t(
        'GPU memory estimate for {0}: {1} ({2}) does not fit on {3}; it needs at least {4} GPUs of {5}.',
        catalogStage(stage.id)?.title ?? stage.id,
        formatBytes(value.totalBytes),
        configuration,
        describeHardware(fit.hardware),
        String(fit.gpusNeeded),
        formatBytes(fit.hardware.perGpuBytes),
      ),
    ];
    const advice = methodAdvice(methods, stage.id);
    if (advice !== undefined) {
      sentences.push(advice);
    }
    diagnostics.push({
      code: ESTIMATE_DIAGNOSTIC_CODE,
      severity: 'warning',
      message: sentences.join(' '),
      range: stage.idRange,
      data: { stageId: stage.id, hardware: formatBytes(fit.hardware.totalBytes), ...fittingMethods(methods, value.method) },
    });
  }
  return diagnostics;
}

function fittingMethods(methods: readonly MethodFit[] | undefined, current: TuningMethod | undefined): Record<string, string> {
  const fitting: Record<string, string> = {};
  for (const entry of methods ?? []) {
    if (entry.fits && entry.method !== current && FIX_METHODS.includes(entry.method)) {
      fitting[entry.method] = formatBytes(entry.totalBytes);
    }
  }
  return fitting;
}
