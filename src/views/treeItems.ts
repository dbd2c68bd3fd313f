import * as vscode from 'vscode';
import type { Range } from '../model/domain/types';
import { COMMAND_IDS, SHOW_MORE_COMMAND } from '../model/presentation/commandIds';
import { nextStepLabel, nextStepTooltipMarkdown } from '../model/presentation/advice';
import { EVIDENCE_LOOKS, evidenceAccessibilityLabel, evidenceDescription, evidenceTooltip } from '../model/presentation/evidenceText';
import { escapeMarkdown } from '../model/presentation/markdown';
import {
  problemsLabel,
  progressSummary,
  STATUS_LOOKS,
  stageAccessibilityLabel,
  stageDescription,
  stageTooltipMarkdown,
  taskAccessibilityLabel,
} from '../model/presentation/treeLabels';
import type { AdviceNode, EvidenceNode, FolderNode, LifecycleNode, MoreNode, ProblemsNode, StageNode, StagePlanNode, TaskNode } from './nodes';

/**
 * Context values the `view/item/context` menus match on (`stage.<status>` for stages; for the
 * Next step item `advice`, or `advice.<action>` when the advice proposes a stage action).
 */
export const CONTEXT_VALUES = {
  advice: 'advice',
  folder: 'planFolder',
  problems: 'planProblems',
  task: 'task',
  stagePlan: 'stagePlan',
  evidence: 'evidence',
  more: 'showMore',
} as const;

export function toTreeItem(node: LifecycleNode): vscode.TreeItem {
  switch (node.kind) {
    case 'folder':
      return folderItem(node);
    case 'problems':
      return problemsItem(node);
    case 'advice':
      return adviceItem(node);
    case 'stage':
      return stageItem(node);
    case 'task':
      return taskItem(node);
    case 'stagePlan':
      return stagePlanItem(node);
    case 'evidence':
      return evidenceItem(node);
    case 'more':
      return moreItem(node);
  }
}

function folderItem(node: FolderNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.folderPlan.folder.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('root-folder');
  item.contextValue = CONTEXT_VALUES.folder;
  const plan = node.folderPlan.plan;
  if (plan) {
    item.description = progressSummary(plan);
  }
  item.tooltip = vscode.workspace.asRelativePath(node.folderPlan.uri, true);
  return item;
}

