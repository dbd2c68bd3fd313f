import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { durationLabel, effortRollup, rankDuration, rankExpertise } from '../../src/model/domain/effortRollup';
import { parse } from '../../src/model/planFile/parse';
import { effortSummary } from '../../src/model/presentation/effortSummary';
import { lifecycle, planOf, stage } from './planFactory';

describe('effort roll-up', () => {
  it('counts open stages and takes the peaks from the catalog for built-ins', () => {
    const rollup = effortRollup(lifecycle(['skipped', 'done', 'in-progress', 'blocked', 'not-started']));
    const minutesToHours = { level: 2, label: 'Minutes to hours' };
    assert.deepEqual(rollup, {
      open: [
        { stageId: 'fine-tuning', expertise: { level: 2, label: 'Medium' }, duration: minutesToHours },
        { stageId: 'rlhf', expertise: { level: 3, label: 'Medium-High' }, duration: minutesToHours },
        { stageId: 'deployment', expertise: { level: 2, label: 'Medium' }, duration: minutesToHours },
      ],
      expertise: { level: 3, label: 'Medium-High', stageIds: ['rlhf'] },
      longest: { level: 2, label: 'Minutes to hours', stageIds: ['fine-tuning', 'rlhf', 'deployment'] },
    });
    assert.equal(effortSummary(rollup), '3 stages open · up to Medium-High expertise · longest: minutes to hours');
  });

  it('lets pre-training dominate while it is open, and forgets it once skipped', () => {
    const open = effortRollup(lifecycle(['not-started', 'not-started', 'not-started', 'not-started', 'not-started']));
    assert.deepEqual([open.expertise?.label, open.longest?.label], ['High', 'Days to weeks to months']);
    const skipped = effortRollup(lifecycle(['skipped', 'in-progress', 'done', 'done', 'done']));
    assert.deepEqual([skipped.expertise?.label, skipped.longest?.label], ['Low', 'Not required']);
    assert.equal(effortSummary(skipped), '1 stage open · up to Low expertise · longest: not required');
  });

  it('ranks custom stages by their own cells', () => {
    const plan = planOf([
      stage('fine-tuning', 'done'),
      stage('labelling', 'in-progress', { effort: { expertise: 'high', trainingDuration: 'A few weeks of annotation' } }),
      stage('eval', 'not-started', { effort: { expertise: 'Expert', trainingDuration: 'Whenever' } }),
      stage('notes', 'not-started'),
    ]);
    const rollup = effortRollup(plan);
    assert.deepEqual(rollup.expertise, { level: 4, label: 'High', stageIds: ['labelling'] });
    assert.deepEqual(rollup.longest, { level: 4, label: 'Days to weeks to months', stageIds: ['labelling'] });
    assert.deepEqual(rollup.open.slice(1), [{ stageId: 'eval' }, { stageId: 'notes' }]);
  });

  it('says what it has when nothing open can be ranked, and when all is finished', () => {
    const unranked = effortRollup(planOf([stage('notes', 'not-started')]));
    assert.equal(effortSummary(unranked), '1 stage open');
    const finished = effortRollup(lifecycle(['skipped', 'done', 'done', 'done', 'skipped']));
    assert.deepEqual(finished.open, []);
    assert.equal(effortSummary(finished), 'All stages finished');
  });

  describe('ranking cell text', () => {
    it('expertise: the four steps, loosely spelled; anything else is unranked', () => {
      assert.deepEqual(rankExpertise('medium_high'), { level: 3, label: 'Medium-High' });
      assert.deepEqual(rankExpertise(' LOW '), { level: 1, label: 'Low' });
      assert.equal(rankExpertise('Very high'), undefined);
      assert.equal(rankExpertise(undefined), undefined);
    });

    it('duration: the cheat sheet’s cells and the scale’s steps take their level', () => {
      assert.equal(rankDuration('Minutes to hours, similar to fine-tuning')?.level, 2);
      assert.deepEqual(rankDuration('Not required'), { level: 0, label: 'Not required' });
      assert.deepEqual(rankDuration('Days to months'), { level: 4, label: 'Days to weeks to months' });
      assert.deepEqual(rankDuration('hours-to-days'), { level: 3, label: 'Hours to days' });
    });

    it('duration: otherwise the longest unit named decides', () => {
      const levels = ['2 months', 'a week', 'Hours to days', 'a couple of days', 'an hour or two', '30 minutes', 'none', 'no training needed'].map((text) => rankDuration(text)?.level);
      assert.deepEqual(levels, [4, 4, 3, 3, 2, 1, 0, 0]);
      assert.equal(rankDuration('soon'), undefined);
      assert.equal(rankDuration('  '), undefined);
      assert.equal(rankDuration('hourly'), undefined);
    });

    it('names every level of the scale', () => {
      assert.deepEqual([0, 1, 2, 3, 4].map(durationLabel), ['Not required', 'Minutes', 'Minutes to hours', 'Hours to days', 'Days to weeks to months']);
    });
  });

  it('reads the bundled example project', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'examples', 'support-assistant', 'lifecycle.yaml');
    const plan = parse(fs.readFileSync(file, 'utf8')).plan;
    assert.ok(plan);
    const rollup = effortRollup(plan);
    assert.deepEqual(rollup.open.map((entry) => entry.stageId), ['fine-tuning', 'rlhf', 'deployment', 'eval-harness']);
    assert.deepEqual(rollup.longest?.stageIds, ['eval-harness']);
    assert.equal(effortSummary(rollup), '4 stages open · up to Medium-High expertise · longest: hours to days');
  });
});
