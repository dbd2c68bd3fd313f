// "Initialize Lifecycle Plan": choose the folder (when several lack a plan) and the stages to
// include, write the scaffold, open it.

import * as vscode from 'vscode';
import { CATALOG } from '../model/domain/catalog';
import { scaffold } from '../model/planFile/scaffold';
import type { PlanStore } from '../workspace/planStore';
import type { Resolution } from './resolve';

interface StageChoice extends vscode.QuickPickItem {
  readonly stageId: string;
}

/** The folder to create a plan in: the argument's, else the only one without a plan, else picked. */
export async function folderForNewPlan(store: PlanStore, arg: unknown): Promise<Resolution<vscode.WorkspaceFolder>> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return { kind: 'failed', message: vscode.l10n.t('Open a folder first: the lifecycle plan is a file in a workspace folder.') };
  }
  const named = arg instanceof vscode.Uri ? arg.toString() : typeof arg === 'string' ? arg : undefined;
  if (named !== undefined) {
    const folder = folders.find((candidate) => candidate.uri.toString() === named);
    if (!folder) {
      return { kind: 'failed', message: vscode.l10n.t('{0} is not a folder of this workspace.', named) };
    }
    return store.get(folder.uri)?.exists ? { kind: 'failed', message: vscode.l10n.t('{0} already has a lifecycle plan; open it with "GenAI Lifecycle: Open Lifecycle Plan".', folder.name) } : { kind: 'found', value: folder };
  }
  const withoutPlan = folders.filter((folder) => !store.get(folder.uri)?.exists);
  if (withoutPlan.length === 0) {
    return { kind: 'failed', message: vscode.l10n.t('Every workspace folder already has a lifecycle plan; open it with "GenAI Lifecycle: Open Lifecycle Plan".') };
  }
  if (withoutPlan.length === 1) {
    return { kind: 'found', value: withoutPlan[0] };
  }
  const picked = await vscode.window.showQuickPick(
    withoutPlan.map((folder) => ({ label: folder.name, description: folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString(true), folder })),
    { title: vscode.l10n.t('Initialize Lifecycle Plan'), placeHolder: vscode.l10n.t('Folder to create the lifecycle plan in') },
  );
  return picked ? { kind: 'found', value: picked.folder } : { kind: 'cancelled' };
}

/** Asks which built-in stages to include; all are ticked, pre-training is written as skipped. */
export async function pickStagesToInclude(): Promise<readonly string[] | undefined> {
  const items: StageChoice[] = CATALOG.map((stage) => ({
    label: stage.title,
    description: stage.id === 'pre-training' ? vscode.l10n.t('included as skipped: most projects start from a foundation model') : undefined,
    detail: vscode.l10n.t('{0} · expertise {1} · {2}', stage.trainingDuration, stage.expertise, stage.objective),
    picked: true,
    stageId: stage.id,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Initialize Lifecycle Plan'),
    placeHolder: vscode.l10n.t('Stages to include in lifecycle.yaml (you can add your own stages later)'),
    canPickMany: true,
  });
  return picked?.map((item) => item.stageId);
}

export function scaffoldFor(folder: vscode.WorkspaceFolder, stageIds: readonly string[]): string {
  return scaffold({ project: folder.name, stageIds, skipPreTraining: true });
}
