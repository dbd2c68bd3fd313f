import * as assert from 'node:assert/strict';
import { completionSpotAt, idOrTitleValue, splitLines, stageBlockAt, stageFieldAt, stageReadsKey, stagesLayout } from '../../src/model/planFile/planLines';

const PLAN = splitLines(
  [
    '# comment',
    'version: 1',
    'stages:',
    '  - id: pre-training',
    '    status: skipped',
    '  - id: fine-tuning   # ours',
    "    title: 'Support tuning'",
    '    status: in-prog',
    '    ',
    '    tasks:',
    '      - title: Train a LoRA adapter',
    '        done: false',
    '  - ',
    'project: demo',
    '',
  ].join('\n'),
);

describe('plan lines', () => {
  it('finds the layout of the stages block', () => {
    assert.deepEqual(stagesLayout(PLAN), { stagesLine: 2, endLine: 13, dashColumn: 2, keyColumn: 4 });
    assert.deepEqual(stagesLayout(['stages:', '- id: a', '  status: done']), { stagesLine: 0, endLine: 3, dashColumn: 0, keyColumn: 2 });
    assert.deepEqual(stagesLayout(['version: 1', 'stages:']), { stagesLine: 1, endLine: 2, dashColumn: 2, keyColumn: 4 });
    assert.equal(stagesLayout(['stages: [{id: a}]']), undefined);
    assert.equal(stagesLayout(['version: 1']), undefined);
  });

  it('finds the stage item around a line, with its keys', () => {
    assert.deepEqual(stageBlockAt(PLAN, 7), {
      startLine: 5,
      endLine: 12,
      keys: [
        { name: 'id', line: 5 },
        { name: 'title', line: 6 },
        { name: 'status', line: 7 },
        { name: 'tasks', line: 9 },
      ],
    });
    assert.equal(stageBlockAt(PLAN, 1), undefined);
    assert.equal(stageBlockAt(PLAN, 13), undefined);
  });

  describe('completion spots', () => {
    it('after status: and id:', () => {
      assert.deepEqual(completionSpotAt(PLAN, 7, 19), { kind: 'status', start: 12, end: 19, typed: 'in-prog' });
      assert.deepEqual(completionSpotAt(PLAN, 7, 14), { kind: 'status', start: 12, end: 19, typed: 'in' });
      assert.deepEqual(completionSpotAt(PLAN, 3, 8), { kind: 'id', start: 8, end: 20, typed: '' });
      // Inside a written value, the whole word is replaced.
      assert.deepEqual(completionSpotAt(PLAN, 4, 16), { kind: 'status', start: 12, end: 19, typed: 'skip' });
    });

    it('after method:, precision: and reward-model:, in a stage or under model:', () => {
      assert.deepEqual(completionSpotAt(['    method: lo'], 0, 14), { kind: 'method', start: 12, end: 14, typed: 'lo' });
      assert.deepEqual(completionSpotAt(['    reward-model: '], 0, 18), { kind: 'reward-model', start: 18, end: 18, typed: '' });
      assert.deepEqual(completionSpotAt(['model:', '  precision: bf'], 1, 15), { kind: 'precision', start: 13, end: 15, typed: 'bf' });
      assert.equal(completionSpotAt(['    trainable: '], 0, 15), undefined, 'no fixed values');
    });

    it('at a key position of a stage, without the keys it already has', () => {
      assert.deepEqual(completionSpotAt(PLAN, 8, 4), { kind: 'stage-key', start: 4, end: 4, typed: '', present: ['id', 'title', 'status', 'tasks'], stageId: 'fine-tuning' });
      // Retyping a key on its own line does not count that key as present.
      assert.deepEqual(completionSpotAt(PLAN, 4, 6), { kind: 'stage-key', start: 4, end: 10, typed: 'st', present: ['id'], stageId: 'pre-training' });
      // A new item.
      assert.deepEqual(completionSpotAt(PLAN, 12, 4), { kind: 'stage-key', start: 4, end: 4, typed: '', present: [] });
    });

    it('nowhere else', () => {
      assert.equal(completionSpotAt(PLAN, 8, 2), undefined, 'wrong indentation');
      assert.equal(completionSpotAt(PLAN, 11, 8), undefined, 'inside a task');
      assert.equal(completionSpotAt(PLAN, 1, 0), undefined, 'root level');
      assert.equal(completionSpotAt(PLAN, 13, 0), undefined, 'after the stages block');
      assert.equal(completionSpotAt(PLAN, 10, 20), undefined, 'inside a task title');
      assert.equal(completionSpotAt(PLAN, 40, 0), undefined, 'past the end');
    });
  });

  it('knows which built-in stages read method, trainable and reward-model; custom stages read every key', () => {
    assert.deepEqual(
      ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment', 'eval-harness', undefined].map((id) =>
        (['method', 'trainable', 'reward-model', 'precision', 'evidence'] as const).filter((key) => stageReadsKey(key, id)),
      ),
      [
        ['precision', 'evidence'],
        ['precision', 'evidence'],
        ['method', 'trainable', 'precision', 'evidence'],
        ['method', 'trainable', 'reward-model', 'precision', 'evidence'],
        ['precision', 'evidence'],
        ['method', 'trainable', 'reward-model', 'precision', 'evidence'],
        ['method', 'trainable', 'reward-model', 'precision', 'evidence'],
      ],
    );
  });

  it('reads id and title values, quoted or with a comment', () => {
    assert.deepEqual(idOrTitleValue('  - id: fine-tuning   # ours'), { key: 'id', keyColumn: 4, value: 'fine-tuning', start: 8, end: 19 });
    assert.deepEqual(idOrTitleValue("    title: 'Support tuning'"), { key: 'title', keyColumn: 4, value: 'Support tuning', start: 12, end: 26 });
    assert.equal(idOrTitleValue('    id:'), undefined);
    assert.equal(idOrTitleValue('    owner: x'), undefined);
  });

  it('knows a stage id or title under the cursor, not a task title', () => {
    assert.deepEqual(stageFieldAt(PLAN, 5, 10), { key: 'id', stageId: 'fine-tuning', start: 8, end: 19 });
    assert.deepEqual(stageFieldAt(PLAN, 6, 20), { key: 'title', stageId: 'fine-tuning', start: 12, end: 26 });
    assert.equal(stageFieldAt(PLAN, 6, 5), undefined, 'on the key');
    assert.equal(stageFieldAt(PLAN, 10, 20), undefined, 'a task title');
  });
});
