// Commands on an editor with unsaved changes, undo, changes made on disk by other tools, and
// invalid plans: the tree follows the file and nothing is lost.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import type { StageTarget } from '../../../src/model/domain/stageTarget';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText, writeDiskText } from '../files';
import { replaceOnce, restorePlan, rows, snapshotRow, stageNode } from '../views-helpers';

describe('views-basic: editors, undo, disk changes and invalid plans', () => {
  let api: LifecycleApi;
  let planUri: vscode.Uri;
  let original: string;
  let originalRows: ReturnType<typeof rows>;
  const today = localToday();
  const rlhfNotStarted = '  - id: rlhf\n    status: not-started\n';
  const rlhfStarted = `  - id: rlhf\n    status: in-progress\n    started: ${today}\n`;

  const target = (stageId: string): StageTarget => ({ folderUri: workspaceFolder().uri.toString(), stageId });
  const description = (stageId: string) => snapshotRow(api.views.provider.getTreeItem(stageNode(api, stageId))).description;

  before(async () => {
    api = await activateExtension();
    planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
    original = await diskText(planUri);
    originalRows = rows(api);
  });

  afterEach(async () => {
    await restorePlan(api, workspaceFolder(), planUri, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a command on an editor with unsaved changes edits the editor, keeps it unsaved, and one undo reverts it', async () => {
    const editor = await vscode.window.showTextDocument(planUri);
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# Draft, not saved yet\n')));
    assert.equal(editor.document.isDirty, true);

    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage', target('rlhf')), true);
    const draft = '# Draft, not saved yet\n' + original;
    assert.equal(editor.document.getText(), replaceOnce(draft, rlhfNotStarted, rlhfStarted), 'the edit landed in the editor, the draft line is kept');
    assert.equal(editor.document.isDirty, true, 'still unsaved');
    assert.equal(await diskText(planUri), original, 'nothing was written to disk');
    assert.equal(description('rlhf'), 'In progress · priya', 'the tree shows the editor text');

    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === draft, 'one undo to revert the command');
    assert.equal(editor.document.isDirty, true);
    await waitFor(() => description('rlhf') === 'Not started · priya', 'the tree to follow the undo');
  });

  it('a command on a clean document saves it; one undo brings the previous text back', async () => {
    const editor = await vscode.window.showTextDocument(planUri);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.completeStage', target('rlhf')), true);
    const completed = replaceOnce(original, rlhfNotStarted, `  - id: rlhf\n    status: done\n    completed: ${today}\n`);
    assert.equal(editor.document.getText(), completed);
    assert.equal(editor.document.isDirty, false);
    assert.equal(await diskText(planUri), completed);

    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === original, 'one undo to revert the command');
    await waitFor(() => description('rlhf') === 'Not started · priya', 'the tree to follow the undo');
  });

  it('a change on disk by another tool (git checkout, a script) refreshes the tree', async () => {
    await writeDiskText(planUri, replaceOnce(original, rlhfNotStarted, '  - id: rlhf\n    status: done\n'));
    await waitFor(() => description('rlhf') === 'Done · priya', 'the tree to show the change on disk');
    assert.deepEqual(api.views.treeView.badge, { value: 3, tooltip: '3 stages still open' });
  });

  it('an invalid plan shows an error item that opens the Problems panel, above the last good stages', async () => {
    const invalid = replaceOnce(
      replaceOnce(replaceOnce(original, rlhfNotStarted, '  - id: rlhf\n    status: waiting\n'), "status: 'not-started'", 'status: later'),
      '    status: blocked\n',
      '    status: stuck\n',
    );
    await writeDiskText(planUri, invalid);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 3, 'the store to see the problems');
    assert.deepEqual(rows(api), [
      { label: 'lifecycle.yaml has 3 problems', contextValue: 'planProblems', icon: 'error', color: 'problemsErrorIcon.foreground', collapsible: 'none' },
      ...originalRows,
    ]);
    const problems = api.views.provider.getChildren()[0];
    assert.equal(api.views.provider.getTreeItem(problems).command?.command, 'workbench.actions.view.problems');
    assert.equal(api.views.statusBar.item.text, '$(milestone) Fine-tuning · 2/6', 'the status bar keeps the last good plan too');
  });

  it('a plan without stages says so in the view, with no badge', async () => {
    await writeDiskText(planUri, '# Nothing planned yet.\nversion: 1\nstages: []\n');
    await waitFor(() => api.views.provider.getChildren().length === 0, 'the tree to empty');
    assert.equal(api.views.treeView.message, 'lifecycle.yaml lists no stages yet: add them under "stages:".');
    assert.equal(api.views.treeView.badge, undefined);
    assert.equal(api.views.statusBar.item.text, '$(milestone) No stages · 0/0');
  });

  it('a command decides on the status the editor has now, even while the plan has problems', async () => {
    const editor = await vscode.window.showTextDocument(planUri);
    const rlhfDone = '  - id: rlhf\n    status: done\n';
    // rlhf is done in the editor, and an unknown status keeps the tree on the last good plan.
    const edited = replaceOnce(replaceOnce(original, rlhfNotStarted, rlhfDone), "    status: 'not-started'\n", '    status: someday\n');
    assert.ok(await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), edited)));
    await waitFor(() => (api.services.store.get(workspaceFolder().uri)?.errorCount ?? 0) > 0, 'the store to see the problem');
    assert.equal(description('rlhf'), 'Not started · priya', 'the tree shows the last good plan');

    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.skipStage', target('rlhf')), false, 'a done stage is not skipped');
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.resetStage', target('rlhf')), true, 'a done stage is reset');
    assert.equal(editor.document.getText(), replaceOnce(edited, rlhfDone, rlhfNotStarted));
  });

  it('a plan that is not valid YAML is never written to, and the tree recovers when it is fixed', async () => {
    const broken = replaceOnce(original, '  - id: rlhf\n', '  - id: rlhf: [\n');
    await writeDiskText(planUri, broken);
    await waitFor(() => (api.services.store.get(workspaceFolder().uri)?.errorCount ?? 0) > 0, 'the store to see the problems');
    const count = api.services.store.get(workspaceFolder().uri)?.errorCount ?? 0;
    assert.deepEqual(rows(api)[0], { label: `lifecycle.yaml has ${count} problems`, contextValue: 'planProblems', icon: 'error', color: 'problemsErrorIcon.foreground', collapsible: 'none' });
    assert.deepEqual(rows(api).slice(1), originalRows);

    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage', target('deployment')), false);
    assert.equal(await diskText(planUri), broken, 'the broken file is left alone');

    await writeDiskText(planUri, original);
    await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 0, 'the store to see the fixed plan');
    assert.deepEqual(rows(api), originalRows);
  });
});
