// Estimates in lifecycle.yaml hovers: which keys answer, and what the cards say.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { estimateKeyAt } from '../../src/model/planFile/estimateKeys';
import { parse } from '../../src/model/planFile/parse';
import { splitLines } from '../../src/model/planFile/planLines';
import { planEstimateMarkdown, stageEstimateMarkdown } from '../../src/model/presentation/estimateHover';
import { lines } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'support-assistant', 'lifecycle.yaml'), 'utf8');

const TEXT = lines(
  'version: 1',
  'model:',
  '  base: acme/base',
  '  parameters: 8B # eight billion',
  '  precision: bf16',
  'hardware:',
  '  gpu: A100-80GB',
  '  precision: fp32',
  'stages:',
  '  - id: fine-tuning',
  '    method: lora',
  '    trainable: 1%',
  '    tasks:',
  '      - title: precision: not a key',
  '  - precision: int8',
  '    id: deployment',
);

describe('estimate keys in lifecycle.yaml', () => {
  const at = (line: number, character: number): ReturnType<typeof estimateKeyAt> => estimateKeyAt(splitLines(TEXT), line, character);

  it('finds the model’s parameters and precision, over the key and the value but not the comment', () => {
    assert.deepEqual(at(3, 2), { scope: 'model', key: 'parameters', start: 2, end: 16 });
    assert.deepEqual(at(3, 15), { scope: 'model', key: 'parameters', start: 2, end: 16 });
    assert.equal(at(3, 20), undefined);
    assert.deepEqual(at(4, 10), { scope: 'model', key: 'precision', start: 2, end: 17 });
    assert.equal(at(2, 4), undefined, 'base is not an estimate key');
    assert.equal(at(7, 4), undefined, 'a precision under hardware: is not the model’s');
  });

  it('finds a stage’s method, trainable and precision (on the item’s line too), not a task’s text', () => {
    assert.deepEqual(at(10, 12), { scope: 'stage', key: 'method', stageId: 'fine-tuning', start: 4, end: 16 });
    assert.deepEqual(at(11, 4), { scope: 'stage', key: 'trainable', stageId: 'fine-tuning', start: 4, end: 17 });
    assert.equal(at(13, 16), undefined);
    assert.deepEqual(at(14, 6), { scope: 'stage', key: 'precision', stageId: 'deployment', start: 4, end: 19 });
  });
});

describe('estimate hovers', () => {
  const plan = parse(EXAMPLE).plan;
  assert.ok(plan);

  it('a stage: its parts with formulas, total, fit, advice and sources', () => {
    const markdown = stageEstimateMarkdown(plan, 'fine-tuning');
    assert.ok(markdown);
    assert.ok(markdown.startsWith('**Memory estimate: Prompt tuning and fine-tuning**  \nmeta\\-llama/Llama\\-3\\.1\\-8B\\-Instruct: 8B parameters, bf16, LoRA'), markdown);
    assert.ok(markdown.includes('| Frozen weights | 16 GB | 8B parameters × 2 bytes (bf16) |'), markdown);
    assert.ok(markdown.includes('| **Total** | **17.3 GB** | |'), markdown);
    assert.ok(markdown.includes('Fits on one GPU: 17.3 GB of 80 GB, on 1 × A100 80GB (80 GB).'), markdown);
    assert.ok(markdown.includes('- Dettmers') === false && markdown.includes('Sources:\n- Generative AI with Large Language Models'), markdown);
    const rlhf = stageEstimateMarkdown(plan, 'rlhf');
    assert.ok(rlhf?.includes('Full tuning of the policy does not fit; LoRA or QLoRA does.'), rlhf);
    assert.equal(stageEstimateMarkdown(plan, 'no-such-stage'), undefined);
  });

  it('the model: every stage at a glance, then every formula and every source', () => {
    const markdown = planEstimateMarkdown(plan);
    assert.ok(markdown.startsWith('**GPU memory estimates**  \nmeta\\-llama/Llama\\-3\\.1\\-8B\\-Instruct \\(8B parameters, bf16\\), on 1 × A100 80GB \\(80 GB\\)'), markdown);
    assert.ok(markdown.includes('| Prompt tuning and fine\\-tuning | LoRA | 17.3 GB | Fits on 1 GPU |'), markdown);
    assert.ok(markdown.includes('| Reinforcement learning / human feedback | full fine-tuning | 192 GB | Needs 3 GPUs of 80 GB |'), markdown);
    assert.ok(markdown.includes('| Evaluation harness |  | — | no estimate |'), markdown);
    assert.ok(markdown.includes('- **Weights**: parameters × bytes per parameter (fp32 4, fp16 2, bf16 2, int8 1, int4 0.5) (course)'), markdown);
    for (const source of ['ZeRO', 'QLoRA', 'Chinchilla', 'Kaplan et al.']) {
      assert.ok(markdown.includes(`- ${source}: `), source);
    }
  });

  it('the model without a size: says what to add', () => {
    const bare = parse(lines('version: 1', 'stages:', '  - id: fine-tuning')).plan;
    assert.ok(bare);
    assert.ok(planEstimateMarkdown(bare).startsWith('**GPU memory estimates**\n\nGive the model’s size under `model:` (e.g. `parameters: 8B`)'));
  });
});
