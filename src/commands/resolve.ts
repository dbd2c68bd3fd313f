// Which stage (or which plan) a command acts on: an argument (a StageTarget, or a tree node
// carrying one), else the sidebar selection, else the user picks it.

import * as vscode from 'vscode';
import { currentStage } from '../model/domain/progress';
import { stageTargetOf, type StageTarget } from '../model/domain/stageTarget';
import { STATUS_LABELS, type StageStatus, STAGE_STATUSES } from '../model/domain/statuses';
import type { PlanStage } from '../model/domain/types';
import { escapeIcons, STATUS_LOOKS } from '../model/presentation/treeLabels';
import { latestPlan, noPlanMessage, stageTargetIn, type FolderPlan, type PlanStore } from '../workspace/planStore';

/** Where commands learn what the sidebar has selected (the sidebar implements it). */
export interface StageSelection {
  selectedTarget(): StageTarget | undefined;
}

export interface ResolvedStage {
  readonly folderPlan: FolderPlan;
  readonly stage: PlanStage;
  readonly target: StageTarget;
}

export type Resolution<T> = { readonly kind: 'found'; readonly value: T } | { readonly kind: 'cancelled' } | { readonly kind: 'failed'; readonly message: string };

export interface StageQuestion {
  /** Shown on top of the quick pick, e.g. "Start which stage?". */
  readonly placeHolder: string;
  /** Stages the command makes sense for (only the quick pick is filtered). */
  readonly applies?: (stage: PlanStage) => boolean;
  /** Said when no stage qualifies, e.g. "No stage to skip: Skip is for stages that are not started, in progress or blocked.". */
  readonly noneMessage?: string;
}

export class StageResolver {
  constructor(
    private readonly store: PlanStore,
    private readonly selection: StageSelection,
  ) {}

  /** The stage an argument names, else the selected one, else the one the user picks. */
  async stage(arg: unknown, question: StageQuestion): Promise<Resolution<ResolvedStage>> {
    const given = stageTargetOf(arg);
    if (given) {
      return this.lookUp(given);
    }
    const selected = this.selection.selectedTarget();
    if (selected) {
      const found = this.lookUp(selected);
      if (found.kind === 'found') {
        return found;
      }
    }
    return this.pickStage(question);
  }

  /** The plan an argument names (a StageTarget, folder Uri or its string), else the selection's, else the active editor's, else the only one, else the user picks. */
  async folderPlan(arg: unknown, placeHolder: string): Promise<Resolution<FolderPlan>> {
    const existing = this.store.existing();
    if (existing.length === 0) {
      return { kind: 'failed', message: noPlanMessage() };
    }
    const named = folderKeyOf(arg) ?? this.selection.selectedTarget()?.folderUri;
    if (named !== undefined) {
      const folderPlan = this.store.get(named);
      return folderPlan?.exists ? { kind: 'found', value: folderPlan } : { kind: 'failed', message: vscode.l10n.t('The folder {0} has no lifecycle plan.', folderLabel(named)) };
    }
    const activeUri = vscode.window.activeTextEditor?.document.uri;
    const activeFolder = activeUri ? vscode.workspace.getWorkspaceFolder(activeUri) : undefined;
    const inActive = activeFolder ? existing.find((plan) => plan.folder.uri.toString() === activeFolder.uri.toString()) : undefined;
    if (inActive) {
      return { kind: 'found', value: inActive };
    }
    if (existing.length === 1) {
      return { kind: 'found', value: existing[0] };
    }
    const picked = await vscode.window.showQuickPick(
      existing.map((folderPlan) => ({ label: folderPlan.folder.name, description: vscode.workspace.asRelativePath(folderPlan.uri, true), folderPlan })),
      { placeHolder },
    );
    return picked ? { kind: 'found', value: picked.folderPlan } : { kind: 'cancelled' };
  }

  private lookUp(target: StageTarget): Resolution<ResolvedStage> {
    const folderPlan = this.store.get(target.folderUri);
    const plan = folderPlan?.exists ? latestPlan(folderPlan) : undefined;
    if (!folderPlan || !plan) {
      return { kind: 'failed', message: vscode.l10n.t('The folder {0} has no readable lifecycle plan.', folderLabel(target.folderUri)) };
    }
    // The stage as the file has it now: its status decides which actions are allowed.
    const stage = plan.stages.find((candidate) => candidate.id === target.stageId);
    if (!stage) {
      const file = vscode.workspace.asRelativePath(folderPlan.uri, true);
      return { kind: 'failed', message: vscode.l10n.t('{0} has no stage "{1}". Refresh the sidebar and try again.', file, target.stageId) };
    }
    return { kind: 'found', value: { folderPlan, stage, target: stageTargetIn(folderPlan, stage.id) } };
  }

