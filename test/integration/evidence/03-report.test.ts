// Copy Status Report: the fixture plan's report for a given date, byte for byte, in an untitled
// Markdown editor and on the clipboard. The evidence column counts what is on disk now.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday } from '../../../src/model';
import { waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { evidenceSuite, planUri, writeEvidence } from './evidenceHelpers';

const REPORT = (fineTuningEvidence: string): string =>
  [
    '# Lifecycle status report',
    '',
    '| Project | Date | Progress |',
    '| --- | --- | --- |',
    '| evidence-demo | 2026-12-01 | 2 of 6 stages finished |',
    '',
    '## Stages',
    '',
    '| Stage | Status | Owner | Started | Completed | Tasks done | Evidence found |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    '| Pre-training | Skipped | — | — | — | — | — |',
    '| Prompt engineering | Done | sam | 2026-11-02 | 2026-11-12 | — | 1/1 |',
    `| Prompt tuning and fine-tuning | In progress | dana | 2026-11-20 | — | 1/2 | ${fineTuningEvidence} |`,
    '| Reinforcement learning / human feedback | Not started | priya | — | — | — | 0/1 |',
    '| Compression / optimization / deployment | Not started | — | — | — | — | — |',
    '| Evaluation harness | Blocked | — | — | — | — | — |',
    '',
    '## Advice',
    '',
    '| Stage | Advice | Suggested action |',
    '| --- | --- | --- |',
    '| Evaluation harness | Blocked for 21 days, more than the 14 allowed: unblock it, change the plan or skip the stage. | — |',
    '| Reinforcement learning / human feedback | No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training. | — |',
    '',
    '## Effort still ahead',
    '',
    '4 stages open · up to Medium-High expertise · longest: minutes to hours',
    '',
    '| Open stage | Expertise | Training duration |',
    '| --- | --- | --- |',
    '| Prompt tuning and fine-tuning | Medium | Minutes to hours |',
    '| Reinforcement learning / human feedback | Medium-High | Minutes to hours |',
    '| Compression / optimization / deployment | Medium | Minutes to hours |',
    '| Evaluation harness | not ranked | not ranked |',
    '',
  ].join('\n');

describe('evidence: Copy Status Report', () => {
  const suite = evidenceSuite();

  /** Reports are untitled and unsaved: reverted as they are closed, so closing asks nothing. */
  async function closeReports(): Promise<void> {
    for (let left = 10; left > 0 && vscode.window.activeTextEditor?.document.isUntitled; left--) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }

  beforeEach(closeReports);
  after(closeReports);

  /** Runs the command and returns the untitled Markdown document it opened (not an earlier one). */
  async function runReport(...args: unknown[]): Promise<vscode.TextDocument> {
    const earlier = new Set(vscode.workspace.textDocuments);
    assert.equal(await vscode.commands.executeCommand<boolean>('genaiLifecycle.copyStatusReport', ...args), true);
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled && !earlier.has(active.document) && active;
    }, 'the report editor');
    assert.equal(editor.document.languageId, 'markdown');
    return editor.document;
  }

  it('opens the report for the date in an untitled editor and copies it, exactly', async () => {
    const document = await runReport(workspaceFolder().uri, '2026-12-01');
    assert.equal(document.getText(), REPORT('1/3'));
    assert.equal(await vscode.env.clipboard.readText(), REPORT('1/3'));
    assert.equal(await diskText(planUri()), suite.original, 'the plan is only read');
  });

  it('counts the evidence on disk when it runs', async () => {
    await writeEvidence('evals/finetune-report.md');
    await writeEvidence('adapters/lora-v1/adapter_model.safetensors');
    assert.equal((await runReport(undefined, '2026-12-01')).getText(), REPORT('3/3'));
  });

  it('is for today without a date', async () => {
    const text = (await runReport()).getText();
    assert.ok(text.includes(`| evidence-demo | ${localToday()} | 2 of 6 stages finished |`), text);
  });
});
