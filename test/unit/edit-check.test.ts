// The check behind every edit: whatever a splice did, the result must read back as the plan
// before it with only the intended change. Here the "splices" are deliberately wrong.

import * as assert from 'node:assert/strict';
import { checkEdit, contentOf, Expectation } from '../../src/model/planFile/editCheck';
import { analyzePlan, parse } from '../../src/model/planFile/parse';
import { lines } from './helpers';

const PLAN = lines(
  'version: 1',
  'project: demo',
  'stages:',
  '  - id: rlhf',
  '    status: in-progress',
  '    note: |+',
  '      kept',
  '',
  '    tasks:',
  '      - title: a',
  '        owner: kim',
  '  - id: deployment',
  '    effort: {duration: Hours}',
);

const SET_DONE: Expectation = (before) => ({ ...before, status: 'done' });

function check(edited: string, expectation: Expectation = SET_DONE): string | undefined {
  return checkEdit(analyzePlan(PLAN), edited, 'rlhf', expectation);
}

describe('the check after every edit', () => {
  it('accepts exactly the intended change', () => {
    assert.equal(check(PLAN.replace('in-progress', 'done')), undefined);
  });

  it('refuses a change to another field of the edited stage, naming it', () => {
    assert.equal(check(PLAN.replace('in-progress', 'done').replace('kept\n\n', 'kept\n')), 'note would read differently');
    assert.equal(check(PLAN.replace('in-progress', 'done').replace('owner: kim', 'owner: lee')), 'task 1 would read differently');
    assert.equal(check(PLAN.replace('in-progress', 'done').replace('      - title: a\n        owner: kim\n', '')), 'the number of tasks would read differently');
  });

  it('refuses a change to another stage or to the project', () => {
    assert.equal(check(PLAN.replace('in-progress', 'done').replace('Hours', 'Days')), 'effort of stage "deployment" would change');
    assert.equal(check(PLAN.replace('in-progress', 'done').replace('demo', 'other')), 'the project or version changed');
  });

  it('refuses when the intended change itself does not read back', () => {
    assert.equal(check(PLAN), 'status would read differently');
    assert.equal(check(PLAN.replace('in-progress', '[done')), 'YAML error');
  });

  it('compares content only: positions move, written key order does not count', () => {
    const stage = parse(PLAN).plan?.stages[0];
    assert.ok(stage);
    assert.deepEqual(Object.keys(contentOf(stage)).sort(), ['builtIn', 'id', 'note', 'status', 'tasks', 'title']);
    assert.deepEqual(contentOf(stage).tasks, [{ title: 'a', done: false, owner: 'kim' }]);
    const reordered = PLAN.replace('      - title: a\n        owner: kim\n', '      - owner: kim\n        title: a\n');
    assert.equal(checkEdit(analyzePlan(PLAN), reordered, 'rlhf', (before) => before), undefined);
  });
});
