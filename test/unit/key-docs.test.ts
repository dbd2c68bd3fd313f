import * as assert from 'node:assert/strict';
import { keyDocAt } from '../../src/model/presentation/keyDocs';

describe('key explanations on hover', () => {
  it('explains model, hardware, blocked, evidence and reward-model where the key is written', () => {
    assert.deepEqual(keyDocAt('model:', 2)?.start, 0);
    assert.match(keyDocAt('model:', 2)?.markdown ?? '', /^\*\*model\*\*: The foundation model/);
    assert.match(keyDocAt('hardware:', 0)?.markdown ?? '', /count × memory/);
    const blocked = keyDocAt('    blocked: 2026-01-02', 6);
    assert.deepEqual([blocked?.start, blocked?.end], [4, 11]);
    assert.match(blocked?.markdown ?? '', /YYYY-MM-DD/);
    assert.match(keyDocAt('    reward-model: existing', 10)?.markdown ?? '', /`train`/);
    assert.match(keyDocAt('  - evidence: [a.md]', 6)?.markdown ?? '', /prove the stage done/);
  });

  it('says nothing on values, on other keys, or off the key', () => {
    assert.equal(keyDocAt('    blocked: 2026-01-02', 15), undefined);
    assert.equal(keyDocAt('    status: blocked', 6), undefined);
    assert.equal(keyDocAt('# model: in a comment', 3), undefined);
    assert.equal(keyDocAt('    note: model: x', 12), undefined);
  });
});
