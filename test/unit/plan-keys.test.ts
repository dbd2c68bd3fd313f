// The plan's `model:` and `hardware:` and the stage keys blocked, evidence, method, precision,
// trainable and reward-model: every good form is read, every bad value is a diagnostic with an
// exact range, and nothing a YAML file can hold makes the reader throw.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EVIDENCE_MESSAGES } from '../../src/model/domain/evidence';
import { resolveHardware } from '../../src/model/domain/gpus';
import { parseMemorySize, parseParameterCount, parseTrainableShare } from '../../src/model/domain/sizes';
import { PRECISIONS, TUNING_METHODS, type Plan, type PlanStage, type Range } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { STAGE_KEYS } from '../../src/model/planFile/planLines';
import type { ParseResult } from '../../src/model/planFile/types';
import { lines, range } from './helpers';

/** Parses, and fails if the reader threw (parse turns a throw into a "could not be read" diagnostic). */
function read(text: string): ParseResult {
  const result = parse(text);
  const thrown = result.diagnostics.find((diagnostic) => diagnostic.message.startsWith('The plan could not be read'));
  assert.equal(thrown, undefined, thrown?.message);
  return result;
}

type Summary = [string, string, Range, string];

function summaries(result: ParseResult): Summary[] {
  return result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.message]);
}

/** A plan whose root has these lines before an empty stages list. */
function rootPlan(...rootLines: string[]): string {
  return lines('version: 1', ...rootLines, 'stages: []');
}

/** A plan with one stage of this id and these body lines (indented 4 spaces); the body starts on line 3. */
function stagePlan(id: string, ...body: string[]): string {
  return lines('version: 1', 'stages:', `  - id: ${id}`, ...body);
}

function planOf(result: ParseResult): Plan {
  assert.ok(result.plan);
  return result.plan;
}

function firstStage(result: ParseResult): PlanStage {
  const stage = planOf(result).stages[0];
  assert.ok(stage);
  return stage;
}

function refusal(result: { ok: boolean; message?: string }): string {
  assert.equal(result.ok, false);
  return result.message ?? '';
}

