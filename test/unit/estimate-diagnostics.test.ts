// "Will it fit?" as a warning: which stages get one, what it says, and the quick fixes that
// set method: to a parameter-efficient one that fits, as minimal edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateSettings } from '../../src/model/domain/estimateSettings';
import { quickFixes } from '../../src/model/planFile/fixes';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { ESTIMATE_DIAGNOSTIC_CODE, estimateDiagnostics } from '../../src/model/presentation/estimateDiagnostics';
import { lines } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'support-assistant', 'lifecycle.yaml'), 'utf8');

function planOfText(text: string): NonNullable<ReturnType<typeof parse>['plan']> {
  const result = parse(text);
  assert.ok(result.plan);
  return result.plan;
}

const HEADER = ['version: 1', 'model:', '  parameters: 8B', '  precision: bf16', 'hardware:', '  gpu: A100-80GB', 'stages:'];

describe('estimate diagnostics', () => {
  it('the example project: RLHF without a method is assumed full tuning, which does not fit one A100 80GB', () => {
    const plan = planOfText(EXAMPLE);
    const diagnostics = estimateDiagnostics(plan);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [warning] = diagnostics;
    const rlhf = plan.stages.find((stage) => stage.id === 'rlhf');
    assert.ok(rlhf);
    assert.equal(warning.code, ESTIMATE_DIAGNOSTIC_CODE);
    assert.equal(warning.severity, 'warning');
    assert.deepEqual(warning.range, rlhf.idRange);
    assert.equal(
      warning.message,
      'GPU memory estimate for Reinforcement learning / human feedback: 192 GB (8B parameters, bf16, full fine-tuning, assumed as the stage gives no method:) does not fit on 1 × A100 80GB (80 GB); it needs at least 3 GPUs of 80 GB. Full tuning of the policy does not fit; LoRA or QLoRA does.',
    );
    assert.deepEqual(warning.data, { stageId: 'rlhf', hardware: '80 GB', lora: '49.3 GB', qlora: '25.3 GB' });
  });

  it('quick fixes write method: lora or qlora into that stage alone, after which it fits', () => {
    const plan = planOfText(EXAMPLE);
    const [warning] = estimateDiagnostics(plan);
    const fixes = quickFixes(EXAMPLE, warning, { stageIds: plan.stages.map((stage) => stage.id) });
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.preferred]),
      [
        ['Use LoRA (fits: 49.3 GB of 80 GB)', true],
        ['Use QLoRA (fits: 25.3 GB of 80 GB)', false],
      ],
    );
    const withLora = applyEdits(EXAMPLE, fixes[0].edits);
    assert.equal(withLora, EXAMPLE.replace('  - id: rlhf\n    status: not-started\n', '  - id: rlhf\n    status: not-started\n    method: lora\n'));
    assert.deepEqual(estimateDiagnostics(planOfText(withLora)), []);
    assert.equal(planOfText(applyEdits(EXAMPLE, fixes[1].edits)).stages.find((stage) => stage.id === 'rlhf')?.method, 'qlora');
  });

  it('replaces a method that does not fit, and offers only what fits and differs from it', () => {
    const text = lines(...HEADER.map((line) => line.replace('A100-80GB', 'T4')), '  - id: fine-tuning', '    method: lora # too big?', '');
    const plan = planOfText(text);
    const [warning] = estimateDiagnostics(plan);
    assert.ok(warning);
    assert.ok(warning.message.includes('17.3 GB (8B parameters, bf16, LoRA) does not fit on 1 × T4 (16 GB)'), warning.message);
    assert.ok(warning.message.endsWith('Full fine-tuning does not fit, nor does LoRA; QLoRA does.'), warning.message);
    const fixes = quickFixes(text, warning, { stageIds: ['fine-tuning'] });
    assert.deepEqual(fixes.map((fix) => fix.title), ['Use QLoRA (fits: 5.28 GB of 16 GB)']);
    assert.equal(applyEdits(text, fixes[0].edits), text.replace('method: lora #', 'method: qlora #'));
  });

  it('leaves out stages that fit, are done or skipped, have no hardware to check, or repeat an id', () => {
    const stages = ['  - id: pre-training', '    status: skipped', '  - id: fine-tuning', '    status: done', '  - id: deployment', '  - id: rlhf', '    method: lora', '  - id: rlhf'];
    const plan = planOfText(lines(...HEADER, ...stages, ''));
    const diagnostics = estimateDiagnostics(plan);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.data?.stageId),
      [],
      'pre-training skipped, fine-tuning done, deployment and the first rlhf fit; the second rlhf repeats an id',
    );
    const noHardware = planOfText(lines('version: 1', 'model:', '  parameters: 70B', 'stages:', '  - id: fine-tuning', ''));
    assert.deepEqual(estimateDiagnostics(noHardware), []);
    const noModel = planOfText(lines('version: 1', 'hardware:', '  gpu: T4', 'stages:', '  - id: fine-tuning', ''));
    assert.deepEqual(estimateDiagnostics(noModel), []);
  });

  it('a pre-training or deployment stage too big gets the warning without a method fix', () => {
    const text = lines(...HEADER, '  - id: pre-training', '');
    const [warning] = estimateDiagnostics(planOfText(text));
    assert.ok(warning);
    assert.equal(warning.message, 'GPU memory estimate for Pre-training: 160 GB (8B parameters, bf16) does not fit on 1 × A100 80GB (80 GB); it needs at least 2 GPUs of 80 GB.');
    assert.deepEqual(quickFixes(text, warning, { stageIds: ['pre-training'] }), []);
  });

  it('follows the settings: more bytes per trainable parameter can tip LoRA over', () => {
    const text = lines(...HEADER, '  - id: fine-tuning', '    method: lora', '');
    assert.deepEqual(estimateDiagnostics(planOfText(text)), []);
    const { settings } = estimateSettings({ loraTrainableShare: 1 });
    assert.equal(estimateDiagnostics(planOfText(text), settings).length, 1);
  });
});
