// Without a plan the chart still shows the catalog (pure guidance) and offers to create one.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { buildChart } from '../../../src/model/presentation/chart';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

describe('effort chart without a plan', () => {
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('genaiLifecycle', workspaceFolder().uri);

  before(async () => {
    const api = await activateExtension();
    // Point the extension at a plan file that does not exist: the folder has no plan now.
    await settings().update('planFile', 'no-plan-here.yaml', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.exists === false, 'the store to see no plan');
  });

  after(async () => {
    const api = await activateExtension();
    api.chart.panel?.webviewPanel.dispose();
    await settings().update('planFile', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.exists === true, 'the store to see the plan again');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder().uri, 'no-plan-here.yaml')).then(undefined, () => undefined);
  });

  it('opens with the five built-in stages and no plan state', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    const panel = api.chart.panel;
    assert.ok(panel);
    const posted = await waitFor(() => (panel.lastPosted?.hasPlan === false ? panel.lastPosted : undefined), 'the page to get the plan-less chart', 20_000);
    assert.deepEqual(posted, buildChart({ folderUri: workspaceFolder().uri.toString(), folderName: 'chart-plan', errorCount: 0 }));
    assert.deepEqual(
      posted.columns.map((c) => [c.id, c.inPlan]),
      [
        ['pre-training', false],
        ['prompt-engineering', false],
        ['fine-tuning', false],
        ['rlhf', false],
        ['deployment', false],
      ],
    );
  });

  it('refuses stage messages: there is no stage to change', async () => {
    const api = await activateExtension();
    assert.equal(await api.chart.handleMessage({ type: 'setStatus', stageId: 'rlhf', status: 'done' }), 'refused');
    assert.equal(await api.chart.handleMessage({ type: 'chooseStatus', stageId: 'fine-tuning' }), 'refused');
  });

  it('creates the plan through Initialize Lifecycle Plan when asked, and then shows it', async () => {
    const api = await activateExtension();
    const planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'no-plan-here.yaml');
    let outcome: string | undefined;
    const handled = api.chart.handleMessage({ type: 'createPlan' }).then((result) => (outcome = result));
    // The command asks which stages to include (all ticked): accept, as a user pressing Enter.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return outcome !== undefined;
    }, 'the stage quick pick to be accepted');
    await handled;
    assert.equal(outcome, 'handled');
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.exists === true, 'the store to see the new plan');
    const panel = api.chart.panel;
    assert.ok(panel);
    const posted = await waitFor(() => (panel.lastPosted?.hasPlan ? panel.lastPosted : undefined), 'the chart to show the new plan');
    assert.deepEqual(
      posted.columns.map((c) => [c.id, c.status]),
      [
        ['pre-training', 'skipped'],
        ['prompt-engineering', 'not-started'],
        ['fine-tuning', 'not-started'],
        ['rlhf', 'not-started'],
        ['deployment', 'not-started'],
      ],
    );
    assert.ok((await vscode.workspace.fs.stat(planUri)).size > 0, 'the plan file was written where the setting points');
  });

});
