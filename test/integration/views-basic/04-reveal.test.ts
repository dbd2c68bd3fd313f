// Revealing stages in the sidebar, and commands that take their stage from the selection.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import type { StageTarget } from '../../../src/model/domain/stageTarget';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { replaceOnce, restorePlan } from '../views-helpers';

describe('views-basic: revealing stages and acting on the selection', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;
  let original: string;

  const target = (stageId: string): StageTarget => ({ folderUri: workspaceFolder().uri.toString(), stageId });
  const selectedStageId = () => {
    const node = api.views.treeView.selection[0];
    return node?.kind === 'stage' ? node.stage.id : undefined;
  };

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
    original = await diskText(planUri);
  });

  after(async () => {
    await restorePlan(api, workspaceFolder(), planUri, original);
  });

  it('Reveal Current Stage shows and selects the current stage in the sidebar', async () => {
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.revealCurrentStage'), true);
    await waitFor(() => selectedStageId() === 'fine-tuning', 'the current stage to be selected');
    assert.equal(api.views.treeView.visible, true, 'the view is shown');
  });

  it('Reveal Stage in Sidebar selects the given stage; an unknown stage is not revealed', async () => {
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.revealStage', target('rlhf')), true);
    await waitFor(() => selectedStageId() === 'rlhf', 'rlhf to be selected');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.revealStage', target('no-such-stage')), false);
  });

  it('a stage command without an argument acts on the selected stage', async () => {
    await vscode.commands.executeCommand('genaiLifecycle.revealStage', target('deployment'));
    await waitFor(() => selectedStageId() === 'deployment', 'deployment to be selected');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.setStageStatus', undefined, 'blocked'), true);
    assert.equal(await diskText(planUri), replaceOnce(original, "    status: 'not-started'\n", `    status: 'blocked'\n    blocked: ${localToday()}\n`));
    // The selection survives the refresh (stable ids), so the next command still targets it.
    await waitFor(() => selectedStageId() === 'deployment', 'deployment to stay selected');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.resetStage'), true);
    assert.equal(await diskText(planUri), original);
  });
});
