import * as assert from 'node:assert/strict';
import { estimateStage, methodFits, type EstimateInput } from '../../src/model/domain/estimates';
import type { Plan } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { estimateMarkdown, estimateTable, fitSentence, methodAdvice } from '../../src/model/presentation/estimateText';
import { lines } from './helpers';

const QLORA_65B: EstimateInput = { model: { parameters: 65e9, precision: 'bf16' }, stageId: 'fine-tuning', stage: { method: 'qlora' }, hardware: { memoryBytes: 48e9 } };

function markdownOf(input: EstimateInput, modelName?: string): string {
  return estimateMarkdown(estimateStage(input), { ...(modelName === undefined ? {} : { modelName }), methods: methodFits(input) ?? [] });
}

describe('estimate text', () => {
  describe('estimateMarkdown', () => {
    it('shows each part with its formula, the total, the fit, the advice, what was assumed and the sources', () => {
      const text = markdownOf(QLORA_65B);
      assert.match(text, /^\*\*Memory estimate: Prompt tuning and fine-tuning\*\* {2}\n65B parameters, bf16, QLoRA/);
      assert.ok(text.includes('| Frozen weights (int4, QLoRA) | 32.5 GB | 65B parameters × 0.5 bytes (int4) |'));
      assert.ok(text.includes('| Adapters: weights, gradients and Adam states | 10.4 GB | 1% × 65B parameters × 16 bytes (trained in 16-bit with Adam) |'));
      assert.ok(text.includes('| **Total** | **42.9 GB** | |'));
      assert.ok(text.includes('Fits on one GPU: 42.9 GB of 48 GB, on 1 × GPU (48 GB).'));
      assert.ok(text.includes('Full fine-tuning does not fit, nor does LoRA; QLoRA does.'));
      assert.match(text, /Assumed:\n- Activations are not counted/);
      assert.match(text, /Sources:\n(- .+\n)*- Dettmers et al\. \(2023\), QLoRA/);
    });

    it('shows compute for pre-training and the saving of a lower deployment precision', () => {
      const pretraining = markdownOf({ model: { parameters: 70e9, precision: 'bf16' }, stageId: 'pre-training' });
      assert.match(pretraining, /1\.4T tokens[\s\S]*5\.88e23 FLOPs[\s\S]*petaflop\/s-days/);
      assert.match(pretraining, /Chinchilla/);
      const deployment = markdownOf({ model: { parameters: 7e9, precision: 'bf16' }, stageId: 'deployment', stage: { precision: 'int4' } });
      assert.ok(deployment.includes('int4 saves 10.5 GB of weights against 16-bit.'));
      const fp32 = markdownOf({ model: { parameters: 7e9, precision: 'fp32' }, stageId: 'deployment' });
      assert.ok(fp32.includes('fp32 takes 14 GB more for the weights than 16-bit.'));
    });

    it('escapes what the plan wrote: the model name, the GPU name and refusals', () => {
      const text = markdownOf({ ...QLORA_65B, hardware: { gpu: '[click](command:x) <b>', memoryBytes: 48e9 } }, 'org/*model*_[x](y)');
      assert.ok(text.includes('org/\\*model\\*\\_\\[x\\]\\(y\\)'));
      assert.ok(text.includes('\\[click\\]\\(command\\:x\\) \\<b\\>'));
      assert.ok(!/\[click\]\(/.test(text));
      const refused = estimateMarkdown(estimateStage({ model: { parameters: 7e9 }, stageId: '[x](command:y)' }));
      assert.ok(!refused.includes('[x](command:y)'));
      const unknown = markdownOf({ model: { parameters: 7e9 }, stageId: 'deployment', hardware: { gpu: '<img src=x>' } });
      assert.ok(unknown.includes('\\<img src=x\\>'));
    });
  });

  describe('fitSentence', () => {
    it('says whether it fits one GPU, only sharded, or not at all', () => {
      const at = (count: number) => {
        const result = estimateStage({ model: { parameters: 7e9, precision: 'bf16' }, stageId: 'fine-tuning', stage: { method: 'full' }, hardware: { gpu: 'H100', count } });
        assert.ok(result.ok);
        return fitSentence(result.value);
      };
      assert.equal(at(1), 'Does not fit: 140 GB on 1 × H100 (80 GB); it needs at least 2 GPUs of 80 GB.');
      assert.match(at(2), /^Fits only when sharded across the GPUs .*: 140 GB on 2 × H100 \(80 GB each, 160 GB in all\); it needs at least 2 GPUs of 80 GB\.$/);
      const none = estimateStage({ model: { parameters: 7e9 }, stageId: 'deployment' });
      assert.ok(none.ok);
      assert.match(fitSentence(none.value), /add hardware:/);
    });
  });

  describe('methodAdvice', () => {
    const fit = (full: boolean, lora: boolean, qlora: boolean) => [
      { method: 'full' as const, totalBytes: 3, fits: full },
      { method: 'lora' as const, totalBytes: 2, fits: lora },
      { method: 'qlora' as const, totalBytes: 1, fits: qlora },
    ];

    it('names the methods that fit where full tuning does not', () => {
      assert.equal(methodAdvice(fit(false, true, true), 'fine-tuning'), 'Full fine-tuning does not fit; LoRA or QLoRA does.');
      assert.equal(methodAdvice(fit(false, false, true), 'rlhf'), 'Full tuning of the policy does not fit, nor does LoRA; QLoRA does.');
      assert.equal(methodAdvice(fit(false, false, false), 'fine-tuning'), 'Neither full fine-tuning nor LoRA nor QLoRA fits: add GPUs, or choose a smaller model.');
    });

    it('has nothing to say when full tuning fits or nothing was compared', () => {
      assert.equal(methodAdvice(fit(true, true, true), 'fine-tuning'), undefined);
      assert.equal(methodAdvice(undefined, 'fine-tuning'), undefined);
    });
  });

  describe('estimateTable', () => {
    function plan(extra: Partial<Plan>): Plan {
      const parsed = parse(lines('version: 1', 'stages:', '  - id: pre-training', '  - id: fine-tuning', '  - {id: eval, title: Evaluation}', '  - id: deployment'));
      assert.ok(parsed.plan);
      return { ...parsed.plan, ...extra };
    }

    it('has a row per stage in file order, in plain text', () => {
      const table = estimateTable(plan({ model: { base: 'meta-llama/Llama-3.1-8B', parameters: 8e9 }, hardware: { gpu: 'L4', count: 2 } }));
      assert.equal(table.model, 'meta-llama/Llama-3.1-8B (8B parameters, bf16 assumed)');
      assert.equal(table.hardware, '2 × L4 (24 GB each, 48 GB in all)');
      assert.deepEqual(
        table.rows.map((row) => [row.stageId, row.total, row.fit, row.fitText]),
        [
          ['pre-training', '160 GB', 'does-not-fit', 'Needs 7 GPUs of 24 GB'],
          ['fine-tuning', '160 GB', 'does-not-fit', 'Needs 7 GPUs of 24 GB'],
          ['eval', undefined, 'not-checked', 'Not checked'],
          ['deployment', '19.2 GB', 'fits', 'Fits on 1 GPU'],
        ],
      );
      assert.equal(table.rows[0].compute, '7.68e21 FLOPs (88.9 petaflop/s-days)');
      assert.equal(table.rows[1].advice, 'Full fine-tuning does not fit; LoRA or QLoRA does.');
      assert.equal(table.rows[1].method, 'full fine-tuning');
      assert.match(table.rows[2].problem ?? '', /custom stage "eval"/);
    });

    it('says why when the model has no size or the hardware cannot be sized', () => {
      const table = estimateTable(plan({ model: { base: 'x' }, hardware: { gpu: 'A100' } }));
      assert.equal(table.model, undefined);
      assert.match(table.hardwareProblem ?? '', /A100 40GB or A100 80GB/);
      assert.ok(table.rows.every((row) => row.problem !== undefined && row.fit === 'not-checked'));
    });
  });
});
