// The chart's GPU memory row: figures, shares of the plan's GPUs, fit, and what is missing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateSettings } from '../../src/model/domain/estimateSettings';
import { parse } from '../../src/model/planFile/parse';
import { buildChart } from '../../src/model/presentation/chart';
import { chartMemory, memoryMissingHardware, memoryMissingModel } from '../../src/model/presentation/chartMemory';
import { lines } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'support-assistant', 'lifecycle.yaml'), 'utf8');

function planOf(text: string): NonNullable<ReturnType<typeof parse>['plan']> {
  const plan = parse(text).plan;
  assert.ok(plan);
  return plan;
}

describe('chart memory row', () => {
  it('the example project: each stage against one A100 80GB, RLHF (full, assumed) not fitting', () => {
    const memory = chartMemory(planOf(EXAMPLE));
    assert.equal(memory.hardware, '1 × A100 80GB (80 GB)');
    assert.equal(memory.hardwareTotal, '80 GB');
    assert.equal(memory.hardwareBytes, 80e9);
    assert.deepEqual(
      memory.cells.map((cell) => [cell.stageId, cell.label, cell.fraction === undefined ? undefined : Number(cell.fraction.toFixed(3)), cell.fits, cell.method, cell.precision, cell.fitText]),
      [
        ['pre-training', '160 GB', 2, false, undefined, 'bf16', 'Needs 2 GPUs of 80 GB'],
        ['prompt-engineering', '19.2 GB', 0.24, true, undefined, 'bf16', 'Fits on 1 GPU'],
        ['fine-tuning', '17.3 GB', 0.216, true, 'LoRA', 'bf16', 'Fits on 1 GPU'],
        ['rlhf', '192 GB', 2.4, false, 'full fine-tuning', 'bf16', 'Needs 3 GPUs of 80 GB'],
        ['deployment', '9.6 GB', 0.12, true, undefined, 'int8', 'Fits on 1 GPU'],
        ['eval-harness', undefined, undefined, undefined, undefined, undefined, 'Not checked'],
      ],
    );
    assert.equal(memory.cells[5].problem, 'No estimate for a custom stage');
  });

  it('without hardware the figures stay and the fit is not checked; without a model size the row says what to add', () => {
    const noHardware = chartMemory(planOf(lines('version: 1', 'model:', '  parameters: 7B', 'stages:', '  - id: deployment')));
    assert.equal(noHardware.hardwareProblem, memoryMissingHardware());
    assert.deepEqual(noHardware.cells.map((cell) => [cell.label, cell.fraction, cell.fits, cell.fitText]), [['16.8 GB', undefined, undefined, 'Not checked']]);
    const unknownGpu = chartMemory(planOf(lines('version: 1', 'model:', '  parameters: 7B', 'hardware:', '  gpu: A100', 'stages:', '  - id: deployment')));
    assert.ok(unknownGpu.hardwareProblem?.startsWith('"A100" comes in more than one size'), unknownGpu.hardwareProblem);
    assert.deepEqual(chartMemory(planOf(lines('version: 1', 'stages:', '  - id: deployment'))), { missing: memoryMissingModel(), cells: [] });
  });

  it('buildChart carries the row with a plan only, estimated with the settings given', () => {
    assert.equal(buildChart().memory, undefined);
    const plan = planOf(EXAMPLE);
    assert.deepEqual(buildChart({ plan }).memory, chartMemory(plan));
    const { settings } = estimateSettings({ inferenceAllowanceShare: 0 });
    assert.equal(buildChart({ plan, estimateSettings: settings }).memory?.cells.find((cell) => cell.stageId === 'deployment')?.label, '8 GB');
  });
});
