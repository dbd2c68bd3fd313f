// The starter lifecycle.yaml written by "Initialize Lifecycle Plan": the chosen built-in
// stages in lifecycle order, with comments that teach the format where it is used.

import { CATALOG } from '../domain/catalog';
import { STAGE_STATUSES } from '../domain/statuses';
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
  '#',
  '# A stage of your own needs an `id` and a `title`, and may describe its effort:',
  '#   - id: eval-harness',
  '#     title: Evaluation harness',
  '#     effort: {duration: Hours to days, objective: Catch quality regressions, expertise: Medium}',
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
  const lines = [...HEADER, 'version: 1', `project: ${formatScalar(options.project ?? DEFAULT_PROJECT_NAME, 'block')}`];
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
