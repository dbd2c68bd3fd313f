// What the chart page sends is untrusted: malformed messages are refused without an edit;
// well-formed ones run the same command as the sidebar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { edit } from '../../../src/model/planFile/edit';
import { applyEdits } from '../../../src/model/planFile/textEdits';
import { diskText, writeDiskText } from '../files';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';

const planUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');

async function hasCommand(id: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(id);
}

describe('effort chart messages', () => {
  let original = '';

  before(async () => {
    await activateExtension();
    original = await diskText(planUri());
  });

  const badMessages: readonly [string, unknown][] = [
    ['no message', undefined],
    ['null', null],
    ['a bare string', 'setStatus'],
    ['an array', [{ type: 'setStatus', stageId: 'rlhf', status: 'done' }]],
    ['an unknown type', { type: 'deleteStage', stageId: 'rlhf' }],
    ['a command-running type', { type: 'executeCommand', command: 'workbench.action.files.delete' }],
    ['an unknown stage id', { type: 'setStatus', stageId: 'no-such-stage', status: 'done' }],
    ['a stage id only in the catalog text', { type: 'setStatus', stageId: 'Pre-training', status: 'done' }],
    ['an unknown status', { type: 'setStatus', stageId: 'rlhf', status: 'finished' }],
    ['a status of the wrong type', { type: 'setStatus', stageId: 'rlhf', status: 1 }],
    ['a stage id of the wrong type', { type: 'setStatus', stageId: ['rlhf'], status: 'done' }],
    ['a huge stage id', { type: 'setStatus', stageId: 'rlhf'.repeat(500_000), status: 'done' }],
    ['a huge status', { type: 'setStatus', stageId: 'rlhf', status: 'done'.repeat(500_000) }],
    ['extra keys', { type: 'setStatus', stageId: 'rlhf', status: 'done', folderUri: 'file:///etc' }],
    ['a missing status', { type: 'setStatus', stageId: 'rlhf' }],
    ['chooseStatus for an unknown stage', { type: 'chooseStatus', stageId: '../../lifecycle' }],
    ['createPlan with junk', { type: 'createPlan', text: 'version: 1' }],
    // Well-formed, but the status table has no such move from the stage's status.
    ['a move the table does not allow (done to blocked)', { type: 'setStatus', stageId: 'prompt-engineering', status: 'blocked' }],
    ['the status the stage already has', { type: 'setStatus', stageId: 'fine-tuning', status: 'in-progress' }],
  ];

  it('refuses malformed messages and edits nothing', async () => {
    const api = await activateExtension();
    for (const [what, message] of badMessages) {
      assert.equal(await api.chart.handleMessage(message), 'refused', what);
    }
    // Give a wrongly accepted edit time to land before looking.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await diskText(planUri()), original, 'the plan file is unchanged');
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === planUri().toString());
    assert.equal(open?.isDirty ?? false, false, 'no unsaved edit either');
  });

  it('accepts ready', async () => {
    const api = await activateExtension();
    assert.equal(await api.chart.handleMessage({ type: 'ready' }), 'handled');
  });

  it('sets a status through the Set Stage Status command', async function () {
    if (!(await hasCommand('genaiLifecycle.setStageStatus'))) {
      this.skip();
    }
    const api = await activateExtension();
    assert.equal(await api.chart.handleMessage({ type: 'setStatus', stageId: 'rlhf', status: 'in-progress' }), 'handled');
    const planned = edit(original, 'rlhf', { kind: 'status', status: 'in-progress' });
    assert.ok(planned.ok);
    const expected = applyEdits(original, planned.edits);
    assert.ok(expected.includes('  - id: rlhf\n    status: in-progress\n    started: '), expected);
    await waitFor(async () => (await diskText(planUri())) === expected, 'the plan file to be written');
    await waitFor(
      () => api.services.store.get(workspaceFolder().uri)?.plan?.stages.find((s) => s.id === 'rlhf')?.status === 'in-progress',
      'the store to read the change',
    );
    assert.equal(api.chart.chartData().columns.find((c) => c.id === 'rlhf')?.status, 'in-progress');
  });

  it('offers the status quick pick for chooseStatus (cancelled: nothing changes)', async function () {
    if (!(await hasCommand('genaiLifecycle.setStageStatus'))) {
      this.skip();
    }
    const api = await activateExtension();
    const before = await diskText(planUri());
    let outcome: string | undefined;
    const handled = api.chart.handleMessage({ type: 'chooseStatus', stageId: 'deployment' }).then((result) => (outcome = result));
    // Dismiss the quick pick as a user pressing Escape would, once it is up.
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return outcome !== undefined;
    }, 'the quick pick to be dismissed');
    await handled;
    assert.equal(outcome, 'handled');
    assert.equal(await diskText(planUri()), before);
  });

  after(async () => {
    // Put the fixture back for the next suite.
    if ((await diskText(planUri())) !== original) {
      const api = await activateExtension();
      await writeDiskText(planUri(), original);
      await api.services.store.reload(workspaceFolder());
      await waitFor(
        () => api.services.store.get(workspaceFolder().uri)?.plan?.stages.find((s) => s.id === 'rlhf')?.status === 'not-started',
        'the store to read the restored plan',
      );
    }
  });
});
