import * as assert from 'node:assert/strict';
import { currentStage, nextStageAfter, progress } from '../../src/model/domain/progress';
import { planOfStatuses } from './helpers';

describe('progress', () => {
  describe('currentStage', () => {
    it('is the first in-progress stage', () => {
      assert.equal(currentStage(planOfStatuses('done', 'not-started', 'in-progress', 'in-progress'))?.id, 's2');
    });

    it('else the first not-started stage', () => {
      assert.equal(currentStage(planOfStatuses('skipped', 'blocked', 'not-started', 'not-started'))?.id, 's2');
    });

    it('else nothing (all finished or blocked, or no stages)', () => {
      assert.equal(currentStage(planOfStatuses('done', 'skipped', 'blocked')), undefined);
      assert.equal(currentStage(planOfStatuses()), undefined);
    });
  });

  describe('nextStageAfter', () => {
    const plan = planOfStatuses('in-progress', 'done', 'skipped', 'blocked', 'not-started');

    it('skips done and skipped stages, in file order', () => {
      assert.equal(nextStageAfter(plan, 's0')?.id, 's3');
      assert.equal(nextStageAfter(plan, 's3')?.id, 's4');
    });

    it('is undefined after the last open stage or for an unknown id', () => {
      assert.equal(nextStageAfter(plan, 's4'), undefined);
      assert.equal(nextStageAfter(plan, 'nope'), undefined);
    });
  });

  describe('progress', () => {
    it('counts done and skipped as finished', () => {
      assert.deepEqual(progress(planOfStatuses('done', 'skipped', 'blocked', 'in-progress', 'not-started')), { finished: 2, total: 5, open: 3 });
    });

    it('handles an empty plan', () => {
      assert.deepEqual(progress(planOfStatuses()), { finished: 0, total: 0, open: 0 });
    });
  });
});
