// Changes planned from a reading the caller already has: rounds of steps, one parse per round
// (the check's, which is also the reading of the new text), and the same text as changing the
// stages one step at a time, as editSequence did before rounds.

import * as assert from 'node:assert/strict';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import type { PlanChange, PlanEditStep } from '../../src/model/domain/types';
import { edit, editRounds, planRound } from '../../src/model/planFile/edit';
import { editReading, editSequence } from '../../src/model/planFile/editSequence';
import { analyzePlan, parse } from '../../src/model/planFile/parse';
import { applyEdits, mapToOriginal, sortEdits, spanDiff } from '../../src/model/planFile/textEdits';
import type { EditResult, TextEdit } from '../../src/model/planFile/types';
import { countParses, lines, pick, seededRandom } from './helpers';

const DAY = '2026-03-04';

/** editSequence as it was: each step read, planned and checked on the text the previous one made. */
function stepByStep(text: string, steps: readonly PlanEditStep[]): EditResult {
  let current = text;
  let combined: TextEdit[] = [];
  let mappable = true;
  for (const step of steps) {
    const result = edit(current, step.stageId, step.change);
    if (!result.ok) {
      return result;
    }
    if (mappable) {
      const mapped = result.edits.map((textEdit) => mapToOriginal(textEdit, combined));
      if (mapped.every((textEdit): textEdit is TextEdit => textEdit !== undefined)) {
        combined = sortEdits([...combined, ...mapped]);
      } else {
        mappable = false;
      }
    }
    current = applyEdits(current, result.edits);
  }
  return { ok: true, edits: mappable ? combined : spanDiff(text, current) };
}

/** Runs `run` and counts the analyzePlan calls it makes. */
function countingParses<T>(run: () => T): { value: T; parses: number } {
  const counter = countParses();
  try {
    const value = run();
    return { value, parses: counter.count() };
  } finally {
    counter.restore();
  }
}

const LAYOUTS: readonly string[] = [
  lines(
    'version: 1',
    'stages:',
    '  - id: pre-training',
    '    status: skipped # not needed',
    '  - id: prompt-engineering',
    '    status: done',
    '    started: 2026-01-01',
    '    completed: 2026-01-09',
    '  - id: fine-tuning',
    '    status: in-progress',
    '    started: 2026-01-10',
    '    note: LoRA first',
    '    tasks:',
    '      - title: Collect data',
    '        done: true',
    '      - {title: Train}',
    '  - id: rlhf',
    '  - id: deployment',
    '    status: blocked',
  ),
  lines(
    'version: 1',
    'stages:',
    '- {id: pre-training, status: done, started: 2026-01-01, completed: 2026-01-02}',
    '- {id: fine-tuning, tasks: [{title: a}]}',
    '- id: rlhf',
    '  status: not-started',
    '- {id: deployment}',
  ),
  lines('version: 1', 'stages:', '  - started: 2026-01-01 # kickoff', '    id: fine-tuning', '    status: in-progress', '  - id: rlhf', '    note: |+', '      keep', '', '  - id: deployment'),
  'version: 1\r\nstages:\r\n  - id: fine-tuning\r\n    status: done\r\n    completed: 2026-02-02\r\n  - id: rlhf\r\n    status: not-started',
];

const STAGE_IDS = ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment'];

function randomChange(random: () => number): PlanChange {
  const kind = random();
  if (kind < 0.6) {
    return { kind: 'status', status: pick(random, STAGE_STATUSES), today: DAY };
  }
  if (kind < 0.75) {
    return { kind: 'note', note: pick(random, ['', 'Waiting: data #2', 'plain note']) };
  }
  if (kind < 0.9) {
    return { kind: 'add-task', title: pick(random, ['x', 'Evaluate: "quality"']) };
  }
  return { kind: 'toggle-task', taskIndex: 0 };
}

