// How stages, tasks and progress read in the sidebar and the status bar: labels, descriptions,
// icons, tooltips. Pure functions (no `vscode`), so the wording is unit-tested in plain Node;
// the tree items only wrap these strings in VS Code types.

import * as l10n from '@vscode/l10n';
import { catalogStage, EFFORT_COLUMNS } from '../domain/catalog';
import { currentStage, progress } from '../domain/progress';
import { STATUS_LABELS, type StageStatus } from '../domain/statuses';
import type { Plan, PlanStage, PlanTask } from '../domain/types';
import { escapeMarkdown } from './markdown';

/** A codicon and the theme colour it is drawn with; shapes differ too, for high-contrast themes. */
export interface StatusLook {
  readonly icon: string;
  /** A theme colour id; undefined keeps the list's foreground. */
  readonly color: string | undefined;
}

export const STATUS_LOOKS: Readonly<Record<StageStatus, StatusLook>> = {
  'not-started': { icon: 'circle-large-outline', color: undefined },
  'in-progress': { icon: 'play-circle', color: 'charts.blue' },
  blocked: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  done: { icon: 'pass-filled', color: 'testing.iconPassed' },
  skipped: { icon: 'debug-step-over', color: 'disabledForeground' },
};

/** The one status bar icon (VS Code's guidelines: one icon, no custom colours). */
export const STATUS_BAR_ICON = 'milestone';

export interface EffortCell {
  readonly label: string;
  readonly value: string;
}

/** The cheat-sheet cells of a stage: the catalog's for built-ins, the file's `effort` for custom stages. */
export function effortCells(stage: PlanStage): readonly EffortCell[] {
  const source = stage.builtIn ? catalogStage(stage.id) : stage.effort;
  if (!source) {
    return [];
  }
  const cells: EffortCell[] = [];
  for (const { key, label } of EFFORT_COLUMNS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') {
      cells.push({ label, value });
    }
  }
  return cells;
}

/** Short name for narrow places: the catalog's short title for built-ins, else the stage title. */
export function shortTitle(stage: PlanStage): string {
  return (stage.builtIn ? catalogStage(stage.id)?.shortTitle : undefined) ?? stage.title;
}

/** Status, then owner: "In progress · dana". The current stage says so at the end. */
export function stageDescription(stage: PlanStage, isCurrent: boolean): string {
  const parts: string[] = [STATUS_LABELS[stage.status]];
  if (stage.owner) {
    parts.push(stage.owner);
  }
  if (isCurrent) {
    parts.push(l10n.t('current'));
  }
  return parts.join(' · ');
}

/** What a screen reader says for a stage row: everything the icon and description show. */
export function stageAccessibilityLabel(stage: PlanStage, isCurrent: boolean): string {
  const parts = [stage.title, STATUS_LABELS[stage.status]];
  if (stage.owner) {
    parts.push(l10n.t('owner {0}', stage.owner));
  }
  if (isCurrent) {
    parts.push(l10n.t('current stage'));
  }
  return parts.join(', ');
}

/** The stage tooltip as Markdown; every plan string is escaped (the tooltip is not trusted). */
export function stageTooltipMarkdown(stage: PlanStage, isCurrent: boolean): string {
  const heading = [`**${escapeMarkdown(stage.title)}**`, escapeMarkdown(STATUS_LABELS[stage.status])];
  if (isCurrent) {
    heading.push(l10n.t('current stage'));
  }
  const blocks: string[] = [heading.join(' · ')];
  const cells = effortCells(stage);
  if (cells.length > 0) {
    blocks.push(cells.map((cell) => `- **${escapeMarkdown(cell.label)}:** ${escapeMarkdown(cell.value)}`).join('\n'));
  }
  const facts: string[] = [];
  if (stage.owner) {
    facts.push(l10n.t('Owner: {0}', escapeMarkdown(stage.owner)));
  }
  if (stage.started) {
    facts.push(l10n.t('Started: {0}', escapeMarkdown(stage.started)));
  }
  if (stage.completed) {
    facts.push(l10n.t('Completed: {0}', escapeMarkdown(stage.completed)));
  }
  if (stage.tasks.length > 0) {
    facts.push(l10n.t('Tasks: {0} of {1} done', stage.tasks.filter((task) => task.done).length, stage.tasks.length));
  }
  if (facts.length > 0) {
    blocks.push(facts.join(' · '));
  }
  if (stage.note) {
    blocks.push(l10n.t('**Note:** {0}', escapeMarkdown(stage.note)));
  }
  return blocks.join('\n\n');
}

export function taskAccessibilityLabel(task: PlanTask): string {
  return [task.title, task.done ? l10n.t('done') : l10n.t('not done'), ...(task.owner ? [l10n.t('owner {0}', task.owner)] : [])].join(', ');
}

/** "lifecycle.yaml has 3 problems" */
export function problemsLabel(fileName: string, count: number): string {
  return count === 1 ? l10n.t('{0} has 1 problem', fileName) : l10n.t('{0} has {1} problems', fileName, count);
}

export function openStagesTooltip(open: number): string {
  return open === 1 ? l10n.t('1 stage still open') : l10n.t('{0} stages still open', open);
}

/** Where a plan stands in a few words: "Fine-tuning · 2/5" (finished of total). */
export function progressSummary(plan: Plan): string {
  const { finished, total } = progress(plan);
  const current = currentStage(plan);
  const blocked = plan.stages.find((stage) => stage.status === 'blocked');
  const where = current ? shortTitle(current) : blocked ? l10n.t('Blocked: {0}', shortTitle(blocked)) : total === 0 ? l10n.t('No stages') : l10n.t('All stages finished');
  return `${where} · ${finished}/${total}`;
}

export interface StatusBarPresentation {
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

export function statusBarPresentation(plan: Plan, folderName: string | undefined): StatusBarPresentation {
  const { finished, total } = progress(plan);
  const current = currentStage(plan);
  const where = current ? l10n.t('Current stage: {0} ({1})', current.title, STATUS_LABELS[current.status].toLowerCase()) : l10n.t('No stage in progress or waiting to start');
  const summary = folderName
    ? l10n.t('{0}. {1} of {2} stages finished in {3}.', where, finished, total, folderName)
    : l10n.t('{0}. {1} of {2} stages finished.', where, finished, total);
  return {
    text: `$(${STATUS_BAR_ICON}) ${escapeIcons(progressSummary(plan))}`,
    tooltip: l10n.t('GenAI Lifecycle: {0} Click to show the stages.', summary),
    accessibilityLabel: l10n.t('GenAI Lifecycle. {0}', summary),
  };
}

/** Keeps `$(name)` in plan text from turning into an icon in labels that render codicons. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\([A-Za-z0-9-]+(?:~[A-Za-z-]+)?\)/g, '\\$&');
}
