// Shared by the estimates suites: the fixture's plan, put back before and after each test.
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { hoverText, restore } from '../lang-plan/langHelpers';

export function planUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
}

export async function pristineText(): Promise<string> {
  return diskText(fixtureUri('estimates', 'lifecycle.yaml'));
}

/** Before and after each test: the plan as the fixture has it, saved, and no editor open. */
export function pristinePlanPerTest(): void {
  const reset = async (): Promise<void> => {
    await activateExtension();
    const original = await pristineText();
    if ((await diskText(planUri()).catch(() => undefined)) !== original) {
      await vscode.workspace.fs.writeFile(planUri(), new TextEncoder().encode(original));
    }
    await restore(await vscode.workspace.openTextDocument(planUri()), original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  };
  beforeEach(reset);
  afterEach(reset);
}

/** Our estimate hovers at a position. */
export async function estimateHovers(position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', planUri(), position);
  return hovers.map(hoverText).filter((text) => text.includes('Memory estimate') || text.includes('GPU memory estimates'));
}

/** Sets a `genaiLifecycle.estimates.*` setting in the workspace (undefined removes it). */
export async function setEstimateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('genaiLifecycle.estimates').update(key, value, vscode.ConfigurationTarget.Workspace);
}
