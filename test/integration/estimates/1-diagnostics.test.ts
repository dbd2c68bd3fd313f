// "Will it fit?" in the Problems panel of a real host: RLHF without a method is assumed full
// tuning, too big for one A100 80GB; its quick fixes write method: lora or qlora minimally.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { quickFixesAt, waitFor } from '../helpers';
import { applyToText } from '../lang-plan/langHelpers';
import { planUri, pristinePlanPerTest, pristineText, setEstimateSetting } from './estimateHelpers';

const CODE = 'estimate-exceeds-hardware';

function estimateWarnings(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(planUri()).filter((diagnostic) => diagnostic.code === CODE);
}

describe('estimate diagnostics', () => {
  pristinePlanPerTest();

  it('warns on the rlhf stage id, saying by how much and which methods fit', async () => {
    const [warning] = await waitFor(() => (estimateWarnings().length > 0 ? estimateWarnings() : undefined), 'the estimate warning');
    assert.equal(estimateWarnings().length, 1, 'only rlhf: the others fit, pre-training is skipped');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'GenAI Lifecycle');
    assert.deepEqual([warning.range.start.line, warning.range.start.character, warning.range.end.line, warning.range.end.character], [19, 8, 19, 12]);
    assert.equal(
      warning.message,
      'GPU memory estimate for Reinforcement learning / human feedback: 192 GB (8B parameters, bf16, full fine-tuning, assumed as the stage gives no method:) does not fit on 1 × A100 80GB (80 GB); it needs at least 3 GPUs of 80 GB. Full tuning of the policy does not fit; LoRA or QLoRA does.',
    );
  });

  it('offers Use LoRA (preferred) and Use QLoRA; applying one inserts method: and clears the warning', async () => {
    const document = await vscode.workspace.openTextDocument(planUri());
    const warning = await waitFor(() => estimateWarnings()[0], 'the estimate warning');
    const ours = (await quickFixesAt(planUri(), warning.range, 'the estimate warning')).filter((action) => action.title.startsWith('Use '));
    assert.deepEqual(
      ours.map((action) => [action.title, action.isPreferred === true]),
      [
        ['Use LoRA (fits: 49.3 GB of 80 GB)', true],
        ['Use QLoRA (fits: 25.3 GB of 80 GB)', false],
      ],
    );
    const lora = ours[0].edit;
    assert.ok(lora);
    const original = await pristineText();
    const expected = original.replace('  - id: rlhf\n    status: not-started\n', '  - id: rlhf\n    status: not-started\n    method: lora\n');
    assert.equal(applyToText(document, lora), expected);
    assert.equal(lora.get(planUri()).length, 1, 'one minimal edit');
    assert.ok(await vscode.workspace.applyEdit(lora));
    assert.equal(document.getText(), expected);
    await waitFor(() => estimateWarnings().length === 0, 'the warning to clear once RLHF uses LoRA');
  });

  it('follows the settings: a LoRA that trains every weight no longer fits, an unusable value is ignored', async () => {
    try {
      await setEstimateSetting('loraTrainableShare', 1);
      await waitFor(() => estimateWarnings().some((warning) => warning.range.start.line === 16), 'a warning on fine-tuning when LoRA trains everything');
      await setEstimateSetting('loraTrainableShare', 7);
      await waitFor(() => !estimateWarnings().some((warning) => warning.range.start.line === 16), 'the default share back for a share above 1');
    } finally {
      await setEstimateSetting('loraTrainableShare', undefined);
    }
    await waitFor(() => estimateWarnings().length === 1, 'only the rlhf warning again');
  });
});
