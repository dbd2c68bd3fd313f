import * as assert from 'node:assert/strict';
import type { StageStatus } from '../../src/model/domain/statuses';
import { advance, blockSteps, checkAction, noStageFor } from '../../src/model/domain/transitions';
import type { PlanEditStep, PlanStage } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { planOfStatuses } from './helpers';

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
    /** The ids advance completes and starts, and its steps in short ("s1 done"). */
    function advanced(...statuses: StageStatus[]): unknown {
      const outcome = advance(planOfStatuses(...statuses));
      assert.notEqual(outcome.kind, 'nothing');
      return {
        kind: outcome.kind,
        completed: outcome.kind === 'complete' ? outcome.completed.id : undefined,
        started: outcome.kind === 'nothing' ? undefined : outcome.started?.id,
        steps: outcome.kind === 'nothing' ? [] : outcome.steps.map((step) => `${step.stageId} ${step.change.kind === 'status' ? step.change.status : step.change.kind}`),
      };
    }

    it('completes the stage in progress and starts the next one not done or skipped', () => {
      assert.deepEqual(advanced('done', 'in-progress', 'skipped', 'done', 'not-started', 'not-started'), {
        kind: 'complete',
        completed: 's1',
        started: 's4',
        steps: ['s1 done', 's4 in-progress'],
      });
    });

    it('resumes the next stage when it is blocked', () => {
      assert.deepEqual(advanced('in-progress', 'blocked', 'not-started'), { kind: 'complete', completed: 's0', started: 's1', steps: ['s0 done', 's1 in-progress'] });
    });

    it('only completes when the next open stage is in progress already, or there is none', () => {
      assert.deepEqual(advanced('in-progress', 'in-progress', 'not-started'), { kind: 'complete', completed: 's0', started: undefined, steps: ['s0 done'] });
      assert.deepEqual(advanced('not-started', 'done', 'in-progress', 'skipped'), { kind: 'complete', completed: 's2', started: undefined, steps: ['s2 done'] });
    });

    it('starts the current stage when none is in progress', () => {
      assert.deepEqual(advanced('done', 'blocked', 'not-started', 'not-started'), { kind: 'start', completed: undefined, started: 's2', steps: ['s2 in-progress'] });
    });

    it('has nothing to advance to when every stage is finished or blocked, or there are none', () => {
      assert.deepEqual(advance(planOfStatuses('done', 'skipped', 'blocked')), { kind: 'nothing', reason: 'Nothing to advance to: every stage is done, skipped or blocked.' });
      assert.deepEqual(advance(planOfStatuses()), { kind: 'nothing', reason: 'Nothing to advance to: the plan lists no stages.' });
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
