// A status report as Markdown, for a pull request, an issue or a weekly update: where the plan
// stands, the advisor's current advice and what the rest will take. Deterministic (the date
// comes from the caller, evidence results too, since checking files is the adapters' job), so
// the exact text is unit-tested. Plan strings are only ever placed in table cells, escaped there.

import * as l10n from '@vscode/l10n';
import type { Advice } from '../domain/advice';
import { effortRollup, type EffortRank, type EffortRollup } from '../domain/effortRollup';
import type { EvidenceResult } from '../domain/evidence';
import { progress } from '../domain/progress';
import { STAGE_ACTION_SPECS } from '../domain/statusActions';
import { STATUS_LABELS } from '../domain/statuses';
import type { Plan, PlanStage } from '../domain/types';
import { effortSummary } from './effortSummary';

export interface StatusReportOptions {
  /** The advisor's list, in its order (see `adviseOn`). */
  readonly advice: readonly Advice[];
  /** Defaults to `effortRollup(plan)`. */
  readonly rollup?: EffortRollup;
  /** Per stage id, what the adapter found for each evidence entry; a stage missing here is "not checked". */
  readonly evidence?: ReadonlyMap<string, readonly EvidenceResult[]>;
}

/** What an empty cell shows, so a reader can tell "nothing" from a broken table. */
const NONE = '—';

/**
 * Plan text as one GitHub/CommonMark table cell: line breaks become spaces (a row is one line)
 * and `|` is escaped (it would end the cell); `\` is escaped first so a backslash in the text
 * cannot un-escape the pipe that follows it.
 */
export function escapeTableCell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\|]/g, '\\$&');
}

export function statusReport(plan: Plan, date: string, options: StatusReportOptions): string {
  const rollup = options.rollup ?? effortRollup(plan);
  const { finished, total } = progress(plan);
  const sections = [
    `# ${l10n.t('Lifecycle status report')}`,
    table([l10n.t('Project'), l10n.t('Date'), l10n.t('Progress')], [[cell(plan.project), cell(date), l10n.t('{0} of {1} stages finished', finished, total)]]),
    `## ${l10n.t('Stages')}`,
    plan.stages.length === 0 ? l10n.t('The plan has no stages.') : table(stageColumns(), plan.stages.map((stage) => stageRow(stage, options.evidence))),
    `## ${l10n.t('Advice')}`,
    options.advice.length === 0
      ? l10n.t('Nothing to advise right now.')
      : table([l10n.t('Stage'), l10n.t('Advice'), l10n.t('Suggested action')], options.advice.map((advice) => adviceRow(plan, advice))),
    `## ${l10n.t('Effort still ahead')}`,
    effortSummary(rollup),
  ];
  if (rollup.open.length > 0) {
    const rows = rollup.open.map((entry) => [cell(titleOf(plan, entry.stageId)), rankCell(entry.expertise), rankCell(entry.duration)]);
    sections.push(table([l10n.t('Open stage'), l10n.t('Expertise'), l10n.t('Training duration')], rows));
  }
  return sections.join('\n\n') + '\n';
}

function stageColumns(): string[] {
  return [l10n.t('Stage'), l10n.t('Status'), l10n.t('Owner'), l10n.t('Started'), l10n.t('Completed'), l10n.t('Tasks done'), l10n.t('Evidence found')];
}

function stageRow(stage: PlanStage, evidence: ReadonlyMap<string, readonly EvidenceResult[]> | undefined): string[] {
  const doneTasks = stage.tasks.filter((task) => task.done).length;
  return [
    cell(stage.title),
    STATUS_LABELS[stage.status],
    cell(stage.owner),
    cell(stage.started),
    cell(stage.completed),
    stage.tasks.length === 0 ? NONE : `${doneTasks}/${stage.tasks.length}`,
    evidenceCell(stage, evidence?.get(stage.id)),
  ];
}

function evidenceCell(stage: PlanStage, results: readonly EvidenceResult[] | undefined): string {
  if (results !== undefined) {
    return `${results.filter((result) => result.found).length}/${results.length}`;
  }
  return (stage.evidence ?? []).length > 0 ? l10n.t('not checked') : NONE;
}

function adviceRow(plan: Plan, advice: Advice): string[] {
  const action = advice.action
    ? l10n.t({
        message: '{0} {1}',
        args: [STAGE_ACTION_SPECS[advice.action.command].label, escapeTableCell(titleOf(plan, advice.action.stageId))],
        comment: ['An action on a stage, e.g. "Skip Pre-training": {0} is the action, {1} the stage'],
      })
    : NONE;
  return [cell(titleOf(plan, advice.stageId)), escapeTableCell(advice.message), action];
}

function rankCell(rank: EffortRank | undefined): string {
  return rank ? rank.label : l10n.t('not ranked');
}

/** The first stage's title for an id, as everywhere else; the id itself when the plan lacks it. */
function titleOf(plan: Plan, stageId: string): string {
  return plan.stages.find((stage) => stage.id === stageId)?.title ?? stageId;
}

function cell(text: string | undefined): string {
  return text === undefined || text.trim() === '' ? NONE : escapeTableCell(text.trim());
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
