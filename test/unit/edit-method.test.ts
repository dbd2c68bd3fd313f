// Setting a stage's `method:` (what the estimate's quick fixes write): the value alone when it
// is there, one line after the stage's estimate keys (else its status or id) when it is not.
import * as assert from 'node:assert/strict';
import { edit } from '../../src/model/planFile/edit';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { lines } from './helpers';

function methodEdit(input: string, stageId: string, method: 'full' | 'lora' | 'qlora' | 'prompt-tuning'): string {
  const result = edit(input, stageId, { kind: 'method', method });
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyEdits(input, result.edits);
}

describe('edit: method', () => {
  it('replaces an existing value and nothing else', () => {
    const input = lines('version: 1', 'stages:', '  - id: fine-tuning', '    method: full # was too big', '    status: in-progress', '');
    const result = edit(input, 'fine-tuning', { kind: 'method', method: 'lora' });
    assert.ok(result.ok);
    assert.equal(result.edits.length, 1);
    assert.equal(input.slice(result.edits[0].start, result.edits[0].end), 'full');
    assert.equal(applyEdits(input, result.edits), lines('version: 1', 'stages:', '  - id: fine-tuning', '    method: lora # was too big', '    status: in-progress', ''));
  });

  it('inserts the key after status when the stage has no method', () => {
    const input = lines('version: 1', 'stages:', '  - id: rlhf', '    status: not-started', '    owner: priya', '    reward-model: existing', '');
    assert.equal(
      methodEdit(input, 'rlhf', 'qlora'),
      lines('version: 1', 'stages:', '  - id: rlhf', '    status: not-started', '    method: qlora', '    owner: priya', '    reward-model: existing', ''),
    );
  });

  it('inserts it after trainable or precision when the stage has them, and after the id otherwise', () => {
    const withTrainable = lines('version: 1', 'stages:', '  - id: fine-tuning', '    status: in-progress', '    trainable: 1%', '    owner: dana', '');
    assert.equal(
      methodEdit(withTrainable, 'fine-tuning', 'lora'),
      lines('version: 1', 'stages:', '  - id: fine-tuning', '    status: in-progress', '    trainable: 1%', '    method: lora', '    owner: dana', ''),
    );
    const bare = lines('version: 1', 'stages:', '  - id: fine-tuning', '  - id: rlhf', '');
    assert.equal(methodEdit(bare, 'fine-tuning', 'lora'), lines('version: 1', 'stages:', '  - id: fine-tuning', '    method: lora', '  - id: rlhf', ''));
  });

  it('keeps CRLF line endings and flow-style stages', () => {
    const crlf = 'version: 1\r\nstages:\r\n  - id: fine-tuning\r\n    status: not-started\r\n';
    assert.equal(methodEdit(crlf, 'fine-tuning', 'lora'), 'version: 1\r\nstages:\r\n  - id: fine-tuning\r\n    status: not-started\r\n    method: lora\r\n');
    const flow = lines('version: 1', 'stages:', '  - { id: fine-tuning, status: not-started }', '');
    const output = methodEdit(flow, 'fine-tuning', 'qlora');
    assert.equal(parse(output).plan?.stages[0].method, 'qlora');
    assert.ok(output.includes('{ id: fine-tuning, status: not-started, method: qlora }'), output);
  });

  it('is a no-op for the same method, and refuses one that is not a method', () => {
    const input = lines('version: 1', 'stages:', '  - id: fine-tuning', '    method: lora', '');
    assert.deepEqual(edit(input, 'fine-tuning', { kind: 'method', method: 'lora' }), { ok: true, edits: [] });
    const refused = edit(input, 'fine-tuning', { kind: 'method', method: 'adapters' as 'lora' });
    assert.equal(refused.ok, false);
  });
});