describe('plan keys', () => {
  describe('model:', () => {
    it('reads base, parameters and precision', () => {
      const result = read(rootPlan('model:', '  base: meta-llama/Llama-3.1-8B', '  parameters: 8B', '  precision: bf16'));
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(planOf(result).model, { base: 'meta-llama/Llama-3.1-8B', parameters: 8e9, precision: 'bf16' });
    });

    it('reads parameter counts with K, M, B, T, as whole numbers and YAML numbers', () => {
      const cases: readonly (readonly [string, number])[] = [
        ['350K', 350e3],
        ['70M', 70e6],
        ['8B', 8e9],
        ['1.5T', 1.5e12],
        ['7000000000', 7e9],
        ['7e9', 7e9],
        ['"7e9"', 7e9],
        ["'8B'", 8e9],
      ];
      for (const [written, expected] of cases) {
        const result = read(rootPlan(`model: {parameters: ${written}}`));
        assert.deepEqual(result.diagnostics, [], written);
        assert.equal(planOf(result).model?.parameters, expected, written);
      }
    });

    it('reads every precision', () => {
      for (const precision of PRECISIONS) {
        assert.equal(planOf(read(rootPlan(`model: {precision: ${precision}}`))).model?.precision, precision);
      }
    });

    it('invalid-size: a parameter count it cannot read exactly is an error on the value, quoting what is accepted', () => {
      const result = read(rootPlan('model:', '  parameters: 8b', '  base: x'));
      assert.deepEqual(summaries(result), [
        [
          'invalid-size',
          'error',
          range(2, 14, 2, 16),
          '`parameters`: "8b" is not a parameter count (the suffix is upper case, right after the number): write a whole number (7000000000), scientific notation (7e9) or a number with an upper-case K, M, B or T (350K, 70M, 8B, 1.5T).',
        ],
      ]);
      assert.deepEqual(result.diagnostics[0].data, { key: 'parameters', value: '8b' });
      assert.deepEqual(planOf(result).model, { base: 'x' });
      for (const [written, input] of [
        ['8 billion', '8 billion'],
        ['8 B', '8 B'],
        ['0', 0],
        ['1.5', 1.5],
        ['-8B', '-8B'],
        ['true', 'true'],
        ['"7,000,000"', '7,000,000'],
        ['0x10', 16],
      ] as const) {
        const bad = read(rootPlan(`model: {parameters: ${written}}`));
        const expected = parseParameterCount(input);
        if (expected.ok) {
          // YAML itself reads 0x10 as the number 16: the count is that number, not a guess.
          assert.deepEqual(bad.diagnostics, [], written);
          continue;
        }
        assert.deepEqual(
          summaries(bad).map(([code, severity, , message]) => [code, severity, message]),
          [['invalid-size', 'error', `\`parameters\`: ${expected.message}`]],
          written,
        );
        assert.equal(planOf(bad).model, undefined, written);
      }
    });

    it('invalid-value: an unknown precision, with a hint when only the case is wrong', () => {
      assert.deepEqual(summaries(read(rootPlan('model: {precision: BF16}'))), [
        ['invalid-value', 'error', range(1, 19, 1, 23), 'Unknown precision "BF16" (write it in lower case: bf16): use one of fp32, fp16, bf16, int8, int4.'],
      ]);
      assert.deepEqual(summaries(read(rootPlan('model: {precision: 16}'))), [
        ['invalid-value', 'error', range(1, 19, 1, 21), 'Unknown precision "16": use one of fp32, fp16, bf16, int8, int4.'],
      ]);
    });

    it('wrong-type and unknown-key: a model that is not a mapping, and keys it does not have', () => {
      assert.deepEqual(summaries(read(rootPlan('model: 8B'))), [['wrong-type', 'error', range(1, 7, 1, 9), '`model` must be a mapping of base, parameters and precision.']]);
      assert.deepEqual(summaries(read(rootPlan('model:', '  - 8B'))), [['wrong-type', 'error', range(2, 2, 2, 6), '`model` must be a mapping of base, parameters and precision.']]);
      assert.deepEqual(summaries(read(rootPlan('model:', '  size: 8B', '  parameters: [8B]'))), [
        ['unknown-key', 'warning', range(2, 2, 2, 6), 'Unknown key "size" in `model`; expected one of base, parameters, precision.'],
        ['wrong-type', 'error', range(3, 14, 3, 18), '`parameters` must be a parameter count such as 8B.'],
      ]);
    });

    it('leaves the model out when it is empty or null, and reads a number as a base name with a warning', () => {
      for (const written of ['model:', 'model: ~', 'model: {}']) {
        const result = read(rootPlan(written));
        assert.deepEqual(result.diagnostics, [], written);
        assert.equal(planOf(result).model, undefined, written);
      }
      const result = read(rootPlan('model: {base: 2026}'));
      assert.deepEqual(summaries(result), [['wrong-type', 'warning', range(1, 14, 1, 18), '`base` should be text; it is read as "2026". Quote it to make that explicit.']]);
      assert.deepEqual(planOf(result).model, { base: '2026' });
    });
  });

  describe('hardware:', () => {
    it('reads gpu, memory and count', () => {
      const result = read(rootPlan('hardware:', '  gpu: A100-80GB', '  count: 2'));
      assert.deepEqual(result.diagnostics, []);
      assert.deepEqual(planOf(result).hardware, { gpu: 'A100-80GB', count: 2 });
      const custom = read(rootPlan('hardware: {gpu: MI300X, memory: 192GB}'));
      assert.deepEqual(custom.diagnostics, [], 'any name goes when memory is given');
      assert.deepEqual(planOf(custom).hardware, { gpu: 'MI300X', memoryBytes: 192e9 });
      assert.equal(planOf(read(rootPlan('hardware: {memory: 24 GiB}'))).hardware?.memoryBytes, 24 * 2 ** 30);
      assert.equal(planOf(read(rootPlan('hardware: {memory: "1.5TB"}'))).hardware?.memoryBytes, 1.5e12);
    });

    it('unknown-gpu: a warning on a GPU it cannot size without memory, saying which sizes an ambiguous one has', () => {
      assert.deepEqual(summaries(read(rootPlan('hardware:', '  gpu: A100'))), [['unknown-gpu', 'warning', range(2, 7, 2, 11), refusal(resolveHardware({ gpu: 'A100' }))]]);
      assert.match(summaries(read(rootPlan('hardware: {gpu: A100}')))[0][3], /more than one size \(A100 40GB or A100 80GB\)/);
      assert.deepEqual(summaries(read(rootPlan('hardware: {gpu: MI300X, count: 4}'))), [
        ['unknown-gpu', 'warning', range(1, 16, 1, 22), '"MI300X" is not a GPU we know the memory of: give memory: under hardware: (e.g. memory: 80GB), or use one of T4, L4, A10G, RTX 4090, A100 40GB, A100 80GB, H100, H200.'],
      ]);
      // Only a count: nothing to size; the warning sits on the `hardware` key.
      assert.deepEqual(summaries(read(rootPlan('hardware:', '  count: 2'))), [['unknown-gpu', 'warning', range(1, 0, 1, 8), refusal(resolveHardware({}))]]);
      // A wrong memory is reported where it is, not again as an unsized GPU.
      assert.deepEqual(
        summaries(read(rootPlan('hardware: {gpu: A100, memory: 80G}'))).map(([code]) => code),
        ['invalid-size'],
      );
    });

    it('invalid-size: memory without a unit, or with a unit that could mean two things', () => {
      assert.deepEqual(summaries(read(rootPlan('hardware:', '  memory: 80G'))), [
        ['invalid-size', 'error', range(2, 10, 2, 13), `\`memory\`: ${refusal(parseMemorySize('80G'))}`],
      ]);
      assert.match(summaries(read(rootPlan('hardware:', '  memory: 80G')))[0][3], /a bare M, G or T could be decimal or binary/);
      for (const [written, input] of [
        ['80', 80],
        ['80gb', '80gb'],
        ['80Gb', '80Gb'],
        ['0GB', '0GB'],
        ['eighty GB', 'eighty GB'],
      ] as const) {
        const result = read(rootPlan(`hardware: {gpu: H100, memory: ${written}}`));
        assert.deepEqual(
          summaries(result).map(([code, severity, , message]) => [code, severity, message]),
          [['invalid-size', 'error', `\`memory\`: ${refusal(parseMemorySize(input))}`]],
          written,
        );
        assert.deepEqual(planOf(result).hardware, { gpu: 'H100' }, written);
      }
    });

    it('invalid-value: a count that is not a whole number of at least 1', () => {
      assert.deepEqual(summaries(read(rootPlan('hardware:', '  gpu: H100', '  count: 0'))), [
        ['invalid-value', 'error', range(3, 9, 3, 10), '`count` is how many GPUs there are: a whole number of at least 1, such as 2; "0" is ignored.'],
      ]);
      for (const written of ['1.5', '-1', '"2"', 'two', 'true', '1e400']) {
        const result = read(rootPlan(`hardware: {gpu: H100, count: ${written}}`));
        assert.deepEqual(
          result.diagnostics.map((diagnostic) => diagnostic.code),
          ['invalid-value'],
          written,
        );
        assert.equal(planOf(result).hardware?.count, undefined, written);
      }
    });

    it('wrong-type and unknown-key', () => {
      assert.deepEqual(summaries(read(rootPlan('hardware: [A100-80GB]'))), [['wrong-type', 'error', range(1, 10, 1, 21), '`hardware` must be a mapping of gpu, memory and count.']]);
      assert.deepEqual(summaries(read(rootPlan('hardware: {gpu: H100, gpus: 2}'))), [
        ['unknown-key', 'warning', range(1, 22, 1, 26), 'Unknown key "gpus" in `hardware`; expected one of gpu, memory, count.'],
      ]);
    });
  });

  describe('stage keys', () => {
    it('blocked: a date like started and completed', () => {
      assert.equal(firstStage(read(stagePlan('rlhf', '    status: blocked', '    blocked: 2026-03-01'))).blocked, '2026-03-01');
      const result = read(stagePlan('rlhf', '    blocked: last week'));
      assert.deepEqual(summaries(result), [['invalid-date', 'warning', range(3, 13, 3, 22), '`blocked` should be a date written YYYY-MM-DD, such as 2026-01-31; "last week" is ignored.']]);
      assert.equal(firstStage(result).blocked, undefined);
    });

    describe('evidence:', () => {
      it('reads a list of paths and globs inside the workspace folder, normalized', () => {
        const result = read(stagePlan('prompt-engineering', '    evidence:', '      - evals/prompt-baseline.md', '      - ./docs//model-card.md', '      - "evals/**/*.json"', '      - docs/../evals/x.md'));
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(firstStage(result).evidence, ['evals/prompt-baseline.md', 'docs/model-card.md', 'evals/**/*.json', 'evals/x.md']);
      });

      it('invalid-evidence: an error on each refused entry, which is left out', () => {
        const result = read(
          stagePlan('deployment', '    evidence:', '      - /etc/passwd', '      - evals/ok.md', '      - ../secrets.md', '      - C:\\report.md', '      - "~/notes.md"', '      - "docs/{..,x}/*.md"', "      - ''"),
        );
        assert.deepEqual(summaries(result), [
          ['invalid-evidence', 'error', range(4, 8, 4, 19), EVIDENCE_MESSAGES.absolute],
          ['invalid-evidence', 'error', range(6, 8, 6, 21), EVIDENCE_MESSAGES.escapes],
          ['invalid-evidence', 'error', range(7, 8, 7, 20), EVIDENCE_MESSAGES.backslash],
          ['invalid-evidence', 'error', range(8, 8, 8, 20), EVIDENCE_MESSAGES.home],
          ['invalid-evidence', 'error', range(9, 8, 9, 26), EVIDENCE_MESSAGES.globDotDot],
          ['invalid-evidence', 'error', range(10, 8, 10, 10), EVIDENCE_MESSAGES.empty],
        ]);
        assert.deepEqual(result.diagnostics[0].data, { value: '/etc/passwd' });
        assert.deepEqual(firstStage(result).evidence, ['evals/ok.md']);
        // Nothing left: no evidence at all rather than an empty list.
        assert.equal(firstStage(read(stagePlan('rlhf', '    evidence: [/x]'))).evidence, undefined);
      });

      it('wrong-type: evidence that is not a list, and entries that are not text', () => {
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    evidence: evals/report.md'))), [
          ['wrong-type', 'error', range(3, 14, 3, 29), '`evidence` must be a list of files or globs inside the workspace folder (`- evals/report.md`).'],
        ]);
        const result = read(stagePlan('rlhf', '    evidence:', '      - {path: x.md}', '      - [x.md]', '      - x.md'));
        assert.deepEqual(summaries(result), [
          ['wrong-type', 'error', range(4, 8, 4, 20), 'Each evidence entry is text: a file or glob inside the workspace folder, such as `evals/report.md`.'],
          ['wrong-type', 'error', range(5, 8, 5, 14), 'Each evidence entry is text: a file or glob inside the workspace folder, such as `evals/report.md`.'],
        ]);
        assert.deepEqual(firstStage(result).evidence, ['x.md']);
        // A number is a file name as written.
        assert.deepEqual(firstStage(read(stagePlan('rlhf', '    evidence: [2026, 1.50]'))).evidence, ['2026', '1.50']);
      });
    });

    describe('method:', () => {
      it('reads every method on fine-tuning, rlhf and custom stages', () => {
        for (const method of TUNING_METHODS) {
          for (const id of ['fine-tuning', 'rlhf']) {
            const result = read(stagePlan(id, `    method: ${method}`));
            assert.deepEqual(result.diagnostics, [], `${id} ${method}`);
            assert.equal(firstStage(result).method, method);
          }
        }
        assert.deepEqual(read(stagePlan('distill', '    title: Distillation', '    method: full')).diagnostics, []);
      });

      it('invalid-value: an unknown method, with a hint when only the case is wrong', () => {
        assert.deepEqual(summaries(read(stagePlan('fine-tuning', '    method: LoRA'))), [
          ['invalid-value', 'error', range(3, 12, 3, 16), 'Unknown method "LoRA" (write it in lower case: lora): use one of full, lora, qlora, prompt-tuning.'],
        ]);
        assert.deepEqual(summaries(read(stagePlan('fine-tuning', '    method: adapters'))), [
          ['invalid-value', 'error', range(3, 12, 3, 20), 'Unknown method "adapters": use one of full, lora, qlora, prompt-tuning.'],
        ]);
      });

      it('ignored-key: a warning on the key on the other built-in stages, which keep the value', () => {
        const result = read(stagePlan('deployment', '    method: lora'));
        assert.deepEqual(summaries(result), [['ignored-key', 'warning', range(3, 4, 3, 10), '`method` is read for fine-tuning and rlhf only; the deployment stage ignores it.']]);
        assert.equal(firstStage(result).method, 'lora');
        assert.deepEqual(
          summaries(read(stagePlan('pre-training', '    method: full'))).map(([code]) => code),
          ['ignored-key'],
        );
      });
    });

    it('precision: read on every stage', () => {
      for (const precision of PRECISIONS) {
        assert.equal(firstStage(read(stagePlan('deployment', `    precision: ${precision}`))).precision, precision);
      }
      assert.deepEqual(summaries(read(stagePlan('deployment', '    precision: q4'))), [
        ['invalid-value', 'error', range(3, 15, 3, 17), 'Unknown precision "q4": use one of fp32, fp16, bf16, int8, int4.'],
      ]);
    });

    describe('trainable:', () => {
      it('reads a percentage or a fraction below 1', () => {
        const cases: readonly (readonly [string, number])[] = [
          ['1%', 0.01],
          ['0.5%', 0.005],
          ['100%', 1],
          ['0.01', 0.01],
          ['"0.01"', 0.01],
        ];
        for (const [written, expected] of cases) {
          const result = read(stagePlan('fine-tuning', '    method: lora', `    trainable: ${written}`));
          assert.deepEqual(result.diagnostics, [], written);
          assert.equal(firstStage(result).trainable, expected, written);
        }
      });

      it('invalid-size: 1 (1% or all?), zero, over 100% and words', () => {
        assert.deepEqual(summaries(read(stagePlan('fine-tuning', '    trainable: 1'))), [
          ['invalid-size', 'error', range(3, 15, 3, 16), '`trainable`: "1" is ambiguous as a trainable share: write 1% or 100%, or a fraction below 1 (0.01 for 1%).'],
        ]);
        for (const [written, input] of [
          ['0', 0],
          ['150%', '150%'],
          ['one percent', 'one percent'],
          ['2', 2],
        ] as const) {
          const result = read(stagePlan('fine-tuning', `    trainable: ${written}`));
          assert.deepEqual(
            summaries(result).map(([code, , , message]) => [code, message]),
            [['invalid-size', `\`trainable\`: ${refusal(parseTrainableShare(input))}`]],
            written,
          );
          assert.equal(firstStage(result).trainable, undefined, written);
        }
      });

      it('ignored-key: on stages that do not train, and with methods that do not use it', () => {
        assert.deepEqual(summaries(read(stagePlan('prompt-engineering', '    trainable: 1%'))), [
          ['ignored-key', 'warning', range(3, 4, 3, 13), '`trainable` is read for fine-tuning and rlhf only; the prompt-engineering stage ignores it.'],
        ]);
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    method: full', '    trainable: 1%'))), [
          ['ignored-key', 'warning', range(4, 4, 4, 13), '`trainable` is used by LoRA and QLoRA only; method full ignores it.'],
        ]);
        assert.deepEqual(read(stagePlan('rlhf', '    method: qlora', '    trainable: 1%')).diagnostics, []);
      });
    });

    describe('reward-model:', () => {
      it('reads train, existing, and existing with a name (flow or block)', () => {
        const cases: readonly (readonly [string[], unknown])[] = [
          [['    reward-model: train'], { kind: 'train' }],
          [['    reward-model: existing'], { kind: 'existing' }],
          [['    reward-model: {existing: org/support-rm}'], { kind: 'existing', name: 'org/support-rm' }],
          [['    reward-model:', '      existing: org/support-rm'], { kind: 'existing', name: 'org/support-rm' }],
          [['    reward-model:', '      existing:'], { kind: 'existing' }],
        ];
        for (const [body, expected] of cases) {
          const result = read(stagePlan('rlhf', ...body));
          assert.deepEqual(result.diagnostics, [], body.join('\n'));
          assert.deepEqual(firstStage(result).rewardModel, expected, body.join('\n'));
        }
      });

      it('invalid-value: other words, and a mapping that names nothing', () => {
        const forms = 'write `train` to train one from human feedback, `existing` to reuse one, or the mapping `existing: <name>` to name the one reused';
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    reward-model: reuse'))), [['invalid-value', 'error', range(3, 18, 3, 23), `Unknown reward model "reuse": ${forms}.`]]);
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    reward-model: Train'))), [
          ['invalid-value', 'error', range(3, 18, 3, 23), `Unknown reward model "Train" (write it in lower case: train): ${forms}.`],
        ]);
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    reward-model: true'))), [['invalid-value', 'error', range(3, 18, 3, 22), `Unknown reward model "true": ${forms}.`]]);
        const unnamed = read(stagePlan('rlhf', '    reward-model: {name: org/rm}'));
        assert.deepEqual(summaries(unnamed), [
          ['invalid-value', 'error', range(3, 18, 3, 32), `A \`reward-model\` mapping names an existing reward model (\`existing: <name>\`); otherwise ${forms}.`],
          ['unknown-key', 'warning', range(3, 19, 3, 23), 'Unknown key "name" in `reward-model`; expected one of existing.'],
        ]);
        assert.equal(firstStage(unnamed).rewardModel, undefined);
      });

      it('wrong-type and ignored-key', () => {
        assert.deepEqual(summaries(read(stagePlan('rlhf', '    reward-model: [train]'))), [
          ['wrong-type', 'error', range(3, 18, 3, 25), '`reward-model` must be `train`, `existing` or `existing: <name>`.'],
        ]);
        assert.deepEqual(summaries(read(stagePlan('fine-tuning', '    reward-model: train'))), [
          ['ignored-key', 'warning', range(3, 4, 3, 16), '`reward-model` is read for rlhf only; the fine-tuning stage ignores it.'],
        ]);
      });
    });

    it('unknown-key lists the new keys, at the root and in a stage', () => {
      const result = read(lines('version: 1', 'gpu: A100', 'stages:', '  - id: rlhf', '    reward: train'));
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => diagnostic.message),
        [
          'Unknown key "gpu" at the top level; expected one of version, project, model, hardware, stages.',
          `Unknown key "reward" in a stage; expected one of ${STAGE_KEYS.join(', ')}.`,
        ],
      );
      assert.match(result.diagnostics[1].message, /blocked, plan, tasks, effort, evidence, method, precision, trainable, reward-model\.$/);
    });

    it('a stage without an id still has its values checked, and no ignored-key guess', () => {
      assert.deepEqual(
        read(lines('version: 1', 'stages:', '  - method: LoRA', '    reward-model: train')).diagnostics.map((diagnostic) => diagnostic.code),
        ['missing-id', 'invalid-value'],
      );
    });
  });

  describe('odd values', () => {
    const JUNK = ['~', '""', '[]', '{}', '[[]]', '{a: {b: [c, {d: e}]}}', '[1, [2, [3]]]', '0', '-1', '1e400', '.nan', '.inf', 'true', '!!binary aGVsbG8=', '2026-01-01', '"\\u0000"', '*a', '&b x'];
    const STAGE_SPOTS = ['blocked', 'evidence', 'method', 'precision', 'trainable', 'reward-model'];

    it('never make the reader throw, in any key, nested or in lists', () => {
      for (const junk of JUNK) {
        const texts = [
          lines('version: 1', `model: ${junk}`, `hardware: ${junk}`, 'stages: []'),
          lines('version: 1', `model: {base: ${junk}, parameters: ${junk}, precision: ${junk}}`, `hardware: {gpu: ${junk}, memory: ${junk}, count: ${junk}}`, 'stages: []'),
          lines('version: 1', 'x: &a [1]', 'stages:', '  - id: rlhf', ...STAGE_SPOTS.map((key) => `    ${key}: ${junk}`)),
          lines('version: 1', 'stages:', '  - id: rlhf', `    evidence: [${junk}, ${junk}]`, `    reward-model: {existing: ${junk}}`),
          lines('version: 1', 'stages:', `  - ${junk}`, `  - {id: fine-tuning, evidence: {${junk}: ${junk}}}`),
        ];
        for (const text of texts) {
          const result = read(text);
          for (const diagnostic of result.diagnostics) {
            assert.ok(diagnostic.message.length > 0);
            assert.ok(diagnostic.range.start.line <= diagnostic.range.end.line, `${junk}: ${diagnostic.message}`);
          }
        }
      }
    });

    it('are each refused with a diagnostic, never read as a guess', () => {
      for (const junk of ['[]', '{}', '[[]]', '{a: b}', '0', '-1', '.nan', 'true', '2026-01-01']) {
        const result = read(lines('version: 1', `model: {parameters: ${junk}, precision: ${junk}}`, `hardware: {memory: ${junk}, count: ${junk}}`, 'stages:', '  - id: rlhf', '    method: ' + junk, '    trainable: ' + junk, '    reward-model: ' + junk));
        const plan = planOf(result);
        assert.equal(plan.model, undefined, junk);
        assert.equal(plan.hardware, undefined, junk);
        const stage = firstStage(result);
        assert.deepEqual([stage.method, stage.trainable, stage.rewardModel], [undefined, undefined, undefined], junk);
        assert.ok(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length >= 7, `${junk}: ${result.diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
      }
    });
  });

  it('reads the bundled example project with no diagnostics', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'examples', 'support-assistant', 'lifecycle.yaml');
    const result = read(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(result.diagnostics, []);
    const plan = planOf(result);
    assert.deepEqual(plan.model, { base: 'meta-llama/Llama-3.1-8B-Instruct', parameters: 8e9, precision: 'bf16' });
    assert.deepEqual(plan.hardware, { gpu: 'A100-80GB', count: 1 });
    const byId = new Map(plan.stages.map((stage) => [stage.id, stage]));
    assert.deepEqual(byId.get('prompt-engineering')?.evidence, ['evals/prompt-baseline.md']);
    assert.ok(fs.existsSync(path.join(path.dirname(file), 'evals', 'prompt-baseline.md')), 'the evidence file exists');
    assert.equal(byId.get('fine-tuning')?.method, 'lora');
    assert.deepEqual(byId.get('rlhf')?.rewardModel, { kind: 'existing' });
    assert.equal(byId.get('deployment')?.precision, 'int8');
  });

  it('reads the README\'s documented example with no diagnostics', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The plan: `lifecycle.yaml`'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(example);
    const result = read(example);
    assert.deepEqual(result.diagnostics, []);
    const rlhf = planOf(result).stages.find((stage) => stage.id === 'rlhf');
    assert.deepEqual(rlhf?.rewardModel, { kind: 'existing', name: 'acme/support-reward-v2' });
  });
});
