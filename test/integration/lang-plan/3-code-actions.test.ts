import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { quickFixesAt, waitFor } from '../helpers';
import { applyToText, planDocumentPerTest, restore } from './langHelpers';

/** Our quick fixes for the diagnostic with `code`, as (title, preferred, resulting text); `allowNone` for a problem without fixes. */
async function fixesFor(document: vscode.TextDocument, code: string, allowNone = false): Promise<{ title: string; preferred: boolean; result: string; action: vscode.CodeAction }[]> {
  const diagnostic = await waitFor(
    () => vscode.languages.getDiagnostics(document.uri).find((candidate) => candidate.code === code),
    `a ${code} diagnostic`,
  );
  // The command's results do not carry `diagnostics`; at a diagnostic's range only its fixes come back.
  return (await quickFixesAt(document.uri, diagnostic.range, code, { allowNone })).map((action) => {
    assert.ok(action.edit, `${action.title} has an edit`);
    return { title: action.title, preferred: action.isPreferred === true, result: applyToText(document, action.edit), action };
  });
}

function withLines(text: string, from: number, count: number, ...lines: string[]): string {
  const all = text.split('\n');
  all.splice(from, count, ...lines);
  return all.join('\n');
}

describe('quick fixes on lifecycle.yaml', () => {
  const plan = planDocumentPerTest();

  it('unknown status: the closest valid status, preferred', async () => {
    const fixes = await fixesFor(plan.document, 'unknown-status');
    assert.deepEqual(
      fixes.map(({ title, preferred, result }) => ({ title, preferred, result })),
      [{ title: 'Change status to in-progress', preferred: true, result: withLines(plan.original, 20, 1, '    status: in-progress') }],
    );
  });

  it('unknown stage: the closest built-in id (preferred), or a title that makes it a custom stage', async () => {
    const fixes = await fixesFor(plan.document, 'unknown-stage');
    assert.deepEqual(
      fixes.map(({ title, preferred, result }) => ({ title, preferred, result })),
      [
        { title: 'Change id to deployment', preferred: true, result: withLines(plan.original, 23, 1, '  - id: deployment') },
        { title: 'Add title "Deploymnet" to make deploymnet a custom stage', preferred: false, result: withLines(plan.original, 24, 0, '    title: Deploymnet') },
      ],
    );
  });

  it('duplicate id: remove the duplicate stage, or rename it', async () => {
    const fixes = await fixesFor(plan.document, 'duplicate-id');
    assert.deepEqual(
      fixes.map(({ title, preferred, result }) => ({ title, preferred, result })),
      [
        { title: 'Remove this duplicate rlhf stage', preferred: false, result: withLines(plan.original, 21, 2) },
        {
          title: 'Rename this stage to rlhf-2',
          preferred: false,
          result: withLines(plan.original, 21, 1, '  - id: rlhf-2', '    title: Reinforcement learning / human feedback (2)'),
        },
      ],
    );
  });

  it('applying a fix edits the plan.document and its problem goes away', async () => {
    const [fix] = await fixesFor(plan.document, 'unknown-status');
    assert.ok(fix.action.edit && (await vscode.workspace.applyEdit(fix.action.edit)));
    assert.equal(plan.document.getText(), fix.result);
    await waitFor(() => !vscode.languages.getDiagnostics(plan.document.uri).some((diagnostic) => diagnostic.code === 'unknown-status'), 'the status problem to go');
    await restore(plan.document, plan.original);
    await waitFor(() => vscode.languages.getDiagnostics(plan.document.uri).some((diagnostic) => diagnostic.code === 'unknown-status'), 'the fixture again');
  });

  it('offers nothing for problems it cannot fix surely', async () => {
    // A fix for the status problem shows the workbench has the file's diagnostics, the key's too.
    assert.ok((await fixesFor(plan.document, 'unknown-status')).length > 0);
    assert.deepEqual(await fixesFor(plan.document, 'unknown-key', true), []);
  });
});
