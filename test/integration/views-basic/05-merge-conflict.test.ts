// A plan left with git conflict markers after a merge: one diagnostic names the conflict, the
// views keep the last good plan, commands leave the file alone, and resolving it recovers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText, writeDiskText } from '../files';
import { replaceOnce, restorePlan, rows } from '../views-helpers';

describe('views-basic: a plan with merge conflict markers', () => {
  it('shows one diagnostic naming the conflict, keeps the last good stages, and recovers once resolved', async () => {
    const api = await activateExtension();
    const planUri = vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');
    const original = await diskText(planUri);
    const originalRows = rows(api);
    try {
      const conflicted = replaceOnce(
        original,
        '  - id: rlhf\n    status: not-started\n',
        '  - id: rlhf\n<<<<<<< HEAD\n    status: not-started\n=======\n    status: in-progress\n    started: 2026-12-01\n>>>>>>> feature/rlhf\n',
      );
      const markerLine = conflicted.split('\n').indexOf('<<<<<<< HEAD');
      await writeDiskText(planUri, conflicted);
      await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 1, 'the store to see the conflict');

      const diagnostics = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(planUri);
        return found.length > 0 ? found : undefined;
      }, 'the Problems panel to show the conflict');
      assert.equal(diagnostics.length, 1, 'one diagnostic, not a cascade of YAML errors');
      assert.equal(diagnostics[0].code, 'merge-conflict');
      assert.equal(diagnostics[0].message, `The plan has an unresolved merge conflict (lines ${markerLine + 1}-${markerLine + 6}): resolve it to update the views and to change stages from the extension.`);
      assert.deepEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character, diagnostics[0].range.end.character], [markerLine, 0, 12]);

      assert.deepEqual(rows(api), [
        { label: 'lifecycle.yaml has 1 problem', contextValue: 'planProblems', icon: 'error', color: 'problemsErrorIcon.foreground', collapsible: 'none' },
        ...originalRows,
      ]);
      assert.equal(await vscode.commands.executeCommand('genaiLifecycle.startStage', { folderUri: workspaceFolder().uri.toString(), stageId: 'deployment' }), false);
      assert.equal(await diskText(planUri), conflicted, 'the conflicted file is left alone');

      await writeDiskText(planUri, original);
      await waitFor(() => api.services.store.get(workspaceFolder().uri)?.errorCount === 0, 'the store to see the resolved plan');
      assert.deepEqual(rows(api), originalRows);
    } finally {
      await restorePlan(api, workspaceFolder(), planUri, original);
    }
  });
});
