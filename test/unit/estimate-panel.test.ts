// The Estimate GPU Memory panel's data: the request applied to the plan (or to the five
// built-in stages without one), and the message its page may send.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../src/model/planFile/parse';
import { estimatePanelData, parseEstimatePageMessage, requestPlan } from '../../src/model/presentation/estimatePanel';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = parse(fs.readFileSync(path.join(ROOT, 'examples', 'support-assistant', 'lifecycle.yaml'), 'utf8')).plan;

describe('estimate panel', () => {
  it('with the example plan: its stages and hardware, the chosen size, precision and method', () => {
    assert.ok(EXAMPLE);
    const data = estimatePanelData({ parameters: 70e9, precision: 'bf16', method: 'qlora' }, EXAMPLE);
    assert.equal(data.title, '70B parameters, bf16, QLoRA');
    assert.equal(data.basis, 'The stages and hardware of support-assistant’s plan, with the model size, precision and method chosen here.');
    assert.equal(data.table.hardware, '1 × A100 80GB (80 GB)');
    assert.deepEqual(
      data.table.rows.map((row) => [row.stageId, row.method, row.precision, row.total, row.fitText]),
      [
        ['pre-training', undefined, 'bf16', '1.4 TB', 'Needs 18 GPUs of 80 GB'],
        ['prompt-engineering', undefined, 'bf16', '168 GB', 'Needs 3 GPUs of 80 GB'],
        ['fine-tuning', 'QLoRA', 'bf16', '46.2 GB', 'Fits on 1 GPU'],
        ['rlhf', 'QLoRA', 'bf16', '221 GB', 'Needs 3 GPUs of 80 GB'],
        ['deployment', undefined, 'int8', '84 GB', 'Needs 2 GPUs of 80 GB'],
        ['eval-harness', undefined, undefined, undefined, 'Not checked'],
      ],
    );
    assert.ok(data.formulas.some((entry) => entry.name === 'QLoRA' && entry.sources === 'QLoRA, course (PEFT), ZeRO'));
    assert.equal(data.sources.length, 9);
  });

  it('without a plan: the five built-in stages, checked against a GPU when one is given', () => {
    const plan = requestPlan({ parameters: 8e9, precision: 'bf16', method: 'lora', gpu: 'L4' }, undefined);
    assert.deepEqual(plan.stages.map((stage) => [stage.id, stage.method]), [
      ['pre-training', undefined],
      ['prompt-engineering', undefined],
      ['fine-tuning', 'lora'],
      ['rlhf', 'lora'],
      ['deployment', undefined],
    ]);
    const data = estimatePanelData({ parameters: 8e9, precision: 'bf16', method: 'lora', gpu: 'L4' }, undefined);
    assert.equal(data.basis, 'No plan: the five built-in stages, checked against one L4.');
    assert.equal(data.table.rows.find((row) => row.stageId === 'fine-tuning')?.fitText, 'Fits on 1 GPU');
    const unchecked = estimatePanelData({ parameters: 8e9, precision: 'bf16', method: 'lora' }, undefined);
    assert.equal(unchecked.basis, 'No plan: the five built-in stages, with no hardware to check the fit against.');
    assert.ok(unchecked.table.rows.every((row) => row.fitText === 'Not checked'));
  });

  it('the page may only say it is ready', () => {
    assert.deepEqual(parseEstimatePageMessage({ type: 'ready' }), { type: 'ready' });
    for (const refused of [{ type: 'ready', extra: 1 }, { type: 'setStatus' }, 'ready', null, []]) {
      assert.equal(parseEstimatePageMessage(refused), undefined, JSON.stringify(refused));
    }
  });
});
