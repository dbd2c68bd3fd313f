// Every status command, run as a user's keybinding or menu would run it, yields the exact file
// text (comments and formatting kept) and the matching tree rows. Each test starts from the
// fixture's text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import type { StageTarget } from '../../../src/model/domain/stageTarget';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { children, openDocument, replaceOnce, restorePlan, rows, runAcceptingQuickPicks, runDismissingQuickInput, snapshotRow, stageNode } from '../views-helpers';

describe('views-basic: status commands write the plan', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;
  let original: string;
  const today = localToday();

  const target = (stageId: string): StageTarget => ({ folderUri: workspaceFolder().uri.toString(), stageId });
  const row = (stageId: string) => snapshotRow(api.views.provider.getTreeItem(stageNode(api, stageId)));
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<boolean>(`genaiLifecycle.${command}`, ...args);

  /** The plan reads `expected` in its document and on disk, and the store has parsed it. */
  async function expectPlan(expected: string): Promise<void> {
    assert.equal(openDocument(planUri)?.getText() ?? (await diskText(planUri)), expected);
    assert.equal(openDocument(planUri)?.isDirty ?? false, false, 'the document was saved');
    assert.equal(await diskText(planUri), expected);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 0, 'the store to hold the new plan');
  }

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
    original = await diskText(planUri);
  });

  beforeEach(async () => {
    await restorePlan(api, workspaceFolder(), planUri, original);
  });

  after(async () => {
    await restorePlan(api, workspaceFolder(), planUri, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Start Stage (target argument) writes the status and the started date', async () => {
    assert.equal(await run('startStage', target('rlhf')), true);
    await expectPlan(replaceOnce(original, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`));
    assert.equal(row('rlhf').description, 'In progress · priya');
    assert.equal(row('rlhf').contextValue, 'stage.in-progress');
  });

  it('Start Stage accepts a tree node (inline action) as its argument', async () => {
    assert.equal(await run('startStage', stageNode(api, 'deployment')), true);
    await expectPlan(replaceOnce(original, "    status: 'not-started'\n", `    status: 'in-progress'\n    started: ${today}\n`));
    assert.equal(row('deployment').description, 'In progress');
  });

  it('Start Stage from the palette asks for the stage, starting on the next one after the current', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.startStage'), true);
    await expectPlan(replaceOnce(original, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`));
  });

  it('Complete Stage writes done and the completed date, keeping the trailing comment', async () => {
    assert.equal(await run('completeStage', target('fine-tuning')), true);
    const expected = replaceOnce(
      replaceOnce(original, '    status: in-progress   # LoRA', '    status: done   # LoRA'),
      '    started: 2026-11-20\n',
      `    started: 2026-11-20\n    completed: ${today}\n`,
    );
    await expectPlan(expected);
    assert.equal(row('fine-tuning').description, 'Done · dana');
    assert.equal(row('rlhf').description, 'Not started · priya · current', 'the next stage becomes current');
    assert.deepEqual(api.views.treeView.badge, { value: 3, tooltip: '3 stages still open' });
    assert.equal(api.views.statusBar.item.text, '$(milestone) RLHF · 3/6');
  });

  it('Block Stage with a reason saves it as the note', async () => {
    assert.equal(await run('blockStage', target('rlhf'), 'Waiting for GPU quota'), true);
    const expected = replaceOnce(
      original,
      "    status: not-started\n    owner: priya\n    note: Reuse the team's existing reward model\n",
      `    status: blocked\n    blocked: ${today}\n    owner: priya\n    note: Waiting for GPU quota\n`,
    );
    await expectPlan(expected);
    assert.deepEqual(
      { description: row('rlhf').description, icon: row('rlhf').icon, color: row('rlhf').color },
      { description: 'Blocked · priya', icon: 'error', color: 'problemsErrorIcon.foreground' },
    );
  });

  it('Block Stage asks for the reason, and changes nothing when dismissed', async () => {
    assert.equal(await runDismissingQuickInput<boolean>('genaiLifecycle.blockStage', target('rlhf')), false);
    await expectPlan(original);
  });

  it('Skip Stage keeps the quoting style of the status', async () => {
    assert.equal(await run('skipStage', target('deployment')), true);
    await expectPlan(replaceOnce(original, "    status: 'not-started'\n", "    status: 'skipped'\n"));
    assert.equal(row('deployment').description, 'Skipped');
  });

  it('Reset Stage goes back to not started and removes the dates', async () => {
    assert.equal(await run('resetStage', target('prompt-engineering')), true);
    const expected = replaceOnce(
      original,
      '    status: done\n    owner: sam\n    started: 2026-11-02\n    completed: 2026-11-12\n',
      '    status: not-started\n    owner: sam\n',
    );
    await expectPlan(expected);
    // A stage in progress stays the current one, even after an earlier stage is reset.
    assert.equal(row('prompt-engineering').description, 'Not started · sam');
    assert.equal(row('fine-tuning').description, 'In progress · dana · current');
  });

  it('Start Stage resumes a blocked stage', async () => {
    assert.equal(await run('startStage', target('eval-harness')), true);
    await expectPlan(replaceOnce(original, '    status: blocked\n', `    status: in-progress\n    started: ${today}\n`));
    assert.equal(row('eval-harness').contextValue, 'stage.in-progress');
  });

  it('refuses an action the stage\'s status does not allow, and changes nothing', async () => {
    assert.equal(await run('skipStage', target('prompt-engineering')), false, 'a done stage is not skipped');
    assert.equal(await run('completeStage', target('pre-training')), false, 'a skipped stage is not completed');
    assert.equal(await run('blockStage', target('prompt-engineering'), 'Waiting'), false, 'a done stage is not blocked');
    assert.equal(await run('startStage', target('fine-tuning')), false, 'a stage in progress is not started again');
    await expectPlan(original);
  });

  it('Set Stage Status with a status applies it without asking', async () => {
    assert.equal(await run('setStageStatus', target('rlhf'), 'done'), true);
    await expectPlan(replaceOnce(original, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: done\n    completed: ${today}\n`));
    assert.equal(row('rlhf').description, 'Done · priya');
  });

  it('Set Stage Status without a status asks for it', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.setStageStatus', target('rlhf')), true);
    await expectPlan(replaceOnce(original, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`));
  });

  it('Advance completes the stage in progress and starts the next one', async () => {
    assert.equal(await run('advance'), true);
    let expected = replaceOnce(original, '    status: in-progress   # LoRA', '    status: done   # LoRA');
    expected = replaceOnce(expected, '    started: 2026-11-20\n', `    started: 2026-11-20\n    completed: ${today}\n`);
    expected = replaceOnce(expected, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`);
    await expectPlan(expected);
    assert.equal(row('fine-tuning').description, 'Done · dana');
    assert.equal(row('rlhf').description, 'In progress · priya · current');
    assert.equal(row('rlhf').highlighted, true);
    assert.equal(row('fine-tuning').highlighted, undefined);
  });

  it('Add Task appends an open task and the tree shows it', async () => {
    assert.equal(await run('addTask', target('rlhf'), 'Collect preference pairs'), true);
    const expected = replaceOnce(
      original,
      "    note: Reuse the team's existing reward model\n",
      "    note: Reuse the team's existing reward model\n    tasks:\n      - title: Collect preference pairs\n        done: false\n",
    );
    await expectPlan(expected);
    assert.equal(row('rlhf').collapsible, 'collapsed');
    assert.deepEqual(rows(api, stageNode(api, 'rlhf')), [{ label: 'Collect preference pairs', contextValue: 'task', collapsible: 'none', checked: false }]);
  });

  it('Add Task asks for the title and changes nothing when dismissed', async () => {
    assert.equal(await runDismissingQuickInput<boolean>('genaiLifecycle.addTask', target('rlhf')), false);
    await expectPlan(original);
  });

  it('ticking a task checkbox writes done back', async () => {
    const task = children(api, stageNode(api, 'fine-tuning')).find((node) => node.kind === 'task' && node.taskIndex === 1);
    assert.ok(task?.kind === 'task');
    assert.equal(await api.views.toggleTask(task, true), true);
    await expectPlan(replaceOnce(original, '        done: false\n        owner: dana\n', '        done: true\n        owner: dana\n'));
    assert.equal(rows(api, stageNode(api, 'fine-tuning'))[2].checked, true);
  });

  it('Open Lifecycle Plan and Open Stage Plan open the files', async () => {
    assert.equal(await run('openPlan'), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), planUri.toString());
    assert.equal(await run('openStagePlan', target('fine-tuning')), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'finetune-plan.md').toString());
    assert.equal(await run('openStagePlan', target('rlhf')), false, 'rlhf has no plan file');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Refresh re-reads the plan; Initialize refuses to overwrite it', async () => {
    const before = api.services.store.get(workspaceFolder().uri)?.revision ?? 0;
    assert.equal(await run('refresh'), true);
    assert.ok((api.services.store.get(workspaceFolder().uri)?.revision ?? 0) > before);
    assert.equal(await run('initPlan'), false);
    await expectPlan(original);
  });

  it('a stage that is not in the plan is an error, not a change', async () => {
    assert.equal(await run('startStage', target('no-such-stage')), false);
    await expectPlan(original);
  });
});
