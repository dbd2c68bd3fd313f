import * as assert from 'node:assert/strict';
import type { StageStatus } from '../../src/model/domain/statuses';
import { advance, blockSteps, checkAction, noStageFor } from '../../src/model/domain/transitions';
import type { Plan, PlanEditStep, PlanStage } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';

/** A plan whose stages have these statuses (custom ids s0, s1, ...). */
function planOf(...statuses: StageStatus[]): Plan {
  const stages = statuses.map((status, index) => `  - {id: s${index}, title: S${index}, status: ${status}}`);
  const result = parse(['version: 1', stages.length > 0 ? 'stages:' : 'stages: []', ...stages, ''].join('\n'));
  assert.deepEqual(result.diagnostics, []);
  assert.ok(result.plan);
  return result.plan;
}

function stageOf(status: StageStatus, note?: string): PlanStage {
  const noteLine = note === undefined ? '' : `, note: "${note}"`;
  const stage = parse(`version: 1\nstages:\n  - {id: fine-tuning, title: Fine-tuning, status: ${status}${noteLine}}\n`).plan?.stages[0];
  assert.ok(stage);
  return stage;
}

function statusStep(stageId: string, status: StageStatus): PlanEditStep {
  return { stageId, change: { kind: 'status', status } };
}

describe('transitions', () => {
  describe('advance', () => {
    it('completes the stage in progress and starts the next one not done or skipped', () => {
      const outcome = advance(planOf('done', 'in-progress', 'skipped', 'done', 'not-started', 'not-started'));
      assert.equal(outcome.kind, 'complete');
      assert.deepEqual(outcome.steps, [statusStep('s1', 'done'), statusStep('s4', 'in-progress')]);
      assert.equal(outcome.completed.id, 's1');
      assert.equal(outcome.started?.id, 's4');
    });

    it('resumes the next stage when it is blocked', () => {
      const outcome = advance(planOf('in-progress', 'blocked', 'not-started'));
      assert.equal(outcome.kind, 'complete');
      assert.deepEqual(outcome.steps, [statusStep('s0', 'done'), statusStep('s1', 'in-progress')]);
    });

    it('only completes when the next open stage is in progress already', () => {
      const outcome = advance(planOf('in-progress', 'in-progress', 'not-started'));
      assert.equal(outcome.kind, 'complete');
      assert.deepEqual(outcome.steps, [statusStep('s0', 'done')]);
      assert.equal(outcome.started, undefined);
    });

    it('only completes the last open stage', () => {
      const outcome = advance(planOf('not-started', 'done', 'in-progress', 'skipped'));
      assert.equal(outcome.kind, 'complete');
      assert.deepEqual(outcome.steps, [statusStep('s2', 'done')]);
      assert.equal(outcome.completed.id, 's2');
      assert.equal(outcome.started, undefined);
    });

    it('starts the current stage when none is in progress', () => {
      const outcome = advance(planOf('done', 'blocked', 'not-started', 'not-started'));
      assert.equal(outcome.kind, 'start');
      assert.deepEqual(outcome.steps, [statusStep('s2', 'in-progress')]);
      assert.equal(outcome.started.id, 's2');
    });

    it('has nothing to advance to when every stage is finished or blocked, or there are none', () => {
      assert.deepEqual(advance(planOf('done', 'skipped', 'blocked')), { kind: 'nothing', reason: 'Nothing to advance to: every stage is done, skipped or blocked.' });
      assert.deepEqual(advance(planOf()), { kind: 'nothing', reason: 'Nothing to advance to: the plan lists no stages.' });
    });
  });

  describe('blockSteps', () => {
    const blocked = statusStep('fine-tuning', 'blocked');

    it('saves a new reason, trimmed, as the note', () => {
      assert.deepEqual(blockSteps(stageOf('in-progress', 'old'), '  Waiting for GPUs \n'), [blocked, { stageId: 'fine-tuning', change: { kind: 'note', note: 'Waiting for GPUs' } }]);
    });

    it('keeps the note when the reason is empty or the same', () => {
      assert.deepEqual(blockSteps(stageOf('in-progress', 'old'), '   '), [blocked]);
      assert.deepEqual(blockSteps(stageOf('not-started', 'Waiting'), ' Waiting '), [blocked]);
      assert.deepEqual(blockSteps(stageOf('not-started'), ''), [blocked]);
    });
  });

  describe('checkAction', () => {
    it('takes the first action the status allows', () => {
      assert.deepEqual(checkAction(stageOf('not-started'), ['start', 'resume']), { ok: true, action: 'start' });
      assert.deepEqual(checkAction(stageOf('blocked'), ['start', 'resume']), { ok: true, action: 'resume' });
      assert.deepEqual(checkAction(stageOf('done'), ['reset']), { ok: true, action: 'reset' });
    });

    it('refuses with the stage, its status and the way forward', () => {
      assert.deepEqual(checkAction(stageOf('done'), ['skip']), {
        ok: false,
        reason: 'Fine-tuning is done; Skip is not available for a done stage. Reset it first, or use Set Stage Status.',
      });
      assert.deepEqual(checkAction(stageOf('skipped'), ['block']), {
        ok: false,
        reason: 'Fine-tuning is skipped; Block is not available for a skipped stage. Reset it first, or use Set Stage Status.',
      });
      assert.deepEqual(checkAction(stageOf('not-started'), ['resume']), {
        ok: false,
        reason: 'Fine-tuning is not started; Resume is not available for a not-started stage. Block it first, or use Set Stage Status.',
      });
    });

    it('says when the stage has the status already', () => {
      assert.deepEqual(checkAction(stageOf('in-progress'), ['start', 'resume']), { ok: false, reason: 'Fine-tuning is already in progress.' });
      assert.deepEqual(checkAction(stageOf('blocked'), ['block']), { ok: false, reason: 'Fine-tuning is already blocked.' });
      assert.deepEqual(checkAction(stageOf('not-started'), ['reset']), { ok: false, reason: 'Fine-tuning has not been started yet.' });
    });
  });

  it('says where an action can be taken when no stage can take it', () => {
    assert.equal(noStageFor(['skip']), 'No stage to skip: Skip is for stages that are not started, in progress or blocked.');
    assert.equal(noStageFor(['start', 'resume']), 'No stage to start: Start is for stages that are not started, blocked, done or skipped.');
    assert.equal(noStageFor(['resume']), 'No stage to resume: Resume is for stages that are blocked.');
  });
});
