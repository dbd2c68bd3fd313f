// A folder without lifecycle.yaml: the sidebar is empty (VS Code then shows the welcome view),
// there is no status bar item, and Initialize writes the scaffold and opens it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { scaffold } from '../../../src/model';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { rows, runAcceptingQuickPicks } from '../views-helpers';

describe('views-noplan: no plan yet', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
  });

  it('has an empty tree (so the welcome view shows), no badge and no status bar item', () => {
    assert.deepEqual(api.services.store.existing(), []);
    assert.equal(api.services.store.get(workspaceFolder().uri)?.exists, false);
    assert.deepEqual(api.views.provider.getChildren(), []);
    assert.equal(api.views.treeView.badge, undefined);
    assert.equal(api.views.treeView.message, undefined);
    assert.equal(api.views.statusBar.visible, false);
  });

  it('offers the welcome view actions only where they apply (context keys from the manifest)', async () => {
    const manifest = vscode.extensions.getExtension('genai-lifecycle-tools.genai-lifecycle')?.packageJSON as {
      contributes: { viewsWelcome: { view: string; contents: string; when: string }[] };
    };
    const welcome = manifest.contributes.viewsWelcome.find((entry) => entry.view === 'genaiLifecycle.stages' && entry.when.includes('!genaiLifecycle.hasPlan'));
    assert.ok(welcome, 'a welcome view for folders without a plan');
    assert.ok(welcome.contents.includes('[Create lifecycle.yaml](command:genaiLifecycle.initPlan)'));
    assert.ok(welcome.contents.includes('[Show the effort chart](command:genaiLifecycle.showChart)'));
  });

  it('stage commands say there is no plan instead of failing', async () => {
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage'), false);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.advance'), false);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.revealCurrentStage'), false);
  });

  it('Initialize asks for the stages (all ticked), writes the scaffold and opens it', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.initPlan'), true);
    const expected = scaffold({ project: 'views-noplan', skipPreTraining: true });
    assert.equal(await diskText(planUri), expected);
    assert.ok(expected.includes('project: views-noplan\n'), 'the folder names the project');
    assert.ok(expected.includes('\nstages:\n  - id: pre-training\n    status: skipped\n'), 'pre-training is included, marked skipped');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), planUri.toString(), 'the new plan is open');

    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.exists, 'the store to see the new plan');
    assert.deepEqual(
      rows(api).map((row) => [row.label, row.description]),
      [
        ['Next step', 'No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.'],
        ['Pre-training', 'Skipped'],
        ['Prompt engineering', 'Not started · current'],
        ['Prompt tuning and fine-tuning', 'Not started'],
        ['Reinforcement learning / human feedback', 'Not started'],
        ['Compression / optimization / deployment', 'Not started'],
      ],
    );
    assert.deepEqual(api.views.treeView.badge, { value: 4, tooltip: '4 stages still open' });
    assert.equal(api.views.statusBar.visible, true);
    assert.equal(api.views.statusBar.item.text, '$(milestone) Prompting · 1/5');
  });

  it('Initialize never overwrites an existing plan', async () => {
    const before = await diskText(planUri);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.initPlan', workspaceFolder().uri, ['fine-tuning']), false);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.initPlan'), false);
    assert.equal(await diskText(planUri), before, 'the existing plan is untouched');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
