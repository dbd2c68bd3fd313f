// How stages, tasks and progress read in the sidebar and the status bar: labels, descriptions,
// icons, tooltips. Pure functions (no `vscode`), so the wording is unit-tested in plain Node;
// the tree items only wrap these strings in VS Code types.

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
    parts.push('current');
  }
  return parts.join(' · ');
}

/** What a screen reader says for a stage row: everything the icon and description show. */
export function stageAccessibilityLabel(stage: PlanStage, isCurrent: boolean): string {
  const parts = [stage.title, STATUS_LABELS[stage.status]];
  if (stage.owner) {
    parts.push(`owner ${stage.owner}`);
  }
  if (isCurrent) {
    parts.push('current stage');
  }
  return parts.join(', ');
}

/** The stage tooltip as Markdown; every plan string is escaped (the tooltip is not trusted). */
export function stageTooltipMarkdown(stage: PlanStage, isCurrent: boolean): string {
  const heading = [`**${escapeMarkdown(stage.title)}**`, escapeMarkdown(STATUS_LABELS[stage.status])];
  if (isCurrent) {
    heading.push('current stage');
  }
  const blocks: string[] = [heading.join(' · ')];
  const cells = effortCells(stage);
  if (cells.length > 0) {
    blocks.push(cells.map((cell) => `- **${escapeMarkdown(cell.label)}:** ${escapeMarkdown(cell.value)}`).join('\n'));
  }
  const facts: string[] = [];
  if (stage.owner) {
    facts.push(`Owner: ${escapeMarkdown(stage.owner)}`);
  }
  if (stage.started) {
    facts.push(`Started: ${escapeMarkdown(stage.started)}`);
  }
  if (stage.completed) {
    facts.push(`Completed: ${escapeMarkdown(stage.completed)}`);
  }
  if (stage.tasks.length > 0) {
    facts.push(`Tasks: ${stage.tasks.filter((task) => task.done).length} of ${stage.tasks.length} done`);
  }
  if (facts.length > 0) {
    blocks.push(facts.join(' · '));
  }
  if (stage.note) {
    blocks.push(`**Note:** ${escapeMarkdown(stage.note)}`);
  }
  return blocks.join('\n\n');
}

export function taskAccessibilityLabel(task: PlanTask): string {
  return [task.title, task.done ? 'done' : 'not done', ...(task.owner ? [`owner ${task.owner}`] : [])].join(', ');
}

/** "lifecycle.yaml has 3 problems" */
export function problemsLabel(fileName: string, count: number): string {
  return `${fileName} has ${count} ${count === 1 ? 'problem' : 'problems'}`;
}

export function openStagesTooltip(open: number): string {
  return `${open} ${open === 1 ? 'stage' : 'stages'} still open`;
}

/** Where a plan stands in a few words: "Fine-tuning · 2/5" (finished of total). */
export function progressSummary(plan: Plan): string {
  const { finished, total } = progress(plan);
  const current = currentStage(plan);
  const blocked = plan.stages.find((stage) => stage.status === 'blocked');
  const where = current ? shortTitle(current) : blocked ? `Blocked: ${shortTitle(blocked)}` : total === 0 ? 'No stages' : 'All stages finished';
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
  const where = current ? `Current stage: ${current.title} (${STATUS_LABELS[current.status].toLowerCase()})` : 'No stage in progress or waiting to start';
  const scope = folderName ? ` in ${folderName}` : '';
  const summary = `${where}. ${finished} of ${total} stages finished${scope}.`;
  return {
    text: `$(${STATUS_BAR_ICON}) ${escapeIcons(progressSummary(plan))}`,
    tooltip: `GenAI Lifecycle: ${summary} Click to show the stages.`,
    accessibilityLabel: `GenAI Lifecycle. ${summary}`,
  };
}

/** Keeps `$(name)` in plan text from turning into an icon in labels that render codicons. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\([A-Za-z0-9-]+(?:~[A-Za-z-]+)?\)/g, '\\$&');
}
