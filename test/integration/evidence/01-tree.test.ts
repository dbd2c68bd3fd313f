// The evidence under each stage in the sidebar, its hover lines, and the files it may look at.
// Files are created and deleted with plain Node calls, as a training script or a checkout
// would: the marks turn because the entry's file watcher fired, not because anything refreshed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { removeFromDisk, writeDiskText } from '../files';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { EVIDENCE_MESSAGES } from '../../../src/model/domain/evidence';
import { waitFor, workspaceFolder } from '../helpers';
import { hoverText, ourHovers, replaceAll } from '../lang-plan/langHelpers';
import { children, replaceOnce, rows, stageNode } from '../views-helpers';
import { evidenceIcon, evidenceRows, evidenceSuite, planUri, removeEvidence, writeEvidence } from './evidenceHelpers';

const FOUND = { description: 'evidence found', contextValue: 'evidence', icon: 'check', color: 'testing.iconPassed', collapsible: 'none' } as const;
const MISSING = { description: 'evidence missing', contextValue: 'evidence', icon: 'close', color: 'testing.iconFailed', collapsible: 'none' } as const;

describe('evidence: the tree, the hover and the workspace boundary', () => {
  const suite = evidenceSuite();
  const api = (): LifecycleApi => suite.api;

  it('lists each entry under its stage, after the tasks, with a check or a cross', async () => {
    await api().services.evidence.settled();
    assert.deepEqual(rows(api(), stageNode(api(), 'fine-tuning')), [
      { label: 'Train a LoRA adapter', contextValue: 'task', collapsible: 'none', checked: true },
      { label: 'Evaluate the adapter', contextValue: 'task', collapsible: 'none', checked: false },
      { label: 'docs/model-card.md', ...FOUND },
      { label: 'evals/finetune-report.md', ...MISSING },
      { label: 'adapters/**/*.safetensors', ...MISSING },
    ]);
    assert.deepEqual(evidenceRows(api(), 'prompt-engineering'), [{ label: 'evals/prompt-baseline.md', ...FOUND }]);
    assert.deepEqual(evidenceRows(api(), 'rlhf'), [{ label: 'evals/rlhf-report.md', ...MISSING }]);
    assert.deepEqual(evidenceRows(api(), 'deployment'), []);
    const missing = children(api(), stageNode(api(), 'fine-tuning')).find((node) => node.kind === 'evidence' && node.item.pattern === 'evals/finetune-report.md');
    assert.ok(missing);
    const item = api().views.provider.getTreeItem(missing);
    assert.equal(item.tooltip, 'Missing: evals/finetune-report.md does not exist in the workspace folder yet.');
    assert.equal(item.command, undefined, 'a missing file has nothing to open');
  });

  const appearing = [
    { what: 'a path: the cross turns into a check when the file appears, and back when it goes', pattern: 'evals/finetune-report.md', create: 'evals/finetune-report.md', remove: 'evals/finetune-report.md' },
    { what: 'a glob: found once a matching file appears in a new folder, missed when the folder goes', pattern: 'adapters/**/*.safetensors', create: 'adapters/lora-v1/adapter_model.safetensors', remove: 'adapters' },
  ];
  for (const { what, pattern, create, remove } of appearing) {
    it(what, async () => {
      await api().services.evidence.settled();
      assert.equal(evidenceIcon(api(), 'fine-tuning', pattern), 'close');
      await writeEvidence(create);
      await waitFor(() => evidenceIcon(api(), 'fine-tuning', pattern) === 'check', `${create} to be found`);
      await removeEvidence(remove);
      await waitFor(() => evidenceIcon(api(), 'fine-tuning', pattern) === 'close', `${remove} to be missed`);
    });
  }

  it('opens a found file when its row is clicked', async () => {
    await api().services.evidence.settled();
    const node = children(api(), stageNode(api(), 'fine-tuning')).find((candidate) => candidate.kind === 'evidence' && candidate.item.pattern === 'docs/model-card.md');
    assert.ok(node);
    const command = api().views.provider.getTreeItem(node).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const expected = vscode.Uri.joinPath(workspaceFolder().uri, 'docs', 'model-card.md').toString();
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === expected, 'the model card to open');
  });

  it('lists the evidence in the stage hover, found and missing', async () => {
    await api().services.evidence.settled();
    const document = await vscode.workspace.openTextDocument(planUri());
    const line = document.getText().split('\n').indexOf('  - id: fine-tuning');
    const hoverAt = async (): Promise<string> => {
      const hovers = await ourHovers(planUri(), new vscode.Position(line, 10));
      assert.equal(hovers.length, 1);
      return hoverText(hovers[0]);
    };
    const block = (found: number, report: string): string =>
      [`**Evidence:** ${found} of 3 found`, '- ✓ found: docs/model\\-card\\.md', `- ${report}: evals/finetune\\-report\\.md`, '- ✗ missing: adapters/\\*\\*/\\*\\.safetensors'].join('\n');
    assert.ok((await hoverAt()).includes(block(1, '✗ missing')), await hoverAt());
    await writeEvidence('evals/finetune-report.md');
    await waitFor(() => evidenceIcon(api(), 'fine-tuning', 'evals/finetune-report.md') === 'check', 'the new file to be found');
    assert.ok((await hoverAt()).includes(block(2, '✓ found')), await hoverAt());
  });

  it('refuses an entry that leaves the folder with an error, and never shows or looks it up', async () => {
    // The file is really there, next to the workspace folder.
    const outside = vscode.Uri.joinPath(workspaceFolder().uri, '..', 'outside.md');
    await writeDiskText(outside, 'Not part of this workspace\n');
    try {
      const document = await vscode.workspace.openTextDocument(planUri());
      await replaceAll(document, replaceOnce(suite.original, '      - evals/rlhf-report.md\n', '      - evals/rlhf-report.md\n      - ../outside.md\n'));
      const diagnostic = await waitFor(
        () => vscode.languages.getDiagnostics(planUri()).find((candidate) => candidate.message === EVIDENCE_MESSAGES.escapes),
        'the error on the entry that leaves the folder',
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(document.getText(diagnostic.range), '../outside.md');
      await api().services.evidence.settled();
      assert.deepEqual(
        evidenceRows(api(), 'rlhf').map((row) => row.label),
        ['evals/rlhf-report.md'],
      );
      const folderUri = workspaceFolder().uri.toString();
      assert.equal(api().services.evidence.found(folderUri, '../outside.md'), undefined, 'never checked');
      assert.deepEqual(await api().services.evidence.check(workspaceFolder(), ['../outside.md']), [{ pattern: '../outside.md', found: false }], 'refused even when asked directly');
    } finally {
      await removeFromDisk(outside);
    }
  });
});
