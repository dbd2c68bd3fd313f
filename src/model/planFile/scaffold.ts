// The starter lifecycle.yaml written by "Initialize Lifecycle Plan": the chosen built-in
// stages in lifecycle order, with comments that teach the format where it is used.

import { CATALOG } from '../domain/catalog';
import { STAGE_STATUSES } from '../domain/statuses';
import { PRECISIONS, TUNING_METHODS } from '../domain/types';
import { formatScalar } from './scalar';
import type { Eol } from './text';

export interface ScaffoldOptions {
  /** Project name written to `project:`; defaults to `my-genai-project`. */
  readonly project?: string;
  /** Built-in stage ids to include (unknown ids are ignored); defaults to all five. */
  readonly stageIds?: readonly string[];
  /** Mark pre-training as skipped, as most projects start from a foundation model. Default true. */
  readonly skipPreTraining?: boolean;
  readonly eol?: Eol;
}

export const DEFAULT_PROJECT_NAME = 'my-genai-project';

const HEADER = [
  '# GenAI project lifecycle plan, read by the GenAI Lifecycle extension.',
  '#',
  '# One entry per stage of the project. Keep each `status` current as the work moves on:',
  '# the sidebar, the status bar and the effort chart follow this file.',
  '#',
  `#   status              ${STAGE_STATUSES.join(' | ')}`,
  '#   started, completed  dates written YYYY-MM-DD (filled in when you start or complete',
  '#                       a stage from the sidebar)',
  '#   owner, note         optional text',
  '#   plan                optional path of a markdown plan, relative to this folder',
  '#   blocked             the date a blocked stage got stuck, YYYY-MM-DD',
  '#   evidence            optional list of files or globs, relative to this folder, that',
  '#                       prove the stage done (an eval report, a model card)',
  `#   method              fine-tuning and rlhf: ${TUNING_METHODS.join(' | ')}`,
  '#   trainable           the share of weights lora and qlora train, such as 1%',
  `#   precision           ${PRECISIONS.join(' | ')}, such as int8 for deployment`,
  '#   reward-model        rlhf: train, existing, or a mapping `existing: <name>`',
  '#',
  '# A stage of your own needs an `id` and a `title`, and may describe its effort:',
  '#   - id: eval-harness',
  '#     title: Evaluation harness',
  '#     effort: {duration: Hours to days, objective: Catch quality regressions, expertise: Medium}',
];

/** Shown, not set: the values are the team's to give, and estimates only use them once they are. */
const MODEL_EXAMPLE = [
  '# The model you build on and the GPUs you have, for memory estimates: uncomment and edit.',
  '# model:',
  '#   base: meta-llama/Llama-3.1-8B   # free text',
  '#   parameters: 8B                  # 70M, 8B, 1.5T...',
  '#   precision: bf16',
  '# hardware:',
  '#   gpu: A100-80GB                  # or any name, with memory: 80GB',
  '#   count: 1',
];

const TASKS_EXAMPLE = [
  '# tasks:',
  '#   - title: Agree on what "done" means for this stage',
  '#     done: false',
];

export function scaffold(options: ScaffoldOptions = {}): string {
  const eol = options.eol ?? '\n';
  const skipPreTraining = options.skipPreTraining ?? true;
  const wanted = options.stageIds ? new Set(options.stageIds) : undefined;
  const stages = CATALOG.filter((stage) => !wanted || wanted.has(stage.id));
  const lines = [...HEADER, 'version: 1', `project: ${formatScalar(options.project ?? DEFAULT_PROJECT_NAME, 'block')}`, ...MODEL_EXAMPLE];
  if (stages.length === 0) {
    lines.push('stages: []');
  } else {
    lines.push('stages:');
    let exampleShown = false;
    for (const stage of stages) {
      const skipped = stage.id === 'pre-training' && skipPreTraining;
      lines.push(`  - id: ${stage.id}`, `    status: ${skipped ? 'skipped' : 'not-started'}`);
      if (skipped) {
        lines.push('    note: Starting from an existing foundation model');
      } else if (!exampleShown) {
        // One commented example is enough to show the shape of tasks.
        for (const line of TASKS_EXAMPLE) {
          lines.push(`    ${line}`);
        }
        exampleShown = true;
      }
    }
  }
  return lines.join(eol) + eol;
}
