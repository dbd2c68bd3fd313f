import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';
import { diskText } from '../files';
import { planDocumentPerTest, planUri, rangeOf, replaceAll } from './langHelpers';

/** A diagnostic as compared here: code, severity, range, message and source. */
function summary(diagnostic: vscode.Diagnostic): [string, string, number[], string, string | undefined] {
  return [String(diagnostic.code), vscode.DiagnosticSeverity[diagnostic.severity], rangeOf(diagnostic.range), diagnostic.message, diagnostic.source];
}

const FIXTURE_DIAGNOSTICS = [
  ['unknown-status', 'Error', [20, 12, 20, 22], 'Unknown status "in-progres": use one of not-started, in-progress, blocked, done, skipped.', 'GenAI Lifecycle'],
  ['duplicate-id', 'Error', [21, 8, 21, 12], 'Stage id "rlhf" is used more than once; only its first stage is shown.', 'GenAI Lifecycle'],
  [
    'unknown-stage',
    'Error',
    [23, 8, 23, 18],
    '"deploymnet" is not a built-in stage. Use a built-in id (pre-training, prompt-engineering, fine-tuning, rlhf, deployment) or add a `title:` to define a custom stage.',
    'GenAI Lifecycle',
  ],
  [
    'unknown-key',
    'Warning',
    [25, 4, 25, 8],
    'Unknown key "ownr" in a stage; expected one of id, title, status, note, owner, started, completed, blocked, plan, tasks, effort, evidence, method, precision, trainable, reward-model.',
    'GenAI Lifecycle',
  ],
];

async function diagnosticsBecome(expected: unknown[], what: string): Promise<void> {
  await waitFor(() => {
    const actual = vscode.languages.getDiagnostics(planUri()).map(summary);
    return JSON.stringify(actual) === JSON.stringify(expected);
  }, what).catch((error: unknown) => {
    assert.deepEqual(vscode.languages.getDiagnostics(planUri()).map(summary), expected, String(error));
  });
}

describe('diagnostics on lifecycle.yaml', () => {
  planDocumentPerTest();

  it('shows the model\'s problems with exact ranges, severities, codes and source', async () => {
    await diagnosticsBecome(FIXTURE_DIAGNOSTICS, 'the fixture\'s diagnostics');
  });

  it('removes the file\'s diagnostics when the file is deleted, and shows them again when it returns', async () => {
    const original = await diskText(planUri());
    await vscode.workspace.fs.delete(planUri());
    try {
      await diagnosticsBecome([], 'no diagnostics for a deleted file');
    } finally {
      await vscode.workspace.fs.writeFile(planUri(), new TextEncoder().encode(original));
    }
    await diagnosticsBecome(FIXTURE_DIAGNOSTICS, 'the diagnostics of the restored file');
  });

  it('follows the text as the user types, and clears when the file is fixed', async () => {
    const document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const typo = new vscode.WorkspaceEdit();
    typo.replace(document.uri, new vscode.Range(20, 12, 20, 22), 'in-progress');
    assert.ok(await vscode.workspace.applyEdit(typo));
    await diagnosticsBecome(FIXTURE_DIAGNOSTICS.slice(1), 'the status problem to go');

    // Everything fixed: the Problems panel has nothing for the file.
    const fixed = document.getText().replace('  - id: rlhf\n    status: not-started\n', '').replace('deploymnet', 'deployment').replace('    ownr: lee\n', '');
    await replaceAll(document, fixed);
    await diagnosticsBecome([], 'no diagnostics');

    // Closing the editor without saving drops the edits: the problems on disk are back.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsBecome(FIXTURE_DIAGNOSTICS, 'the file on disk\'s diagnostics');
    assert.equal(await diskText(planUri()), original);
  });

  it('clears unsaved problems when their editor is closed', async () => {
    const document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document);
    const broken = new vscode.WorkspaceEdit();
    broken.replace(document.uri, new vscode.Range(8, 12, 8, 16), 'finished-ish');
    assert.ok(await vscode.workspace.applyEdit(broken));
    await diagnosticsBecome(
      [['unknown-status', 'Error', [8, 12, 8, 24], 'Unknown status "finished-ish": use one of not-started, in-progress, blocked, done, skipped.', 'GenAI Lifecycle'], ...FIXTURE_DIAGNOSTICS],
      'the unsaved problem',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsBecome(FIXTURE_DIAGNOSTICS, 'only the problems on disk');
  });

});
