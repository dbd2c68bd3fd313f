import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_ESTIMATE_SETTINGS, estimateSettings, type EstimateSettings } from '../../src/model/domain/estimateSettings';
import { estimatePlan, estimateStage, methodFits, type EstimateInput, type StageEstimate } from '../../src/model/domain/estimates';
import { PRECISIONS, TUNING_METHODS, type Plan, type Precision, type TuningMethod } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { lines } from './helpers';

const B = 1e9;
const GB = 1e9;

function estimate(input: EstimateInput, settings?: EstimateSettings): StageEstimate {
  const result = estimateStage(input, settings);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value;
}

function partBytes(value: StageEstimate, label: RegExp): number {
  const found = value.parts.filter((part) => label.test(part.label));
  assert.equal(found.length, 1, `one part matching ${String(label)} in ${value.parts.map((part) => part.label).join(', ')}`);
  return found[0].bytes;
}

function tuning(parameters: number, method: TuningMethod, precision: Precision = 'bf16', stageId = 'fine-tuning', memoryBytes?: number): StageEstimate {
  return estimate({ model: { parameters, precision }, stageId, stage: { method }, ...(memoryBytes === undefined ? {} : { hardware: { memoryBytes } }) });
}

describe('estimates', () => {
  describe('the published figures', () => {
    it('1B parameters: 4 GB of fp32 weights, 24 GB to train at fp32 (the course)', () => {
      const model = { parameters: 1 * B, precision: 'fp32' as const };
      assert.equal(partBytes(estimate({ model, stageId: 'prompt-engineering' }), /^Weights$/), 4 * GB);
      const training = estimate({ model, stageId: 'pre-training' });
      assert.equal(training.totalBytes, 24 * GB);
      assert.deepEqual(
        training.parts.map((part) => part.bytes),
        [4 * GB, 20 * GB],
      );
    });

    it('7B parameters: 28 GB at fp32, 14 GB at fp16, 7 GB at int8, 3.5 GB at int4', () => {
      const expected: readonly (readonly [Precision, number, number])[] = [
        ['fp32', 28 * GB, -14 * GB],
        ['fp16', 14 * GB, 0],
        ['bf16', 14 * GB, 0],
        ['int8', 7 * GB, 7 * GB],
        ['int4', 3.5 * GB, 10.5 * GB],
      ];
      for (const [precision, weights, saving] of expected) {
        const deployment = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'deployment', stage: { precision } });
        assert.equal(partBytes(deployment, /^Weights$/), weights, precision);
        assert.equal(deployment.savingVersus16Bit, saving, precision);
        // With the default 20% allowance for the KV cache and activations on top.
        assert.equal(deployment.totalBytes, weights * 1.2, precision);
      }
    });

    it('QLoRA fine-tunes a 65B model on one 48 GB GPU (the QLoRA paper): fits with the default settings', () => {
      const qlora = tuning(65 * B, 'qlora', 'bf16', 'fine-tuning', 48 * GB);
      assert.equal(partBytes(qlora, /Frozen weights/), 32.5 * GB);
      assert.equal(partBytes(qlora, /Adapters/), 10.4 * GB);
      assert.equal(qlora.totalBytes, 42.9 * GB);
      assert.ok(qlora.fit?.fits && qlora.fit.fitsOnOneGpu);
      assert.ok(qlora.sources.includes('qlora'));
    });

    it('Chinchilla: 70B parameters, about 1.4T tokens and 5.9e23 FLOPs', () => {
      const compute = estimate({ model: { parameters: 70 * B }, stageId: 'pre-training' }).compute;
      assert.ok(compute);
      assert.equal(compute.tokens, 1.4e12);
      assert.ok(Math.abs(compute.flops - 5.9e23) / 5.9e23 < 0.01, String(compute.flops));
      assert.ok(Math.abs(compute.petaflopDays - 5.88e23 / 8.64e19) < 1e-6);
      assert.match(compute.formulas.join('\n'), /1\.4T tokens[\s\S]*5\.88e23 FLOPs[\s\S]*6,810 petaflop\/s-days/);
    });
  });

  describe('training', () => {
    it('16-bit full training is 16 bytes (ZeRO) plus activations of 2 x the weights: 20 bytes a parameter', () => {
      const training = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'pre-training' });
      assert.equal(partBytes(training, /Adam states \(mixed precision\)$/), 112 * GB);
      assert.equal(partBytes(training, /^Activations$/), 28 * GB);
      assert.equal(training.totalBytes, 140 * GB);
      assert.deepEqual(training.sources, ['course', 'zero', 'chinchilla', 'kaplan']);
      const withMethod = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'pre-training', stage: { method: 'lora' } });
      assert.equal(withMethod.totalBytes, 140 * GB);
      assert.match(withMethod.notes.join(' '), /method: does not apply to pre-training/);
    });

    it('full training in int8 or int4 is estimated as bf16, and says so', () => {
      const training = tuning(7 * B, 'full', 'int4');
      assert.equal(training.totalBytes, 140 * GB);
      assert.match(training.notes.join(' '), /int4 is not a standard recipe/);
    });

    it('settings override the defaults', () => {
      const model = { parameters: 1 * B, precision: 'fp32' as const };
      const { settings, problems } = estimateSettings({ fp32TrainingExtraBytes: 16 });
      assert.deepEqual(problems, []);
      assert.equal(estimate({ model, stageId: 'pre-training' }, settings).totalBytes, 20 * GB);
      const halfActivations = estimateSettings({ activationWeightMultiple: 1, bytesPerParameter: { int4: 0.55 } }).settings;
      assert.equal(estimate({ model: { parameters: 1 * B, precision: 'bf16' }, stageId: 'pre-training' }, halfActivations).totalBytes, 18 * GB);
      assert.equal(estimate({ model: { parameters: 1 * B, precision: 'int4' }, stageId: 'deployment' }, halfActivations).parts[0].bytes, 0.55 * GB);
    });

    it('refuses unusable setting values and keeps the defaults for them', () => {
      const { settings, problems } = estimateSettings({ loraTrainableShare: 0, tokensPerParameter: -1, bytesPerParameter: { fp16: Number.NaN } });
      assert.deepEqual(settings, DEFAULT_ESTIMATE_SETTINGS);
      assert.equal(problems.length, 3);
      assert.match(problems.join('\n'), /bytesPerParameter.fp16 = NaN[\s\S]*loraTrainableShare = 0[\s\S]*tokensPerParameter = -1/);
    });
  });

  describe('fine-tuning methods', () => {
    it('LoRA: frozen weights at the precision plus 1% of the parameters at 16 bytes', () => {
      const lora = tuning(7 * B, 'lora');
      assert.equal(partBytes(lora, /Frozen weights/), 14 * GB);
      assert.equal(partBytes(lora, /Adapters/), 1.12 * GB);
      assert.match(lora.notes.join(' '), /assumed 1% of the parameters/);
      const custom = estimate({ model: { parameters: 7 * B }, stageId: 'fine-tuning', stage: { method: 'lora', precision: 'bf16', trainable: 0.005 } });
      assert.equal(partBytes(custom, /Adapters/), 0.56 * GB);
      assert.ok(!custom.sources.includes('allowance'));
    });

    it('prompt tuning: the frozen weights only', () => {
      assert.equal(tuning(7 * B, 'prompt-tuning').totalBytes, 14 * GB);
    });

    it('assumes full fine-tuning when no method is given, and says so', () => {
      const assumed = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'fine-tuning' });
      assert.equal(assumed.method, 'full');
      assert.equal(assumed.totalBytes, 140 * GB);
      assert.match(assumed.notes.join(' '), /No method given/);
    });
  });

  describe('RLHF', () => {
    it('holds the policy, a frozen reference copy and a reward model of the same size', () => {
      const rlhf = tuning(7 * B, 'lora', 'bf16', 'rlhf');
      assert.deepEqual(
        rlhf.parts.map((part) => [part.label, part.bytes]),
        [
          ['Policy: frozen weights', 14 * GB],
          ['Policy: adapters: weights, gradients and Adam states', 1.12 * GB],
          ['Reference copy (frozen, for the KL penalty)', 14 * GB],
          ['Reward model (inference)', 14 * GB],
        ],
      );
      assert.match(rlhf.notes.join(' '), /same size as the policy/);
      assert.ok(rlhf.sources.includes('course-rlhf'));
    });

    it('keeps a QLoRA policy\u2019s reference copy in 4-bit and sizes a smaller reward model', () => {
      const rlhf = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'rlhf', stage: { method: 'qlora' }, rewardModelParameters: 1 * B });
      assert.equal(partBytes(rlhf, /Reference copy/), 3.5 * GB);
      assert.equal(partBytes(rlhf, /Reward model/), 2 * GB);
    });
  });

  describe('fit', () => {
    it('fits when the total is at most count x memory, and says when one GPU is not enough', () => {
      const full = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'fine-tuning', stage: { method: 'full' }, hardware: { gpu: 'A100-80GB', count: 2 } });
      assert.ok(full.fit);
      assert.equal(full.fit.fits, true);
      assert.equal(full.fit.fitsOnOneGpu, false);
      assert.equal(full.fit.gpusNeeded, 2);
      assert.ok(full.sources.includes('vendor'));
      const single = estimate({ model: { parameters: 7 * B, precision: 'bf16' }, stageId: 'fine-tuning', stage: { method: 'full' }, hardware: { gpu: 'A100-80GB' } });
      assert.equal(single.fit?.fits, false);
    });

    it('still estimates when the hardware cannot be sized, and says why', () => {
      const value = estimate({ model: { parameters: 7 * B }, stageId: 'deployment', hardware: { gpu: 'A100' } });
      assert.equal(value.fit, undefined);
      assert.match(value.hardwareProblem ?? '', /A100 40GB or A100 80GB/);
      assert.match(value.notes.join(' '), /No precision given: assumed bf16/);
    });

    it('tells which methods would fit where full fine-tuning does not', () => {
      const input = (parameters: number, gpu: string, stageId = 'fine-tuning'): EstimateInput => ({ model: { parameters, precision: 'bf16' }, stageId, hardware: { gpu } });
      const summary = (fits: ReturnType<typeof methodFits>) => fits?.filter((entry) => entry.fits).map((entry) => entry.method);
      assert.deepEqual(summary(methodFits(input(7 * B, 'A10G'))), ['lora', 'qlora']);
      assert.deepEqual(summary(methodFits({ ...input(65 * B, 'x'), hardware: { memoryBytes: 48 * GB } })), ['qlora']);
      assert.deepEqual(summary(methodFits(input(1 * B, 'H100', 'rlhf'))), ['full', 'lora', 'qlora']);
      assert.equal(methodFits(input(7 * B, 'A10G', 'deployment')), undefined);
      assert.equal(methodFits({ model: { parameters: 7 * B }, stageId: 'fine-tuning' }), undefined);
    });
  });

  describe('refusals', () => {
    it('has no estimate for a custom stage or a model without a size', () => {
      const custom = estimateStage({ model: { parameters: 7 * B }, stageId: 'red-teaming' });
      assert.ok(!custom.ok && /custom stage "red-teaming"/.test(custom.message));
      const unsized = estimateStage({ model: { base: 'meta-llama/Llama-3.1-8B' }, stageId: 'fine-tuning' });
      assert.ok(!unsized.ok && /parameters: 8B/.test(unsized.message));
    });
  });

  describe('properties', () => {
    const parameterCounts = fc.integer({ min: 1, max: 2_000_000 }).map((millions) => millions * 1e6);
    const stages = fc.constantFrom('pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment');

    it('grows with the parameter count for every stage, precision and method', () => {
      fc.assert(
        fc.property(parameterCounts, parameterCounts, stages, fc.constantFrom(...PRECISIONS), fc.constantFrom(...TUNING_METHODS), (a, b, stageId, precision, method) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const at = (parameters: number) => estimate({ model: { parameters, precision }, stageId, stage: { method } }).totalBytes;
          assert.ok(at(small) <= at(large));
        }),
      );
    });

    it('orders the methods: QLoRA <= LoRA <= full', () => {
      fc.assert(
        fc.property(parameterCounts, fc.constantFrom('fine-tuning', 'rlhf'), fc.constantFrom(...PRECISIONS), fc.double({ min: 1e-4, max: 1, noNaN: true }), (parameters, stageId, precision, trainable) => {
          const at = (method: TuningMethod) => estimate({ model: { parameters, precision }, stageId, stage: { method, trainable } }).totalBytes;
          assert.ok(at('qlora') <= at('lora'));
          assert.ok(at('lora') <= at('full'));
        }),
      );
    });

    it('totals its parts', () => {
      fc.assert(
        fc.property(parameterCounts, stages, fc.constantFrom(...TUNING_METHODS), (parameters, stageId, method) => {
          const value = estimate({ model: { parameters }, stageId, stage: { method } });
          assert.equal(value.totalBytes, value.parts.reduce((sum, part) => sum + part.bytes, 0));
        }),
      );
    });
  });

  describe('estimatePlan', () => {
    it('estimates every stage of a plan in file order, custom stages refused', () => {
      const parsed = parse(lines('version: 1', 'stages:', '  - id: fine-tuning', '  - {id: eval, title: Evaluation}', '  - id: deployment'));
      assert.ok(parsed.plan);
      const plan: Plan = { ...parsed.plan, model: { parameters: 7 * B, precision: 'bf16' }, hardware: { gpu: 'L4' } };
      const rows = estimatePlan(plan);
      assert.deepEqual(
        rows.map((row) => [row.stage.id, row.estimate.ok]),
        [
          ['fine-tuning', true],
          ['eval', false],
          ['deployment', true],
        ],
      );
      assert.deepEqual(rows[0].methods?.map((entry) => entry.fits), [false, true, true]);
      assert.equal(rows[2].methods, undefined);
    });
  });
});
