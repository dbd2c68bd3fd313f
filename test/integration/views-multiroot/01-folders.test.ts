// A workspace of three folders, two with a plan: one top-level node per planned folder, and
// commands that change only the folder they target.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday, scaffold } from '../../../src/model';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { children, replaceOnce, rows, stageNode } from '../views-helpers';

describe('views-multiroot: one node per folder with a plan', () => {
  let api: LifecycleApi;
  const alpha = () => workspaceFolder(0);
  const beta = () => workspaceFolder(1);
  const gamma = () => workspaceFolder(2);
  const planOf = (folder: vscode.WorkspaceFolder) => vscode.Uri.joinPath(folder.uri, 'lifecycle.yaml');
  const folderNode = (index: number) => api.views.provider.getChildren()[index];

  before(async function () {
    api = await activateExtension();
    // The folders of a .code-workspace can be announced after activation: wait for all three.
    // (The harness seeds VS Code's workspace-configuration cache so that the web workbench never
    // starts this workspace with no folders: see seedWorkspaceConfigurationCache in test/host/server.mjs.)
    const names = () => (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.name).join(',');
    this.timeout(60_000);
    const state = () => `folders [${names()}] of workspace ${vscode.workspace.workspaceFile?.toString() ?? '(none)'}, store has ${api.services.store.all().length} of them`;
    await waitFor(() => names() === 'alpha,beta,gamma' && api.services.store.all().length === 3, 'the three folders alpha, beta, gamma', 30_000).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; now: ${state()}`);
    });
    await api.services.store.ready;
  });

  it('shows a top-level node for each folder that has a plan, with its progress', () => {
    assert.deepEqual(rows(api), [
      { label: 'alpha', description: 'Fine-tuning · 1/3', contextValue: 'planFolder', icon: 'root-folder', collapsible: 'expanded' },
      { label: 'beta', description: 'Prompting · 1/2', contextValue: 'planFolder', icon: 'root-folder', collapsible: 'expanded' },
    ]);
    assert.deepEqual(
      rows(api, folderNode(0)).map((row) => [row.label, row.description]),
      [
        ['Prompt engineering', 'Done'],
        ['Prompt tuning and fine-tuning', 'In progress · current'],
        ['Compression / optimization / deployment', 'Not started'],
      ],
    );
    assert.deepEqual(
      rows(api, folderNode(1)).map((row) => [row.label, row.description]),
      [
        // Each folder gets its own advice: beta's first stage is next, alpha's work is underway.
        ['Next step', 'Nothing comes before this stage: start here.'],
        ['Prompt engineering', 'Not started · current'],
        ['Reinforcement learning / human feedback', 'Skipped'],
      ],
    );
    assert.equal(api.views.provider.getParent(stageNode(api, 'rlhf', folderNode(1))), folderNode(1));
  });

  it('sums the open stages of every plan in the badge', () => {
    assert.deepEqual(api.views.treeView.badge, { value: 3, tooltip: '3 stages still open' });
  });

  it('shows the plan of the active editor in the status bar, else the first plan', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => api.views.statusBar.item.text === '$(milestone) Fine-tuning · 1/3', 'the first plan in the status bar');
    await vscode.window.showTextDocument(planOf(beta()));
    await waitFor(() => api.views.statusBar.item.text === '$(milestone) Prompting · 1/2', 'the active editor plan in the status bar');
    const tooltip = api.views.statusBar.item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.deepEqual(tooltip.value.replace(/\\(.)/g, '$1').split('\n\n'), [
      'GenAI Lifecycle: Current stage: Prompt engineering (not started). 1 of 2 stages finished in beta. Click to show the stages.',
      '$(lightbulb) **Next step** (Prompt engineering): Nothing comes before this stage: start here.',
      '**Effort ahead:** 1 stage open · up to Low expertise · longest: not required',
    ]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a command on a stage of one folder changes only that folder plan', async () => {
    const alphaBefore = await diskText(planOf(alpha()));
    const betaBefore = await diskText(planOf(beta()));
    const stage = stageNode(api, 'prompt-engineering', folderNode(1));
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage', stage), true);
    assert.equal(
      await diskText(planOf(beta())),
      replaceOnce(betaBefore, '    status: not-started # first step\n', `    status: in-progress # first step\n    started: ${localToday()}\n`),
    );
    assert.equal(await diskText(planOf(alpha())), alphaBefore);
    assert.equal(rows(api, folderNode(1))[0].description, 'In progress · current', 'started: no advice left in beta');
    assert.equal(rows(api)[1].description, 'Prompting · 1/2');

    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.resetStage', stage), true);
    assert.equal(await diskText(planOf(beta())), betaBefore);
  });

  it('Advance with a folder argument advances that folder only', async () => {
    const alphaBefore = await diskText(planOf(alpha()));
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.advance', alpha().uri), true);
    const today = localToday();
    let expected = replaceOnce(alphaBefore, '    status: in-progress\n    started: 2026-10-02\n', `    status: done\n    started: 2026-10-02\n    completed: ${today}\n`);
    expected = replaceOnce(expected, '  - id: deployment\n    status: not-started\n', `  - id: deployment\n    status: in-progress\n    started: ${today}\n`);
    assert.equal(await diskText(planOf(alpha())), expected);
    assert.equal(rows(api)[0].description, 'Deployment · 2/3');
  });

  it('Initialize creates a plan in the folder without one, which then gets its own node', async () => {
    assert.equal(api.services.store.get(gamma().uri)?.exists, false);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.initPlan', gamma().uri, ['prompt-engineering']), true);
    assert.equal(await diskText(planOf(gamma())), scaffold({ project: 'gamma', stageIds: ['prompt-engineering'], skipPreTraining: true }));
    await waitFor(() => api.views.provider.getChildren().length === 3, 'a third folder node');
    assert.deepEqual(
      rows(api).map((row) => row.label),
      ['alpha', 'beta', 'gamma'],
    );
    assert.deepEqual(
      children(api, folderNode(2)).map((node) => (node.kind === 'stage' ? node.stage.id : node.kind)),
      ['advice', 'prompt-engineering'],
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
