// The lifecycle advisor in the real host: the tree's Next step item and its inline action, What
// Should I Do Next? with its quick pick, dismissing and restoring, the blocked-days setting.
// Each test starts from the fixture's text with nothing dismissed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import type { AdviceNode, LifecycleNode } from '../../../src/views/nodes';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { children, replaceOnce, restorePlan, runAcceptingQuickPicks, snapshotRow } from '../views-helpers';

const REUSE = 'No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.';
const NEXT = 'Every earlier stage is done or skipped: this one is next.';

describe('views-basic: the lifecycle advisor', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;
  let original: string;
  const today = localToday();
  const folderPlan = () => {
    const found = api.services.store.get(workspaceFolder().uri);
    assert.ok(found);
    return found;
  };
  const nextStep = (): AdviceNode | undefined => children(api).find((node: LifecycleNode): node is AdviceNode => node.kind === 'advice');
  const nextStepRow = () => {
    const node = nextStep();
    return node ? snapshotRow(api.views.provider.getTreeItem(node)) : undefined;
  };
  /** The fixture with fine-tuning done: RLHF is next, so "start it" joins the reuse advice. */
  const tuned = () =>
    replaceOnce(
      replaceOnce(original, '    status: in-progress   # LoRA', '    status: done   # LoRA'),
      '    started: 2026-11-20\n',
      '    started: 2026-11-20\n    completed: 2026-11-30\n',
    );
  const rlhfStarted = (text: string) => replaceOnce(text, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`);

  /** The plan reads `text` on disk and in an open editor, and the store has parsed it. */
  async function usePlan(text: string): Promise<void> {
    await restorePlan(api, workspaceFolder(), planUri, text);
  }

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
    original = await diskText(planUri);
  });

  beforeEach(async () => {
    await api.services.advisor.restore([folderPlan()]);
    await restorePlan(api, workspaceFolder(), planUri, original);
  });

  after(async () => {
    await api.services.advisor.restore([folderPlan()]);
    await restorePlan(api, workspaceFolder(), planUri, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows one Next step item on top: the message, a lightbulb, an untrusted tooltip, and a click that lists all advice', () => {
    const node = nextStep();
    assert.ok(node);
    assert.equal(children(api)[0], node, 'the first row');
    assert.deepEqual(nextStepRow(), { label: 'Next step', description: REUSE, contextValue: 'advice', icon: 'lightbulb', color: 'editorLightBulb.foreground', collapsible: 'none' });
    const item = api.views.provider.getTreeItem(node);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.equal(item.tooltip.isTrusted, false);
    assert.ok(item.tooltip.value.includes(REUSE), item.tooltip.value);
    assert.deepEqual(item.command?.command, 'genaiLifecycle.whatNext');
    assert.deepEqual(item.command?.arguments, [workspaceFolder().uri.toString()]);
    assert.deepEqual(item.accessibilityInformation, { label: `Next step: ${REUSE}` });
  });

  it('dismissing the item shows the next advice, whose inline action (the stage command on the node) writes the plan', async () => {
    await usePlan(tuned());
    await waitFor(() => nextStepRow()?.description === REUSE, 'the reuse advice first');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.dismissAdvice', nextStep()), true);
    await waitFor(() => nextStepRow()?.description === NEXT, 'the start advice to come up');
    assert.equal(nextStepRow()?.contextValue, 'advice.start', 'the menus show Start Stage inline');
    assert.deepEqual(nextStep()?.target, { folderUri: workspaceFolder().uri.toString(), stageId: 'rlhf' });
    assert.deepEqual([...api.services.advisor.dismissedIn(folderPlan())], ['reuse-reward-model:rlhf'], 'remembered for this plan');

    // What the inline button does: the action's command with the node as its argument.
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage', nextStep()), true);
    await waitFor(async () => (await diskText(planUri)) === rlhfStarted(tuned()), 'Start Stage to write RLHF in progress');
    await waitFor(() => nextStep() === undefined, 'no advice left: RLHF is underway and its reuse advice dismissed');
  });

  it('What Should I Do Next? lists the advice in a quick pick and runs the chosen action', async () => {
    await usePlan(tuned());
    await api.services.advisor.dismiss(folderPlan(), 'reuse-reward-model:rlhf');
    // The quick pick starts on the first advice: Start RLHF.
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.whatNext'), true);
    await waitFor(async () => (await diskText(planUri)) === rlhfStarted(tuned()), 'the chosen action to write the plan');
  });

  it('What Should I Do Next? on advice without an action shows its stage', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.whatNext', workspaceFolder().uri.toString()), true);
    await waitFor(() => {
      const selected = api.views.treeView.selection[0];
      return selected?.kind === 'stage' && selected.stage.id === 'rlhf';
    }, 'RLHF to be revealed');
    assert.equal(await diskText(planUri), original, 'nothing written');
  });

  it('Restore Dismissed Advice brings dismissed advice back', async () => {
    await api.services.advisor.dismiss(folderPlan(), 'reuse-reward-model:rlhf');
    await waitFor(() => nextStep() === undefined, 'the Next step item to go');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.restoreDismissedAdvice'), true);
    await waitFor(() => nextStepRow()?.description === REUSE, 'the advice to come back');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.restoreDismissedAdvice'), false, 'nothing left to restore');
  });

  it('reports a stage blocked longer than the setting allows, counted from the blocked date Block Stage writes', async () => {
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.blockStage', { folderUri: workspaceFolder().uri.toString(), stageId: 'rlhf' }, 'Waiting for GPU quota'), true);
    await waitFor(async () => (await diskText(planUri)).includes(`    status: blocked\n    blocked: ${today}\n    owner: priya\n`), 'Block Stage to write the blocked date');
    const longAgo = replaceOnce(await diskText(planUri), `    blocked: ${today}\n`, '    blocked: 2020-01-01\n');
    await usePlan(longAgo);
    await waitFor(() => nextStepRow()?.description?.startsWith('Blocked for '), 'the blocked-too-long advice first');
    const config = vscode.workspace.getConfiguration('genaiLifecycle');
    await config.update('advice.blockedTooLongDays', 1_000_000, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => !nextStepRow()?.description?.startsWith('Blocked for '), 'a generous limit to quiet it');
    } finally {
      await config.update('advice.blockedTooLongDays', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => nextStepRow()?.description?.startsWith('Blocked for '), 'the default limit to report it again');
  });
});
