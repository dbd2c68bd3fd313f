import * as vscode from 'vscode';
import type { FolderPlan, PlanStore } from '../workspace/planStore';

/**
 * The plan the user is most likely looking at: the one of the active editor's folder when it
 * has one, else the first folder's that has one. Used by the status bar and by commands that
 * act on "the" plan without being told which.
 */
export function focusedFolderPlan(store: PlanStore): FolderPlan | undefined {
  const existing = store.existing();
  const activeUri = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = activeUri ? vscode.workspace.getWorkspaceFolder(activeUri) : undefined;
  const inActiveFolder = activeFolder ? existing.find((plan) => plan.folder.uri.toString() === activeFolder.uri.toString()) : undefined;
  return inActiveFolder ?? existing[0];
}
