import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ADVICE_MESSAGES, adviceKey, adviseOn, blockedTooLongMessage, type Advice, type AdviceOptions } from '../../src/model/domain/advice';
import { daysBetween } from '../../src/model/domain/dates';
import { effortRollup } from '../../src/model/domain/effortRollup';
import type { Plan } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { effortSummary } from '../../src/model/presentation/effortSummary';
import { lifecycle, planOf, stage } from './planFactory';

const TODAY = '2026-12-01';
const OPTIONS: AdviceOptions = { today: TODAY, blockedTooLongDays: 7 };

/** The advice as `rule:stage` keys, in the advisor's order. */
function keys(plan: Plan, options: Partial<AdviceOptions> = {}): string[] {
  return adviseOn(plan, { ...OPTIONS, ...options }).map(adviceKey);
}

function only(plan: Plan, id: Advice['id'], options: Partial<AdviceOptions> = {}): Advice[] {
  return adviseOn(plan, { ...OPTIONS, ...options }).filter((advice) => advice.id === id);
}

describe('advice', () => {
  describe('skip-pre-training', () => {
    it('fires when pre-training is planned and the plan names a foundation model, offering Skip', () => {
      for (const status of ['not-started', 'in-progress'] as const) {
        const plan = lifecycle([status, 'not-started', 'not-started', 'not-started', 'not-started'], {}, { model: { base: 'meta-llama/Llama-3.1-8B' } });
        assert.deepEqual(only(plan, 'skip-pre-training'), [
          { id: 'skip-pre-training', stageId: 'pre-training', message: ADVICE_MESSAGES.skipPreTrainingBase, action: { command: 'skip', stageId: 'pre-training' } },
        ]);
      }
    });

    it('fires when a later built-in stage is in progress, done or blocked, with its own message', () => {
      for (const status of ['in-progress', 'done', 'blocked'] as const) {
        const plan = lifecycle(['not-started', 'not-started', 'not-started', 'not-started', status]);
        assert.deepEqual(
          only(plan, 'skip-pre-training').map((advice) => advice.message),
          [ADVICE_MESSAGES.skipPreTrainingLater],
        );
      }
    });

    it('prefers the foundation-model message when both hold', () => {
      const plan = lifecycle(['not-started', 'done', 'not-started', 'not-started', 'not-started'], {}, { model: { base: 'gpt2' } });
      assert.equal(only(plan, 'skip-pre-training')[0]?.message, ADVICE_MESSAGES.skipPreTrainingBase);
    });

    it('stays quiet when pre-training is done, skipped or blocked', () => {
      for (const status of ['done', 'skipped', 'blocked'] as const) {
        const plan = lifecycle([status, 'in-progress', 'not-started', 'not-started', 'not-started'], {}, { model: { base: 'gpt2' } });
        assert.deepEqual(only(plan, 'skip-pre-training'), []);
      }
    });

    it('on a fresh plan whose next stage is pre-training, advises skipping it and naming a base model instead of starting it', () => {
      const fresh: Advice = { id: 'skip-pre-training', stageId: 'pre-training', message: ADVICE_MESSAGES.skipPreTrainingFresh, action: { command: 'skip', stageId: 'pre-training' } };
      // Before the reward-model advice, and instead of "start here" on pre-training.
      const reuse = { id: 'reuse-reward-model', stageId: 'rlhf', message: ADVICE_MESSAGES.reuseRewardModel };
      assert.deepEqual(adviseOn(lifecycle(['not-started', 'not-started', 'not-started', 'not-started', 'not-started']), OPTIONS), [fresh, reuse]);
      assert.deepEqual(adviseOn(lifecycle(['not-started', 'not-started', 'not-started', 'not-started', 'not-started'], {}, { model: { base: '  ' } }), OPTIONS), [fresh, reuse]);
      assert.deepEqual(only(lifecycle(['not-started', 'skipped', 'skipped', 'not-started', 'not-started']), 'skip-pre-training'), [fresh]);
      // A custom stage underway says nothing about a model, so the fresh message it is.
      assert.deepEqual(only(planOf([stage('pre-training', 'not-started'), stage('eval-harness', 'in-progress')]), 'skip-pre-training'), [fresh]);
      assert.match(ADVICE_MESSAGES.skipPreTrainingFresh, /model:/);
    });

    it('dismissing it brings back "start here"', () => {
      const plan = lifecycle(['not-started', 'not-started', 'not-started', 'not-started', 'not-started']);
      assert.deepEqual(keys(plan, { dismissed: new Set(['skip-pre-training:pre-training']) }), ['reuse-reward-model:rlhf', 'start-next-stage:pre-training']);
    });

    it('stays quiet without a model when pre-training is not next or is already underway', () => {
      assert.deepEqual(only(planOf([stage('data', 'in-progress'), stage('pre-training', 'not-started')]), 'skip-pre-training'), []);
      assert.deepEqual(only(planOf([stage('data', 'not-started'), stage('pre-training', 'not-started')]), 'skip-pre-training'), []);
      assert.deepEqual(only(lifecycle(['in-progress', 'not-started', 'not-started', 'not-started', 'not-started']), 'skip-pre-training'), []);
    });
  });

  describe('prompt-first', () => {
    it('fires on prompt engineering when fine-tuning started before prompting was finished', () => {
      for (const tuning of ['in-progress', 'done', 'blocked'] as const) {
        const plan = lifecycle(['skipped', 'in-progress', tuning, 'not-started', 'not-started']);
        assert.deepEqual(only(plan, 'prompt-first'), [{ id: 'prompt-first', stageId: 'prompt-engineering', message: ADVICE_MESSAGES.promptFirst }]);
      }
    });

    it('offers Start only when prompting has not begun', () => {
      const notStarted = lifecycle(['skipped', 'not-started', 'in-progress', 'not-started', 'not-started']);
      assert.deepEqual(only(notStarted, 'prompt-first')[0]?.action, { command: 'start', stageId: 'prompt-engineering' });
      const blocked = lifecycle(['skipped', 'blocked', 'in-progress', 'not-started', 'not-started']);
      assert.equal(only(blocked, 'prompt-first')[0]?.action, undefined);
    });

    it('stays quiet when prompting is done or skipped', () => {
      for (const prompting of ['done', 'skipped'] as const) {
        assert.deepEqual(only(lifecycle(['skipped', prompting, 'in-progress', 'not-started', 'not-started']), 'prompt-first'), []);
      }
    });

    it('stays quiet when fine-tuning has not started or was skipped', () => {
      for (const tuning of ['not-started', 'skipped'] as const) {
        assert.deepEqual(only(lifecycle(['skipped', 'not-started', tuning, 'not-started', 'not-started']), 'prompt-first'), []);
      }
    });

    it('stays quiet when the plan has no prompt-engineering stage', () => {
      assert.deepEqual(only(planOf([stage('fine-tuning', 'in-progress')]), 'prompt-first'), []);
    });
  });

  describe('reward model', () => {
    it('suggests reusing a reward model when RLHF is ahead and none is recorded', () => {
      for (const status of ['not-started', 'in-progress', 'blocked'] as const) {
        const plan = lifecycle(['skipped', 'done', 'done', status, 'not-started']);
        assert.deepEqual(only(plan, 'reuse-reward-model'), [{ id: 'reuse-reward-model', stageId: 'rlhf', message: ADVICE_MESSAGES.reuseRewardModel }]);
      }
    });

    it('warns of the long pole, under its own id, when the plan trains a reward model', () => {
      const plan = lifecycle(['skipped', 'done', 'done', 'not-started', 'not-started'], { rlhf: { rewardModel: { kind: 'train' } } });
      assert.deepEqual(only(plan, 'reuse-reward-model'), []);
      assert.deepEqual(only(plan, 'reward-model-long-pole'), [{ id: 'reward-model-long-pole', stageId: 'rlhf', message: ADVICE_MESSAGES.rewardModelLongPole }]);
    });

    it('stays quiet with an existing reward model, or when RLHF is done or skipped', () => {
      const existing = lifecycle(['skipped', 'done', 'done', 'in-progress', 'not-started'], { rlhf: { rewardModel: { kind: 'existing', name: 'rm-v2' } } });
      assert.deepEqual(keys(existing), []); // nothing else either: the next open stage is underway
      for (const status of ['done', 'skipped'] as const) {
        assert.deepEqual(only(lifecycle(['skipped', 'done', 'done', status, 'in-progress']), 'reuse-reward-model'), []);
      }
    });
  });

  describe('check-after-compressing', () => {
    const deploying = (deployment: Parameters<typeof stage>[2], status: 'in-progress' | 'done' = 'in-progress'): Plan =>
      lifecycle(['skipped', 'done', 'done', 'skipped', status], { deployment });

    it('fires when deployment (in progress or done) compresses the model and nothing checks task performance', () => {
      for (const status of ['in-progress', 'done'] as const) {
        assert.deepEqual(only(deploying({ tasks: ['int8 quantization'] }, status), 'check-after-compressing'), [
          { id: 'check-after-compressing', stageId: 'deployment', message: ADVICE_MESSAGES.checkAfterCompressing },
        ]);
      }
    });

    it('knows the usual spellings, in tasks or in the note', () => {
      const words = ['Pruning heads', 'pruned', 'prune', 'quantize', 'Quantized to int4', 'quantise', 'QUANTIZATION', 'distil', 'distill', 'distilled student', 'distillation'];
      for (const word of words) {
        assert.equal(only(deploying({ tasks: [word] }), 'check-after-compressing').length, 1, word);
        assert.equal(only(deploying({ note: `We ${word} it.` }), 'check-after-compressing').length, 1, word);
      }
    });

    it('stays quiet on words that only look alike', () => {
      for (const word of ['quantity of GPUs', 'Prunella test set', 'distillery visit', 'sprung']) {
        assert.deepEqual(only(deploying({ tasks: [word] }), 'check-after-compressing'), [], word);
      }
    });

    it('stays quiet when a task checks task performance, done or not', () => {
      for (const check of ['Run the eval suite', 'Re-evaluate', 'evaluation report', 'Benchmark latency and quality', 'accuracy within 1 point', 'Compare task performance', 'task-performance check']) {
        assert.deepEqual(only(deploying({ tasks: ['int8 quantization', check] }), 'check-after-compressing'), [], check);
      }
    });

    it('stays quiet when the stage lists evidence', () => {
      assert.deepEqual(only(deploying({ tasks: ['int8 quantization'], evidence: ['reports/eval-int8.md'] }), 'check-after-compressing'), []);
    });

    it('stays quiet when deployment has not started, or nothing is compressed', () => {
      const notStarted = lifecycle(['skipped', 'done', 'done', 'skipped', 'not-started'], { deployment: { tasks: ['int8 quantization'] } });
      assert.deepEqual(only(notStarted, 'check-after-compressing'), []);
      assert.deepEqual(only(deploying({ tasks: ['Serve behind the gateway'] }), 'check-after-compressing'), []);
    });

    it('does not take a check in the note as proof (a note states intent, a task or evidence records the check)', () => {
      assert.equal(only(deploying({ tasks: ['int8 quantization'], note: 'accuracy must hold' }), 'check-after-compressing').length, 1);
    });
  });

  describe('blocked-too-long', () => {
    const blockedSince = (dates: { blocked?: string; started?: string }): Plan => planOf([stage('eval-harness', 'blocked', dates)]);

    it('fires one day past the limit, not on it', () => {
      assert.deepEqual(keys(blockedSince({ blocked: '2026-11-24' })), []); // exactly 7 days
      assert.deepEqual(adviseOn(blockedSince({ blocked: '2026-11-23' }), OPTIONS), [
        { id: 'blocked-too-long', stageId: 'eval-harness', message: blockedTooLongMessage(8, 7) },
      ]);
      assert.equal(blockedTooLongMessage(8, 7), 'Blocked for 8 days, more than the 7 allowed: unblock it, change the plan or skip the stage.');
    });

    it('counts from the blocked date, else the start date', () => {
      assert.deepEqual(keys(blockedSince({ started: '2026-10-01', blocked: '2026-11-30' })), []);
      assert.deepEqual(keys(blockedSince({ started: '2026-10-01' })), ['blocked-too-long:eval-harness']);
      assert.deepEqual(keys(blockedSince({ started: '2026-10-01', blocked: 'soon' })), ['blocked-too-long:eval-harness']);
    });

    it('respects the configured limit, including zero', () => {
      assert.deepEqual(keys(blockedSince({ blocked: '2026-11-30' }), { blockedTooLongDays: 0 }), ['blocked-too-long:eval-harness']);
      assert.deepEqual(keys(blockedSince({ blocked: '2026-12-01' }), { blockedTooLongDays: 0 }), []);
      assert.deepEqual(keys(blockedSince({ blocked: '2026-11-01' }), { blockedTooLongDays: 30 }), []);
    });

    it('stays quiet without a date, with an unreal today, with a future date, or when the stage is not blocked', () => {
      assert.deepEqual(keys(blockedSince({})), []);
      assert.deepEqual(keys(blockedSince({ blocked: '2026-01-01' }), { today: '2026-13-01' }), []);
      assert.deepEqual(keys(blockedSince({ blocked: '2027-01-01' })), []);
      assert.deepEqual(keys(planOf([stage('eval-harness', 'in-progress', { started: '2020-01-01' })])), []);
    });

    it('reports every stage blocked too long, in file order', () => {
      const plan = planOf([stage('a', 'blocked', { blocked: '2026-01-01' }), stage('b', 'done'), stage('c', 'blocked', { started: '2026-02-01' })]);
      assert.deepEqual(keys(plan), ['blocked-too-long:a', 'blocked-too-long:c']);
    });
  });

  describe('start-next-stage', () => {
    it('offers to start the first open stage when everything before it is finished', () => {
      const plan = lifecycle(['skipped', 'done', 'not-started', 'not-started', 'not-started']);
      assert.deepEqual(only(plan, 'start-next-stage'), [
        { id: 'start-next-stage', stageId: 'fine-tuning', message: ADVICE_MESSAGES.startNextStage, action: { command: 'start', stageId: 'fine-tuning' } },
      ]);
    });

    it('says "start here" for the plan’s first stage', () => {
      const plan = planOf([stage('data', 'not-started'), stage('eval', 'not-started')]);
      assert.deepEqual(adviseOn(plan, OPTIONS).map((advice) => [advice.stageId, advice.message]), [['data', ADVICE_MESSAGES.startFirstStage]]);
    });

    it('stays quiet when the first open stage is in progress or blocked, or all are finished', () => {
      for (const status of ['in-progress', 'blocked'] as const) {
        assert.deepEqual(only(lifecycle(['skipped', 'done', status, 'not-started', 'not-started']), 'start-next-stage'), []);
      }
      assert.deepEqual(keys(lifecycle(['skipped', 'done', 'done', 'done', 'done'])), []);
    });

    it('gives way to another rule’s action on the same stage, and comes back when that one is dismissed', () => {
      const plan = planOf([stage('pre-training', 'not-started'), stage('prompt-engineering', 'not-started')], { model: { base: 'gpt2' } });
      assert.deepEqual(keys(plan), ['skip-pre-training:pre-training']);
      assert.deepEqual(keys(plan, { dismissed: new Set(['skip-pre-training:pre-training']) }), ['start-next-stage:pre-training']);
    });
  });

  describe('the list', () => {
    it('drops dismissed advice by its rule:stage key', () => {
      const plan = lifecycle(['skipped', 'done', 'done', 'not-started', 'not-started']);
      assert.deepEqual(keys(plan), ['reuse-reward-model:rlhf', 'start-next-stage:rlhf']);
      assert.deepEqual(keys(plan, { dismissed: new Set(['reuse-reward-model:rlhf']) }), ['start-next-stage:rlhf']);
      assert.deepEqual(keys(plan, { dismissed: new Set(['reuse-reward-model:deployment']) }), ['reuse-reward-model:rlhf', 'start-next-stage:rlhf']);
    });

    it('puts the most important first: blocked, compression check, prompt-first, pre-training, reward model, next stage', () => {
      const plan = planOf(
        [
          stage('pre-training', 'not-started'),
          stage('prompt-engineering', 'not-started'),
          stage('fine-tuning', 'done'),
          stage('rlhf', 'blocked', { blocked: '2026-10-01', rewardModel: { kind: 'train' } }),
          stage('deployment', 'in-progress', { tasks: ['Distil into a 1B student'] }),
        ],
        { model: { base: 'gpt2' } },
      );
      assert.deepEqual(keys(plan), [
        'blocked-too-long:rlhf',
        'check-after-compressing:deployment',
        'prompt-first:prompt-engineering',
        'skip-pre-training:pre-training',
        'reward-model-long-pole:rlhf',
      ]);
    });

    it('says each thing once when the plan repeats a stage id', () => {
      const plan = planOf([stage('x', 'blocked', { blocked: '2026-01-01' }), stage('x', 'blocked', { blocked: '2026-02-01' })]);
      assert.deepEqual(keys(plan), ['blocked-too-long:x']);
    });

    it('never puts plan text in a message', () => {
      const plan = planOf([stage('pre-training', 'not-started', { note: '<b>|x|</b>' })], { model: { base: '[link](command:x)' } });
      assert.ok(adviseOn(plan, OPTIONS).every((advice) => !advice.message.includes('link') && !advice.message.includes('<b>')));
    });
  });

  describe('the bundled example project', () => {
    it('gives no advice (its RLHF stage records the reward model it reuses), and the roll-up the README shows', () => {
      const file = path.resolve(__dirname, '..', '..', '..', 'examples', 'support-assistant', 'lifecycle.yaml');
      const result = parse(fs.readFileSync(file, 'utf8'));
      assert.ok(result.plan);
      assert.deepEqual(adviseOn(result.plan, OPTIONS), []);
      assert.equal(effortSummary(effortRollup(result.plan)), '4 stages open · up to Medium-High expertise · longest: hours to days');
      // Without its `reward-model: existing`, the plan would be advised to reuse one.
      const withoutRewardModel = parse(fs.readFileSync(file, 'utf8').replace('    reward-model: existing\n', '')).plan;
      assert.ok(withoutRewardModel);
      assert.deepEqual(adviseOn(withoutRewardModel, OPTIONS), [{ id: 'reuse-reward-model', stageId: 'rlhf', message: ADVICE_MESSAGES.reuseRewardModel }]);
    });
  });
});

describe('daysBetween', () => {
  it('counts calendar days across months, leap days and years', () => {
    assert.equal(daysBetween('2026-02-27', '2026-03-01'), 2);
    assert.equal(daysBetween('2028-02-27', '2028-03-01'), 3);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2); // a European daylight-saving weekend
    assert.equal(daysBetween('2026-12-01', '2026-11-30'), -1);
    assert.equal(daysBetween('0099-12-31', '0100-01-01'), 1);
  });

  it('is undefined for anything but real YYYY-MM-DD dates', () => {
    assert.equal(daysBetween('2026-02-30', '2026-03-01'), undefined);
    assert.equal(daysBetween('2026-03-01', 'today'), undefined);
  });
});
