import * as assert from 'node:assert/strict';
import { adviseOn } from '../../src/model/domain/advice';
import { escapeTableCell, statusReport } from '../../src/model/presentation/statusReport';
import { lines } from './helpers';
import { planOf, stage } from './planFactory';

const DATE = '2026-12-01';

/** Every column the report has, a custom stage with awkward text, and one piece of advice per kind of row. */
const PLAN = planOf(
  [
    stage('pre-training', 'skipped'),
    stage('prompt-engineering', 'done', { owner: 'sam', started: '2026-11-02', completed: '2026-11-12', tasks: [{ title: 'Baselines', done: true }] }),
    stage('fine-tuning', 'in-progress', { owner: 'dana', started: '2026-11-20', tasks: [{ title: 'Collect data', done: true }, 'Train LoRA', 'Eval'], evidence: ['reports/*.md', 'model-card.md'] }),
    stage('rlhf', 'not-started', { evidence: ['reports/rlhf.md'] }),
    stage('eval-harness', 'blocked', { title: 'Eval | harness\nv2', owner: 'lee\\ops', started: '2026-11-01', effort: { expertise: 'Medium', trainingDuration: 'Whenever' } }),
  ],
  { project: 'support-assistant' },
);

describe('status report', () => {
  it('reads exactly like this for a fixture plan and date', () => {
    const advice = adviseOn(PLAN, { today: DATE, blockedTooLongDays: 14 });
    const evidence = new Map([['fine-tuning', [{ pattern: 'reports/*.md', found: true }, { pattern: 'model-card.md', found: false }]]]);
    assert.equal(
      statusReport(PLAN, DATE, { advice, evidence }),
      lines(
        '# Lifecycle status report',
        '',
        '| Project | Date | Progress |',
        '| --- | --- | --- |',
        '| support-assistant | 2026-12-01 | 2 of 5 stages finished |',
        '',
        '## Stages',
        '',
        '| Stage | Status | Owner | Started | Completed | Tasks done | Evidence found |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| Pre-training | Skipped | — | — | — | — | — |',
        '| Prompt engineering | Done | sam | 2026-11-02 | 2026-11-12 | 1/1 | — |',
        '| Prompt tuning and fine-tuning | In progress | dana | 2026-11-20 | — | 1/3 | 1/2 |',
        '| Reinforcement learning / human feedback | Not started | — | — | — | — | not checked |',
        '| Eval \\| harness v2 | Blocked | lee\\\\ops | 2026-11-01 | — | — | — |',
        '',
        '## Advice',
        '',
        '| Stage | Advice | Suggested action |',
        '| --- | --- | --- |',
        '| Eval \\| harness v2 | Blocked for 30 days, more than the 14 allowed: unblock it, change the plan or skip the stage. | — |',
        '| Reinforcement learning / human feedback | No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training. | — |',
        '',
        '## Effort still ahead',
        '',
        '3 stages open · up to Medium-High expertise · longest: minutes to hours',
        '',
        '| Open stage | Expertise | Training duration |',
        '| --- | --- | --- |',
        '| Prompt tuning and fine-tuning | Medium | Minutes to hours |',
        '| Reinforcement learning / human feedback | Medium-High | Minutes to hours |',
        '| Eval \\| harness v2 | Medium | not ranked |',
      ),
    );
  });

  it('says so when there is no project name, no stage, no advice and nothing open', () => {
    assert.equal(
      statusReport(planOf([]), DATE, { advice: [] }),
      lines(
        '# Lifecycle status report',
        '',
        '| Project | Date | Progress |',
        '| --- | --- | --- |',
        '| — | 2026-12-01 | 0 of 0 stages finished |',
        '',
        '## Stages',
        '',
        'The plan has no stages.',
        '',
        '## Advice',
        '',
        'Nothing to advise right now.',
        '',
        '## Effort still ahead',
        '',
        'All stages finished',
      ),
    );
  });

  it('names the suggested action and the stage it acts on', () => {
    const plan = planOf([stage('pre-training', 'not-started'), stage('prompt-engineering', 'not-started')], { model: { base: 'gpt2' } });
    const report = statusReport(plan, DATE, { advice: adviseOn(plan, { today: DATE, blockedTooLongDays: 7 }) });
    assert.ok(report.includes('| Pre-training | The plan builds on an existing foundation model, so pre-training can most likely be skipped. | Skip Pre-training |\n'), report);
  });

  describe('escapeTableCell', () => {
    it('keeps a cell on one line and its pipes inside it', () => {
      assert.equal(escapeTableCell('a | b'), 'a \\| b');
      assert.equal(escapeTableCell('line one\r\n  line two\nthree'), 'line one line two three');
      assert.equal(escapeTableCell('a\\|b'), 'a\\\\\\|b');
      assert.equal(escapeTableCell('plain text'), 'plain text');
    });
  });
});
