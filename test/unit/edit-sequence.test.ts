import * as assert from 'node:assert/strict';
import { localToday } from '../../src/model/domain/dates';
import { editSequence } from '../../src/model/planFile/editSequence';
import { applyEdits } from '../../src/model/planFile/textEdits';

const TODAY = '2026-11-29';

const PLAN = `version: 1
stages:
  - id: fine-tuning
    status: in-progress # LoRA first
    started: 2026-11-20
  - id: rlhf
    status: not-started
`;

describe('editSequence (several changes, one undo step)', () => {
  it('completes one stage and starts the next as edits against the original text', () => {
    const result = editSequence(PLAN, [
      { stageId: 'fine-tuning', change: { kind: 'status', status: 'done', today: TODAY } },
      { stageId: 'rlhf', change: { kind: 'status', status: 'in-progress', today: TODAY } },
    ]);
    assert.ok(result.ok);
    assert.equal(
      applyEdits(PLAN, result.edits),
      `version: 1
stages:
  - id: fine-tuning
    status: done # LoRA first
    started: 2026-11-20
    completed: ${TODAY}
  - id: rlhf
    status: in-progress
    started: ${TODAY}
`,
    );
    // Each edit is a small splice, not a rewrite of the span between the two stages.
    assert.ok(result.edits.length >= 3);
    assert.ok(result.edits.every((edit) => edit.end - edit.start <= 'in-progress'.length));
  });

  it('sets a status and a note on the same stage', () => {
    const result = editSequence(PLAN, [
      { stageId: 'rlhf', change: { kind: 'status', status: 'blocked' } },
      { stageId: 'rlhf', change: { kind: 'note', note: 'Waiting for: reward model #2' } },
    ]);
    assert.ok(result.ok);
    assert.equal(
      applyEdits(PLAN, result.edits),
      `version: 1
stages:
  - id: fine-tuning
    status: in-progress # LoRA first
    started: 2026-11-20
  - id: rlhf
    status: blocked
    note: "Waiting for: reward model #2"
    blocked: ${localToday()}
`,
    );
  });

  it('collapses steps that touch the same spot into one replacement with the same result', () => {
    const result = editSequence(PLAN, [
      { stageId: 'rlhf', change: { kind: 'status', status: 'blocked' } },
      { stageId: 'rlhf', change: { kind: 'status', status: 'skipped' } },
    ]);
    assert.ok(result.ok);
    assert.equal(result.edits.length, 1);
    assert.equal(applyEdits(PLAN, result.edits), PLAN.replace('status: not-started', 'status: skipped'));
  });

  it('refuses the whole sequence when one step fails, and changes nothing', () => {
    const result = editSequence(PLAN, [
      { stageId: 'rlhf', change: { kind: 'status', status: 'done', today: TODAY } },
      { stageId: 'no-such-stage', change: { kind: 'status', status: 'done', today: TODAY } },
    ]);
    assert.equal(result.ok, false);
  });

  it('keeps CRLF line endings across steps', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const result = editSequence(crlf, [
      { stageId: 'fine-tuning', change: { kind: 'status', status: 'done', today: TODAY } },
      { stageId: 'rlhf', change: { kind: 'status', status: 'in-progress', today: TODAY } },
    ]);
    assert.ok(result.ok);
    const output = applyEdits(crlf, result.edits);
    assert.equal(output.replace(/\r\n/g, ''), output.replace(/\n/g, '').replace(/\r/g, ''));
    assert.ok(!/[^\r]\n/.test(output), 'no bare LF');
  });
});
