import * as assert from 'node:assert/strict';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import { actionFor, isActionAllowed, primaryAction, STAGE_ACTION_SPECS, STAGE_ACTIONS, STATUS_RULES, statusesAllowing } from '../../src/model/domain/statusActions';

describe('status actions table', () => {
  it('offers, for every status, quick actions that it allows, none of which keeps the status', () => {
    for (const status of STAGE_STATUSES) {
      const rules = STATUS_RULES[status];
      for (const action of [...rules.allowed, ...rules.quick]) {
        assert.ok(isActionAllowed(status, action), `${status} quick ${action} is allowed`);
        assert.notEqual(STAGE_ACTION_SPECS[action].to, status, `${action} from ${status} changes the status`);
      }
      assert.equal(new Set(rules.allowed).size, rules.allowed.length);
    }
  });

  it('resumes only blocked stages, and every action is allowed from somewhere', () => {
    assert.deepEqual(statusesAllowing('resume'), ['blocked']);
    for (const action of STAGE_ACTIONS) {
      assert.ok(statusesAllowing(action).length > 0, action);
    }
  });

  it('gives every status a primary action, and a finished stage can be reset', () => {
    assert.equal(primaryAction('not-started'), 'start');
    assert.equal(primaryAction('in-progress'), 'complete');
    assert.equal(primaryAction('blocked'), 'resume');
    assert.equal(primaryAction('done'), 'reset');
    assert.equal(primaryAction('skipped'), 'reset');
  });

  it('names the action between two statuses, or none', () => {
    assert.equal(actionFor('blocked', 'in-progress'), 'resume');
    assert.equal(actionFor('done', 'in-progress'), 'start');
    assert.equal(actionFor('done', 'skipped'), undefined);
    assert.equal(actionFor('done', 'blocked'), undefined);
  });
});