function problemsItem(node: ProblemsNode): vscode.TreeItem {
  const fileName = node.folderPlan.uri.path.split('/').pop() ?? 'lifecycle.yaml';
  const item = new vscode.TreeItem(problemsLabel(fileName, node.count), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  item.contextValue = CONTEXT_VALUES.problems;
  item.tooltip = node.folderPlan.plan
    ? vscode.l10n.t('Fix these problems to update the stages. Until then the stages below are those of the last valid version.')
    : vscode.l10n.t('Fix these problems to see the stages.');
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  return item;
}

function adviceItem(node: AdviceNode): vscode.TreeItem {
  const { advice } = node;
  const item = new vscode.TreeItem(nextStepLabel(), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = advice.message;
  item.iconPath = new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('editorLightBulb.foreground'));
  item.contextValue = advice.action ? `${CONTEXT_VALUES.advice}.${advice.action.command}` : CONTEXT_VALUES.advice;
  item.tooltip = untrustedMarkdown(nextStepTooltipMarkdown(node.plan, advice, node.total));
  item.accessibilityInformation = { label: `${nextStepLabel()}: ${advice.message}` };
  // The whole list, to choose from; the inline button takes this one's action.
  item.command = { title: vscode.l10n.t('What Should I Do Next?'), command: COMMAND_IDS.whatNext, arguments: [node.adviceTarget.folderUri] };
  return item;
}

function stageItem(node: StageNode): vscode.TreeItem {
  const { stage, isCurrent } = node;
  // The current stage is highlighted over its whole label (and says so in its description).
  const label: vscode.TreeItemLabel = isCurrent ? { label: stage.title, highlights: [[0, stage.title.length]] } : { label: stage.title };
  const collapsible =
    node.childCount === 0 ? vscode.TreeItemCollapsibleState.None : isCurrent ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(label, collapsible);
  item.id = node.id;
  item.description = stageDescription(stage, isCurrent);
  const look = STATUS_LOOKS[stage.status];
  item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
  item.contextValue = `stage.${stage.status}`;
  item.tooltip = untrustedMarkdown(stageTooltipMarkdown(stage, isCurrent));
  item.accessibilityInformation = { label: stageAccessibilityLabel(stage, isCurrent) };
  item.command = revealInPlan(node.planUri, stage.idRange, vscode.l10n.t('Show {0} in the plan', stage.title));
  return item;
}

function taskItem(node: TaskNode): vscode.TreeItem {
  const { task } = node;
  const item = new vscode.TreeItem(task.title, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  if (task.owner) {
    item.description = task.owner;
  }
  item.checkboxState = {
    state: task.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
    tooltip: task.done ? vscode.l10n.t('Mark as not done') : vscode.l10n.t('Mark as done'),
  };
  item.contextValue = CONTEXT_VALUES.task;
  const state = task.done ? vscode.l10n.t('Done') : vscode.l10n.t('Not done');
  const owner = task.owner ? vscode.l10n.t(' · Owner: {0}', escapeMarkdown(task.owner)) : '';
  item.tooltip = untrustedMarkdown(`${escapeMarkdown(task.title)}\n\n${state}${owner}`);
  item.accessibilityInformation = { label: taskAccessibilityLabel(task) };
  item.command = revealInPlan(node.planUri, task.range, vscode.l10n.t('Show the task in the plan'));
  return item;
}

function stagePlanItem(node: StagePlanNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.path, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = vscode.l10n.t('stage plan');
  item.iconPath = new vscode.ThemeIcon('markdown');
  item.contextValue = CONTEXT_VALUES.stagePlan;
  item.tooltip = vscode.l10n.t('Open {0}', node.path);
  item.accessibilityInformation = { label: vscode.l10n.t('Stage plan {0}', node.path) };
  item.command = { title: vscode.l10n.t('Open Stage Plan'), command: COMMAND_IDS.openStagePlan, arguments: [node.target] };
  return item;
}

function evidenceItem(node: EvidenceNode): vscode.TreeItem {
  const { item } = node;
  const row = new vscode.TreeItem(item.pattern, vscode.TreeItemCollapsibleState.None);
  row.id = node.id;
  row.description = evidenceDescription(item.state);
  const look = EVIDENCE_LOOKS[item.state];
  row.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
  row.contextValue = CONTEXT_VALUES.evidence;
  row.tooltip = evidenceTooltip(item);
  row.accessibilityInformation = { label: evidenceAccessibilityLabel(item) };
  if (node.open) {
    row.command = node.open.isFolder
      ? { title: vscode.l10n.t('Reveal in Explorer'), command: 'revealInExplorer', arguments: [node.open.uri] }
      : { title: vscode.l10n.t('Open Evidence'), command: 'vscode.open', arguments: [node.open.uri, { preview: true }] };
  }
  return row;
}

/** "Show 200 more": choosing it (click or Enter) adds the next page to its list. */
function moreItem(node: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.row.description;
  item.tooltip = node.row.tooltip;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = CONTEXT_VALUES.more;
  item.accessibilityInformation = { label: `${node.row.label}, ${node.row.description}` };
  item.command = { title: node.row.label, command: SHOW_MORE_COMMAND, arguments: [node.listKey] };
  return item;
}

/** Opens the plan with the range selected, keeping focus in the tree (works on click and Enter). */
function revealInPlan(planUri: vscode.Uri, range: Range, title: string): vscode.Command {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const options: vscode.TextDocumentShowOptions = { selection, preserveFocus: true, preview: true };
  return { title, command: 'vscode.open', arguments: [planUri, options] };
}

function untrustedMarkdown(text: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(text);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}
