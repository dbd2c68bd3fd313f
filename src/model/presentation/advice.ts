// How the advisor reads in the views: the Next step line of the Stages tree, the status bar
// tooltip's lines, the quick pick of What Should I Do Next? and the chart header. Pure: the
// adapters turn these strings into tree items, Markdown and quick pick items. Advice messages
// are the advisor's own words; stage titles come from the plan, so Markdown escapes them.

import * as l10n from '@vscode/l10n';
import type { Advice } from '../domain/advice';
import { effortRollup } from '../domain/effortRollup';
import { STAGE_ACTION_SPECS } from '../domain/statusActions';
import type { Plan } from '../domain/types';
import { effortSummary } from './effortSummary';
import { escapeMarkdownLine } from './markdown';
import { escapeIcons } from './treeLabels';

/** What the tree's one advice item is called. */
export function nextStepLabel(): string {
  return l10n.t('Next step');
}

/** The title of the stage an advice is about, as the plan names it (its id when the plan has no such stage any more). */
export function adviceStageTitle(plan: Plan, advice: Pick<Advice, 'stageId'>): string {
  return plan.stages.find((stage) => stage.id === advice.stageId)?.title ?? advice.stageId;
}

/** The advice's action as a button says it, e.g. "Skip Pre-training"; undefined when it has none. */
export function adviceActionLabel(plan: Plan, advice: Advice): string | undefined {
  if (!advice.action) {
    return undefined;
  }
  return l10n.t({ message: '{0} {1}', args: [STAGE_ACTION_SPECS[advice.action.command].label, adviceStageTitle(plan, { stageId: advice.action.stageId })], comment: ['An action on a stage, e.g. "Skip Pre-training": {0} is the action, {1} the stage'] });
}

/** The roll-up line of a plan, e.g. "3 stages open · up to Medium-High expertise · longest: minutes to hours". */
export function planEffortSummary(plan: Plan): string {
  return effortSummary(effortRollup(plan));
}

/** The Next step item's tooltip (Markdown, plan text escaped). */
export function nextStepTooltipMarkdown(plan: Plan, advice: Advice, total: number): string {
  const action = adviceActionLabel(plan, advice);
  const lines = [`**${nextStepLabel()}** · ${escapeMarkdownLine(adviceStageTitle(plan, advice))}`, advice.message];
  if (action) {
    lines.push(l10n.t('The button on this line will {0}.', escapeMarkdownLine(action.charAt(0).toLowerCase() + action.slice(1))));
  }
  lines.push(total > 1 ? l10n.t('{0} more: choose this line to see all {1}.', total - 1, total) : l10n.t('Choose this line to see the advice in a list.'));
  return lines.join('\n\n');
}

/** What the status bar tooltip adds below its summary: the first advice and the roll-up. */
export function statusBarAdviceMarkdown(plan: Plan, first: Advice | undefined): string {
  const lines: string[] = [];
  if (first) {
    lines.push(`$(lightbulb) **${nextStepLabel()}** (${escapeMarkdownLine(adviceStageTitle(plan, first))}): ${first.message}`);
  }
  lines.push(l10n.t('**Effort ahead:** {0}', planEffortSummary(plan)));
  return lines.join('\n\n');
}

/** The quick pick's line for one advice: the message, the stage (and folder), and what choosing it does. */
export function adviceQuickPickParts(plan: Plan, advice: Advice, folderName: string | undefined): { label: string; description: string; detail: string } {
  // Quick pick text renders `$(icon)`: plan text must not.
  const title = escapeIcons(adviceStageTitle(plan, advice));
  const action = escapeIcons(adviceActionLabel(plan, advice) ?? '');
  return {
    label: advice.message,
    description: folderName ? `${title} · ${escapeIcons(folderName)}` : title,
    detail: action !== '' ? l10n.t('Choose to {0}', `${action.charAt(0).toLowerCase()}${action.slice(1)}`) : l10n.t('Choose to show {0} in the sidebar', title),
  };
}
