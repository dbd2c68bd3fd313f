// Marking a stage done with evidence missing asks once, in a quick pick: "Complete anyway" goes
// on, Escape leaves the plan as it was. With all evidence found nothing is asked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localToday } from '../../../src/model';
import { waitFor } from '../helpers';
import { diskText } from '../files';
import { replaceOnce, runAcceptingQuickPicks, runDismissingQuickInput } from '../views-helpers';
import { evidenceSuite, planUri, target, writeEvidence } from './evidenceHelpers';

describe('evidence: Complete Stage asks when evidence is missing', () => {
  const suite = evidenceSuite();
  /** The plan with fine-tuning written done today. */
  const completed = (): string =>
    replaceOnce(replaceOnce(suite.original, '    status: in-progress\n', '    status: done\n'), '    started: 2026-11-20\n', `    started: 2026-11-20\n    completed: ${localToday()}\n`);

  it('Escape at the question leaves the stage in progress', async () => {
    assert.equal(await runDismissingQuickInput<boolean>('genaiLifecycle.completeStage', target('fine-tuning')), false);
    assert.equal(await diskText(planUri()), suite.original);
  });

  it('"Complete anyway" marks the stage done', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.completeStage', target('fine-tuning')), true);
    await waitFor(async () => (await diskText(planUri())) === completed(), 'the stage to be written done');
  });

  it('from the palette: the stage, then the question, in one quick pick flow', async () => {
    assert.equal(await runAcceptingQuickPicks<boolean>('genaiLifecycle.completeStage'), true);
    await waitFor(async () => (await diskText(planUri())) === completed(), 'the stage to be written done');
  });

  it('Advance asks too before it completes the stage in progress', async () => {
    assert.equal(await runDismissingQuickInput<boolean>('genaiLifecycle.advance'), false);
    assert.equal(await diskText(planUri()), suite.original);
  });

  it('asks nothing when every entry is found', async () => {
    await writeEvidence('evals/finetune-report.md');
    await writeEvidence('adapters/lora-v1/adapter_model.safetensors');
    // Were a question asked, nothing would answer it: Escape after a while makes the test fail instead of hang.
    const running = vscode.commands.executeCommand<boolean>('genaiLifecycle.completeStage', target('fine-tuning'));
    const guard = setTimeout(() => void vscode.commands.executeCommand('workbench.action.closeQuickOpen'), 30_000);
    try {
      assert.equal(await running, true);
    } finally {
      clearTimeout(guard);
    }
    await waitFor(async () => (await diskText(planUri())) === completed(), 'the stage to be written done');
  });
});
