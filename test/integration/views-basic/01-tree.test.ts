// The Stages tree, its badge and the status bar item for a realistic single-folder plan.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { children, rows, stageNode } from '../views-helpers';

describe('views-basic: the Stages tree', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
  });

  it('lists the advisor\'s next step, then one row per stage in file order, with status, owner and the current stage', () => {
    assert.deepEqual(rows(api), [
      {
        label: 'Next step',
        description: 'No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.',
        contextValue: 'advice',
        icon: 'lightbulb',
        color: 'editorLightBulb.foreground',
        collapsible: 'none',
      },
      { label: 'Pre-training', description: 'Skipped', contextValue: 'stage.skipped', icon: 'debug-step-over', color: 'disabledForeground', collapsible: 'none' },
      { label: 'Prompt engineering', description: 'Done · sam', contextValue: 'stage.done', icon: 'pass-filled', color: 'testing.iconPassed', collapsible: 'collapsed' },
      {
        label: 'Prompt tuning and fine-tuning',
        description: 'In progress · dana · current',
        contextValue: 'stage.in-progress',
        icon: 'play-circle',
        color: 'charts.blue',
        collapsible: 'expanded',
        highlighted: true,
      },
      { label: 'Reinforcement learning / human feedback', description: 'Not started · priya', contextValue: 'stage.not-started', icon: 'circle-large-outline', collapsible: 'none' },
      { label: 'Compression / optimization / deployment', description: 'Not started', contextValue: 'stage.not-started', icon: 'circle-large-outline', collapsible: 'none' },
      { label: 'Evaluation harness', description: 'Blocked', contextValue: 'stage.blocked', icon: 'error', color: 'problemsErrorIcon.foreground', collapsible: 'none' },
    ]);
  });

  it('shows the stage plan file and the tasks with checkboxes under a stage', () => {
    assert.deepEqual(rows(api, stageNode(api, 'fine-tuning')), [
      { label: 'docs/finetune-plan.md', description: 'stage plan', contextValue: 'stagePlan', icon: 'markdown', collapsible: 'none' },
      { label: 'Collect 1,000 labelled support dialogues', contextValue: 'task', collapsible: 'none', checked: true },
      { label: 'Train a LoRA adapter', description: 'dana', contextValue: 'task', collapsible: 'none', checked: false },
    ]);
    assert.deepEqual(rows(api, stageNode(api, 'prompt-engineering')), [
      { label: 'Write the zero-shot and few-shot baselines', contextValue: 'task', collapsible: 'none', checked: true },
    ]);
    const planNode = children(api, stageNode(api, 'fine-tuning'))[0];
    const command = api.views.provider.getTreeItem(planNode).command;
    assert.equal(command?.command, 'genaiLifecycle.openStagePlan');
    assert.deepEqual(command?.arguments, [{ folderUri: workspaceFolder().uri.toString(), stageId: 'fine-tuning' }]);
  });

  it('gives built-in stages the cheat-sheet cells and the note in an untrusted Markdown tooltip', () => {
    const item = api.views.provider.getTreeItem(stageNode(api, 'fine-tuning'));
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.equal(item.tooltip.isTrusted, false);
    assert.equal(
      item.tooltip.value,
      [
        '**Prompt tuning and fine\\-tuning** · In progress · current stage',
        '',
        '- **Training duration:** Minutes to hours',
        '- **Customization:** Tune for specific tasks\\. Add domain\\-specific data\\. Update LLM model or adapter weights',
        '- **Objective:** Increase task performance',
        '- **Expertise:** Medium',
        '',
        'Owner: dana · Started: 2026\\-11\\-20 · Tasks: 1 of 2 done',
      ].join('\n'),
    );
    assert.deepEqual(item.accessibilityInformation, { label: 'Prompt tuning and fine-tuning, In progress, owner dana, current stage' });
  });

  it('gives a custom stage the effort cells it declares, and shows notes', () => {
    const custom = api.views.provider.getTreeItem(stageNode(api, 'eval-harness')).tooltip;
    assert.ok(custom instanceof vscode.MarkdownString);
    assert.equal(
      custom.value,
      [
        '**Evaluation harness** · Blocked',
        '',
        '- **Training duration:** Hours to days',
        '- **Customization:** Regression suite over real tickets',
        '- **Objective:** Catch quality regressions before release',
        '- **Expertise:** Medium',
        '',
        '**Note:** Waiting for the labelled test set',
      ].join('\n'),
    );
    const rlhf = api.views.provider.getTreeItem(stageNode(api, 'rlhf')).tooltip;
    assert.ok(rlhf instanceof vscode.MarkdownString);
    assert.ok(rlhf.value.endsWith("Owner: priya\n\n**Note:** Reuse the team's existing reward model"), rlhf.value);
  });

  it('counts the open stages in the view badge', () => {
    assert.deepEqual(api.views.treeView.badge, { value: 4, tooltip: '4 stages still open' });
  });

  it('shows the current stage and progress in one status bar item that focuses the view', () => {
    const statusBar = api.views.statusBar;
    assert.equal(statusBar.visible, true);
    assert.equal(statusBar.item.text, '$(milestone) Fine-tuning · 2/6');
    const tooltip = statusBar.item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    assert.deepEqual(tooltip.value.replace(/\\(.)/g, '$1').split('\n\n'), [
      'GenAI Lifecycle: Current stage: Prompt tuning and fine-tuning (in progress). 2 of 6 stages finished. Click to show the stages.',
      '$(lightbulb) **Next step** (Reinforcement learning / human feedback): No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.',
      '**Effort ahead:** 4 stages open · up to Medium-High expertise · longest: hours to days',
    ]);
    assert.equal(statusBar.item.color, undefined);
    assert.equal(statusBar.item.backgroundColor, undefined);
    const command = statusBar.item.command;
    assert.equal(typeof command === 'object' ? command.command : command, 'genaiLifecycle.stages.focus');
  });

  it('hides the status bar item when it is turned off in the settings', async () => {
    const config = vscode.workspace.getConfiguration('genaiLifecycle');
    await config.update('statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => !api.views.statusBar.visible, 'the status bar item to hide');
    } finally {
      await config.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => api.views.statusBar.visible, 'the status bar item to come back');
  });

  it('reveals a stage line in the plan when the stage is clicked (its command)', async () => {
    const item = api.views.provider.getTreeItem(stageNode(api, 'fine-tuning'));
    assert.ok(item.command, 'stage rows have a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === planUri.toString() ? vscode.window.activeTextEditor : undefined), 'the plan editor');
    const line = (await diskText(planUri)).split('\n').indexOf('  - id: fine-tuning');
    assert.ok(line > 0);
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [line, 8, line, 19],
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