describe('edit rounds', () => {
  it('groups consecutive steps on distinct stages, and starts a round when a stage comes again', () => {
    const step = (stageId: string): PlanEditStep => ({ stageId, change: { kind: 'status', status: 'done' } });
    const ids = (rounds: PlanEditStep[][]): string[][] => rounds.map((round) => round.map((entry) => entry.stageId));
    assert.deepEqual(ids(editRounds([])), []);
    assert.deepEqual(ids(editRounds([step('a'), step('b')])), [['a', 'b']]);
    assert.deepEqual(ids(editRounds([step('a'), step('a')])), [['a'], ['a']]);
    assert.deepEqual(ids(editRounds([step('a'), step('b'), step('b'), step('a'), step('c')])), [['a', 'b'], ['b', 'a', 'c']]);
  });

  it('a status change from a reading parses once, and that parse is the reading of the new text', () => {
    const text = LAYOUTS[0];
    const before = { text, analysis: analyzePlan(text) };
    const { value: result, parses } = countingParses(() => editReading(before, [{ stageId: 'rlhf', change: { kind: 'status', status: 'in-progress', today: DAY } }]));
    assert.equal(parses, 1);
    assert.ok(result.ok && result.after);
    assert.equal(result.after.text, applyEdits(text, result.edits));
    assert.deepEqual(result.after.analysis.plan, parse(result.after.text).plan);
    assert.equal(result.after.analysis.plan?.stages.find((stage) => stage.id === 'rlhf')?.status, 'in-progress');
  });

  it('advancing (two stages) parses once; blocking with a reason (one stage twice) parses twice', () => {
    const text = LAYOUTS[0];
    const before = { text, analysis: analyzePlan(text) };
    const advance = countingParses(() =>
      editReading(before, [
        { stageId: 'fine-tuning', change: { kind: 'status', status: 'done', today: DAY } },
        { stageId: 'rlhf', change: { kind: 'status', status: 'in-progress', today: DAY } },
      ]),
    );
    assert.ok(advance.value.ok);
    assert.equal(advance.parses, 1);
    const block = countingParses(() =>
      editReading(before, [
        { stageId: 'rlhf', change: { kind: 'status', status: 'blocked' } },
        { stageId: 'rlhf', change: { kind: 'note', note: 'Waiting for labels' } },
      ]),
    );
    assert.ok(block.value.ok);
    assert.equal(block.parses, 2);
  });

  it('planning the splices parses nothing; nothing to change parses nothing', () => {
    const text = LAYOUTS[0];
    const before = { text, analysis: analyzePlan(text) };
    const planned = countingParses(() => planRound(before, [{ stageId: 'rlhf', change: { kind: 'status', status: 'blocked', today: '2026-01-02' } }]));
    assert.equal(planned.parses, 0);
    assert.ok(planned.value.ok);
    assert.equal(planned.value.text, text.replace('  - id: rlhf\n', '  - id: rlhf\n    status: blocked\n    blocked: 2026-01-02\n'));
    const unchanged = countingParses(() => editReading(before, [{ stageId: 'deployment', change: { kind: 'status', status: 'blocked' } }]));
    assert.equal(unchanged.parses, 0);
    assert.deepEqual(unchanged.value, { ok: true, edits: [], after: undefined });
  });

  it('refuses what the plan cannot take, as a reason and never an exception', () => {
    const before = { text: LAYOUTS[0], analysis: analyzePlan(LAYOUTS[0]) };
    const missing = editReading(before, [{ stageId: 'nope', change: { kind: 'status', status: 'done' } }]);
    assert.equal(missing.ok, false);
    const broken = editReading({ text: 'stages: [', analysis: analyzePlan('stages: [') }, [{ stageId: 'rlhf', change: { kind: 'status', status: 'done' } }]);
    assert.equal(broken.ok, false);
  });

  it('gives the same text as changing one step at a time, on every layout (seeded)', () => {
    const random = seededRandom(20260304);
    let compared = 0;
    for (let run = 0; run < 400; run++) {
      const text = pick(random, LAYOUTS);
      const steps: PlanEditStep[] = [];
      const count = 1 + Math.floor(random() * 3);
      for (let index = 0; index < count; index++) {
        steps.push({ stageId: pick(random, STAGE_IDS), change: randomChange(random) });
      }
      const expected = stepByStep(text, steps);
      const actual = editSequence(text, steps);
      const label = JSON.stringify({ text, steps });
      assert.equal(actual.ok, expected.ok, `${label}: ${actual.ok ? '' : actual.reason} / ${expected.ok ? '' : expected.reason}`);
      if (actual.ok && expected.ok) {
        assert.equal(applyEdits(text, actual.edits), applyEdits(text, expected.edits), label);
        compared++;
      }
    }
    assert.ok(compared > 150, `enough sequences went through (${compared})`);
  });
});