  private async pickStage(question: StageQuestion): Promise<Resolution<ResolvedStage>> {
    const existing = this.store.existing();
    if (existing.length === 0) {
      return { kind: 'failed', message: noPlanMessage() };
    }
    const multiRoot = existing.length > 1;
    const items: StageItem[] = [];
    let active: StageItem | undefined;
    for (const folderPlan of existing) {
      const plan = latestPlan(folderPlan);
      if (!plan) {
        continue;
      }
      const current = currentStage(plan);
      let reachedCurrent = current === undefined;
      for (const stage of plan.stages) {
        reachedCurrent ||= stage === current;
        if (question.applies && !question.applies(stage)) {
          continue;
        }
        const item: StageItem = {
          label: `$(${STATUS_LOOKS[stage.status].icon}) ${escapeIcons(stage.title)}`,
          description: [STATUS_LABELS[stage.status], ...(stage === current ? [vscode.l10n.t('current')] : []), ...(multiRoot ? [folderPlan.folder.name] : [])].join(' · '),
          resolved: { folderPlan, stage, target: stageTargetIn(folderPlan, stage.id) },
        };
        items.push(item);
        // Start on the current stage, or the first one after it this command applies to.
        if (reachedCurrent && !active) {
          active = item;
        }
      }
    }
    if (items.length === 0) {
      return { kind: 'failed', message: question.noneMessage ?? vscode.l10n.t('The plan has no stage this command applies to.') };
    }
    const picked = await pickOne(items, question.placeHolder, active);
    return picked ? { kind: 'found', value: picked.resolved } : { kind: 'cancelled' };
  }
}

interface StageItem extends vscode.QuickPickItem {
  readonly resolved: ResolvedStage;
}

interface StatusItem extends vscode.QuickPickItem {
  readonly status: StageStatus;
}

/** Asks for a stage's new status; the current one is listed but marked. */
export async function pickStatus(stage: PlanStage): Promise<StageStatus | undefined> {
  const items: StatusItem[] = STAGE_STATUSES.map((status) => ({
    label: `$(${STATUS_LOOKS[status].icon}) ${STATUS_LABELS[status]}`,
    description: status === stage.status ? vscode.l10n.t('current status') : undefined,
    status,
  }));
  const active = items.find((item) => item.status !== stage.status);
  const picked = await pickOne(items, vscode.l10n.t('New status of {0} (now {1})', stage.title, STATUS_LABELS[stage.status].toLowerCase()), active);
  return picked?.status;
}

/**
 * A single-choice quick pick that can start on a given item (showQuickPick cannot). `extend`
 * may set more of it (title, item buttons) and end it early with `finish(undefined)`.
 */
export function pickOne<T extends vscode.QuickPickItem>(
  items: readonly T[],
  placeHolder: string,
  active: T | undefined,
  extend?: (quickPick: vscode.QuickPick<T>, finish: (value: T | undefined) => void) => void,
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.placeholder = placeHolder;
    quickPick.items = items;
    if (active) {
      quickPick.activeItems = [active];
    }
    let settled = false;
    const finish = (value: T | undefined): void => {
      if (!settled) {
        settled = true;
        resolve(value);
        quickPick.dispose();
      }
    };
    extend?.(quickPick, finish);
    quickPick.onDidAccept(() => {
      // Enter before any item is active picks nothing: keep the picker open.
      const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (chosen) {
        finish(chosen);
      }
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
  });
}

/** A folder named by an argument: a StageTarget, a Uri or a Uri string. */
function folderKeyOf(arg: unknown): string | undefined {
  const target = stageTargetOf(arg);
  if (target) {
    return target.folderUri;
  }
  if (arg instanceof vscode.Uri) {
    return vscode.workspace.getWorkspaceFolder(arg)?.uri.toString() ?? arg.toString();
  }
  return typeof arg === 'string' && arg !== '' ? arg : undefined;
}

function folderLabel(folderUri: string): string {
  try {
    const uri = vscode.Uri.parse(folderUri, true);
    return vscode.workspace.getWorkspaceFolder(uri)?.name ?? uri.path;
  } catch {
    return folderUri;
  }
}
