// A plan on a virtual file system, as in github.dev: a test-only provider (scheme genai-memfs)
// serves a workspace folder with a plan. The tree reads it, a command edits it through the
// provider, and a change the provider announces refreshes the views. A change it does not
// announce (a file system that cannot watch) shows after Refresh, which re-reads every plan,
// and when the window regains focus.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { localToday } from '../../../src/model';
import { activateExtension, waitFor } from '../helpers';
import { MEMORY_SCHEME, MemoryFileSystem } from './memoryFileSystem';

const PLAN_PATH = '/team/lifecycle.yaml';
const ORIGINAL = `# The team's plan, served from memory.
version: 1
project: memory-team
stages:
  - id: prompt-engineering
    status: in-progress # the team's note stays
    started: 2026-11-02
  - id: fine-tuning
    status: not-started
`;

describe('virtual-fs: a plan on a file system provider', () => {
  const memory = new MemoryFileSystem();
  let registration: vscode.Disposable | undefined;
  let api: LifecycleApi;
  const folderUri = memory.uri('/team');
  const description = (stageId: string): string | undefined => {
    const node = api.views.provider.stageNode({ folderUri: folderUri.toString(), stageId });
    const item = node ? api.views.provider.getTreeItem(node) : undefined;
    return typeof item?.description === 'string' ? item.description : undefined;
  };

  before(async function () {
    this.timeout(90_000);
    api = await activateExtension();
    registration = vscode.workspace.registerFileSystemProvider(MEMORY_SCHEME, memory, { isCaseSensitive: true });
    memory.put(PLAN_PATH, ORIGINAL);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'the fixture opens one folder on disk');
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: folderUri, name: 'memory-team' }), 'the virtual folder is added');
    await waitFor(() => api.services.store.get(folderUri)?.exists === true, 'the store to read the virtual folder\'s plan');
  });

  after(async () => {
    const index = (vscode.workspace.workspaceFolders ?? []).findIndex((folder) => folder.uri.toString() === folderUri.toString());
    if (index >= 0) {
      vscode.workspace.updateWorkspaceFolders(index, 1);
      await waitFor(() => api.services.store.get(folderUri) === undefined, 'the virtual folder to leave the store');
    }
    registration?.dispose();
    memory.dispose();
  });

  it('the tree shows the plan read through the provider', async () => {
    await waitFor(() => description('prompt-engineering') === 'In progress · current', 'the virtual plan\'s current stage in the tree');
    assert.equal(description('fine-tuning'), 'Not started');
    assert.equal(api.services.store.get(folderUri)?.errorCount, 0);
  });

  it('a change the provider does not announce shows after Refresh', async () => {
    // An open document would be VS Code's copy of the file, which only an announced change
    // updates: this runs before any command opens the plan.
    assert.equal(vscode.workspace.textDocuments.some((document) => document.uri.toString() === memory.uri(PLAN_PATH).toString()), false, 'the plan is not open');
    memory.put(PLAN_PATH, ORIGINAL.replace('    status: not-started\n', '    status: skipped\n'), { announce: false });
    // Nothing told VS Code: the tree still shows what it last read.
    assert.notEqual(description('fine-tuning'), 'Skipped');
    await vscode.commands.executeCommand('genaiLifecycle.refresh');
    await waitFor(() => description('fine-tuning') === 'Skipped', 'Refresh to re-read the unannounced change');
    memory.put(PLAN_PATH, ORIGINAL);
    await waitFor(() => description('fine-tuning') === 'Not started', 'the original plan back in the tree');
  });

  it('evidence on the provider: a path by stat, a glob by walking its folders (no search provider)', async () => {
    memory.put('/team/evals/prompt-baseline.md', '# Baseline\n');
    memory.put('/team/evals/nested/rlhf-win-rate.md', '# Win rate\n');
    const folder = vscode.workspace.getWorkspaceFolder(folderUri);
    assert.ok(folder, 'the virtual folder is a workspace folder');
    const results = await api.services.evidence.check(folder, ['evals/prompt-baseline.md', 'evals/**/*win-rate.md', 'evals/*.csv', 'evals/missing.md']);
    assert.deepEqual(
      results.map((result) => [result.pattern, result.found]),
      [
        ['evals/prompt-baseline.md', true],
        ['evals/**/*win-rate.md', true],
        ['evals/*.csv', false],
        ['evals/missing.md', false],
      ],
    );
  });

  it('a status command writes through the provider, changing only the status lines', async () => {
    const writesBefore = memory.writes;
    const done = await vscode.commands.executeCommand<boolean>('genaiLifecycle.startStage', { folderUri: folderUri.toString(), stageId: 'fine-tuning' });
    assert.equal(done, true);
    const expected = ORIGINAL.replace('  - id: fine-tuning\n    status: not-started\n', `  - id: fine-tuning\n    status: in-progress\n    started: ${localToday()}\n`);
    await waitFor(() => memory.text(PLAN_PATH) === expected || undefined, 'the provider to hold the edited plan');
    assert.ok(memory.writes > writesBefore, 'the edit went through the provider');
    await waitFor(() => description('fine-tuning')?.startsWith('In progress'), 'the tree to show the started stage');
  });

  it('a change the provider announces refreshes the tree (its watcher)', async () => {
    memory.put(PLAN_PATH, ORIGINAL.replace('    status: in-progress # the team\'s note stays\n    started: 2026-11-02\n', '    status: done # the team\'s note stays\n    started: 2026-11-02\n    completed: 2026-11-20\n'));
    await waitFor(() => description('prompt-engineering')?.startsWith('Done'), 'the announced change in the tree');
    assert.ok(memory.watchCalls > 0, 'VS Code watched the virtual folder for the extension');
  });

});
