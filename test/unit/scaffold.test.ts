import * as assert from 'node:assert/strict';
import { BUILT_IN_STAGE_IDS } from '../../src/model/domain/catalog';
import { parse } from '../../src/model/planFile/parse';
import { DEFAULT_PROJECT_NAME, scaffold } from '../../src/model/planFile/scaffold';

/** Every subset of the five built-in ids (32 of them), in lifecycle order. */
function allSubsets(): string[][] {
  const subsets: string[][] = [];
  for (let mask = 0; mask < 1 << BUILT_IN_STAGE_IDS.length; mask++) {
    subsets.push(BUILT_IN_STAGE_IDS.filter((_, index) => (mask & (1 << index)) !== 0));
  }
  return subsets;
}

describe('scaffold', () => {
  it('writes all five stages by default, pre-training skipped, the rest not started', () => {
    const result = parse(scaffold());
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.plan?.project, DEFAULT_PROJECT_NAME);
    assert.deepEqual(
      result.plan?.stages.map((stage) => [stage.id, stage.status]),
      [
        ['pre-training', 'skipped'],
        ['prompt-engineering', 'not-started'],
        ['fine-tuning', 'not-started'],
        ['rlhf', 'not-started'],
        ['deployment', 'not-started'],
      ],
    );
    assert.match(result.plan?.stages[0].note ?? '', /foundation model/);
  });

  it('parses with zero diagnostics for every subset of stages, both line endings and both pre-training modes', () => {
    for (const stageIds of allSubsets()) {
      for (const eol of ['\n', '\r\n'] as const) {
        for (const skipPreTraining of [true, false]) {
          const text = scaffold({ stageIds, eol, skipPreTraining, project: 'p' });
          const result = parse(text);
          const label = `${stageIds.join(',')} ${JSON.stringify(eol)} ${String(skipPreTraining)}`;
          assert.deepEqual(result.diagnostics, [], label);
          assert.deepEqual(
            result.plan?.stages.map((stage) => stage.id),
            stageIds,
            label,
          );
          const preTraining = result.plan?.stages.find((stage) => stage.id === 'pre-training');
          if (preTraining) {
            assert.equal(preTraining.status, skipPreTraining ? 'skipped' : 'not-started', label);
          }
        }
      }
    }
  });

  it('keeps lifecycle order whatever order the ids come in, ignoring unknown and repeated ids', () => {
    const result = parse(scaffold({ stageIds: ['deployment', 'nope', 'rlhf', 'deployment'] }));
    assert.deepEqual(
      result.plan?.stages.map((stage) => stage.id),
      ['rlhf', 'deployment'],
    );
  });

  it('uses only the requested line ending and ends with one', () => {
    const crlf = scaffold({ eol: '\r\n' });
    assert.ok(crlf.endsWith('\r\n'));
    assert.equal(crlf.replace(/\r\n/g, '').includes('\n'), false);
    const lf = scaffold();
    assert.ok(lf.endsWith('\n') && !lf.includes('\r'));
  });

  it('quotes project names that need it', () => {
    for (const project of ['support: bot', 'yes', '# hash', "it's", 'line\nbreak', '<img src=x onerror=alert(1)>', '2026']) {
      const result = parse(scaffold({ project }));
      assert.deepEqual(result.diagnostics, [], project);
      assert.equal(result.plan?.project, project);
    }
  });

  it('explains the statuses and shows a commented tasks example', () => {
    const text = scaffold();
    assert.match(text, /^# .*lifecycle/i);
    assert.match(text, /not-started \| in-progress \| blocked \| done \| skipped/);
    assert.match(text, /^ {4}# tasks:$/m);
    assert.match(text, /^ {4}# {3}- title: /m);
  });

  it('teaches model:, hardware: and the other stage keys in comments only, which read cleanly once uncommented', () => {
    const text = scaffold();
    const plan = parse(text).plan;
    assert.equal(plan?.model, undefined);
    assert.equal(plan?.hardware, undefined);
    for (const key of ['blocked', 'evidence', 'method', 'trainable', 'precision', 'reward-model']) {
      assert.match(text, new RegExp(`^# {3}${key} `, 'm'), key);
    }
    const uncommented = text.replace(/^# ( *)(model|hardware|base|parameters|precision|gpu|count):/gm, '$1$2:');
    const result = parse(uncommented);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.plan?.model, { base: 'meta-llama/Llama-3.1-8B', parameters: 8e9, precision: 'bf16' });
    assert.deepEqual(result.plan?.hardware, { gpu: 'A100-80GB', count: 1 });
  });
});
