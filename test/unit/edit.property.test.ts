// Property: for every generated plan and change, `edit` either refuses with a reason, or its
// result reads back with the intended value, every other field of every stage unchanged, every
// comment kept, and every line outside the edited stage byte for byte as it was.

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import { TUNING_METHODS, type PlanChange, type PlanStage } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { editSequence } from '../../src/model/planFile/editSequence';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { planSpec } from './planArbitraries';
import { renderPlan } from './planRendering';
import { fuzzing, propertyParameters } from './propertyRuns';

const TODAY = '2026-03-04';

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', '  ', 'Waiting for labels', 'a: b # c', "it's", 'line\nbreak', '- [x]', 'yes', '2026-01-01', '😀 ok', '\\"', 'tail '),
);

const change: fc.Arbitrary<PlanChange> = fc.oneof(
  fc.constantFrom(...STAGE_STATUSES).map((status): PlanChange => ({ kind: 'status', status, today: TODAY })),
  text.map((note): PlanChange => ({ kind: 'note', note })),
  text.filter((title) => title.trim() !== '').map((title): PlanChange => ({ kind: 'add-task', title })),
  fc.record({ taskIndex: fc.nat(3), done: fc.option(fc.boolean(), { nil: undefined }) }).map(({ taskIndex, done }): PlanChange => ({ kind: 'toggle-task', taskIndex, ...(done !== undefined && { done }) })),
  fc.constantFrom(...TUNING_METHODS).map((method): PlanChange => ({ kind: 'method', method })),
);

/** A stage as data, positions left out (they move with every edit). */
interface Content {
  readonly status: string;
  readonly started?: string;
  readonly tasks: readonly { readonly title: string; readonly done: boolean; readonly owner?: string }[];
  readonly [field: string]: unknown;
}

function contentOf(stage: PlanStage): Content {
  const positions = new Set(['range', 'idRange', 'statusRange', 'index']);
  return JSON.parse(JSON.stringify(stage, (key: string, value: unknown) => (positions.has(key) ? undefined : value))) as Content;
}

/** What the stage must read after `change`, worked out here independently of `edit`. */
function expectedAfter(before: Content, change: PlanChange): Content | 'refused' {
  switch (change.kind) {
    case 'status': {
      if (before.status === change.status) {
        return before;
      }
      // `blocked:` dates a block (Block Stage writes it); any other status ends the block.
      const dates = {
        'in-progress': { started: before.started ?? TODAY, completed: undefined, blocked: undefined },
        done: { completed: TODAY, blocked: undefined },
        'not-started': { started: undefined, completed: undefined, blocked: undefined },
        blocked: { blocked: TODAY },
        skipped: { blocked: undefined },
      }[change.status];
      return withoutUndefined({ ...before, status: change.status, ...dates });
    }
    case 'note':
      return withoutUndefined({ ...before, note: change.note.trim() === '' ? undefined : change.note });
    case 'add-task':
      return { ...before, tasks: [...before.tasks, { title: change.title, done: false }] };
    case 'method':
      // Built-in stages other than fine-tuning and RLHF ignore a method, with a warning: the edit would add a problem.
      return before.builtIn === true && before.id !== 'fine-tuning' && before.id !== 'rlhf' ? 'refused' : { ...before, method: change.method };
    case 'toggle-task': {
      const task = before.tasks[change.taskIndex];
      if (!task) {
        return 'refused';
      }
      return { ...before, tasks: before.tasks.map((other, index) => (index === change.taskIndex ? { ...task, done: change.done ?? !task.done } : other)) };
    }
  }
}

function withoutUndefined(content: Content): Content {
  return JSON.parse(JSON.stringify(content)) as Content;
}

/** Lines with their line breaks, so that a changed break counts as a changed line. */
function linesOf(source: string): string[] {
  return source.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/** The lines an edit changed: [first, end) in `before` and [first, afterEnd) in `after` (empty for a pure insertion). */
function changedLines(before: string, after: string): [number, number, number] {
  const [old, now] = [linesOf(before), linesOf(after)];
  let prefix = 0;
  while (prefix < old.length && prefix < now.length && old[prefix] === now[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < now.length - prefix && old[old.length - 1 - suffix] === now[now.length - 1 - suffix]) {
    suffix++;
  }
  return [prefix, old.length - suffix, now.length - suffix];
}

function lineBreakOf(line: string): string {
  return /\r\n$|\n$|\r$/.exec(line)?.[0] ?? '';
}

/** New and changed lines end as the lines around them did: a LF file gains no CRLF, and the reverse. */
function assertLineEndings(before: string, after: string, [first, end, afterEnd]: [number, number, number]): void {
  const [old, now] = [linesOf(before), linesOf(after)];
  const nearby = new Set(old.slice(Math.max(first - 1, 0), Math.max(end, first + 1)).map(lineBreakOf));
  if (end >= old.length) {
    nearby.add((before.match(/\r\n/g) ?? []).length * 2 > (before.match(/\n/g) ?? []).length ? '\r\n' : '\n');
  }
  now.slice(first, afterEnd).forEach((line, at) => {
    const lineBreak = lineBreakOf(line);
    const lastOfFile = first + at === now.length - 1;
    assert.ok(nearby.has(lineBreak) || (lastOfFile && lineBreak === ''), `line ${first + at} ends with ${JSON.stringify(lineBreak)}, not as the lines around it`);
  });
}

function comments(source: string): string[] {
  return (source.match(/#@\d+@/g) ?? []).sort();
}

const stats = { accepted: 0, refused: 0, reasons: new Map<string, number>() };

/**
 * The one refusal a possible change may get: removing the last line of a file without a final
 * break right after a `|+` scalar would either change the scalar or add a final break.
 */
function unavoidableRefusal(source: string, reason: string): boolean {
  return !/[\r\n]$/.test(source) && /[|>][1-9]?\+/.test(source) && /would read differently/.test(reason);
}

function checkChange(source: string, stageIndex: number, change: PlanChange, strict = false): void {
  const before = parse(source);
  const stages = before.plan?.stages ?? [];
  assert.deepEqual(before.diagnostics, [], 'the generated plan is valid');
  const stage = stages[stageIndex % stages.length];
  const result = edit(source, stage.id, change);
  const expected = expectedAfter(contentOf(stage), change);
  if (!result.ok) {
    assert.ok(result.reason.length > 0, 'a refusal says why');
    assert.ok(!strict || expected === 'refused' || unavoidableRefusal(source, result.reason), `a possible change is made: ${result.reason}`);
    stats.refused++;
    const reason = result.reason.replace(/"[^"]*"|\d+/g, '…');
    stats.reasons.set(reason, (stats.reasons.get(reason) ?? 0) + 1);
    return;
  }
  assert.notEqual(expected, 'refused', 'an impossible change is refused');
  stats.accepted++;
  const output = applyEdits(source, result.edits);
  const after = parse(output);
  assert.deepEqual(after.diagnostics, [], 'the result is a valid plan');
  assert.equal(after.plan?.project, before.plan?.project);
  assert.deepEqual(
    after.plan?.stages.map(contentOf),
    stages.map((other) => (other === stage ? expected : contentOf(other))),
    'the intended value reads back, and nothing else changed',
  );
  assert.deepEqual(comments(output), comments(source), 'every comment is kept');
  assert.equal(/[\r\n]$/.test(output), /[\r\n]$/.test(source), 'a final line break is neither gained nor lost');
  assert.equal(output.startsWith('\uFEFF'), source.startsWith('\uFEFF'), 'a BOM stays');
  if (output === source) {
    return;
  }
  const changed = changedLines(source, output);
  assertLineEndings(source, output, changed);
  const [first, end] = changed;
  const next = stages[stages.indexOf(stage) + 1];
  const lastAllowed = next && next.range.start.line > stage.range.start.line ? next.range.start.line - 1 : linesOf(source).length - 1;
  assert.ok(first >= stage.range.start.line && end - 1 <= lastAllowed && first <= lastAllowed + 1, `only the stage's lines change (lines ${first}..${end - 1})`);
}

/** Several changes as one edit set (one undo step): the same as making them one after another. */
function checkSequence(source: string, steps: readonly (readonly [number, PlanChange])[]): void {
  const stages = parse(source).plan?.stages ?? [];
  const planned = steps.map(([index, change]) => ({ stageId: stages[index % stages.length].id, change }));
  const expected = new Map<string, Content | 'refused'>(stages.map((stage) => [stage.id, contentOf(stage)]));
  for (const { stageId, change } of planned) {
    const current = expected.get(stageId) ?? 'refused';
    expected.set(stageId, current === 'refused' ? current : expectedAfter(current, change));
  }
  const result = editSequence(source, planned);
  if (!result.ok) {
    assert.ok(result.reason.length > 0, 'a refusal says why');
    return;
  }
  assert.ok(![...expected.values()].includes('refused'), 'a sequence with an impossible step is refused');
  const output = applyEdits(source, result.edits);
  const after = parse(output);
  assert.deepEqual(after.diagnostics, [], 'the result is a valid plan');
  assert.deepEqual(after.plan?.stages.map(contentOf), stages.map((stage) => expected.get(stage.id)), 'every step reads back, and nothing else changed');
  assert.deepEqual(comments(output), comments(source), 'every comment is kept');
  assert.equal(/[\r\n]$/.test(output), /[\r\n]$/.test(source), 'a final line break is neither gained nor lost');
}

describe('edit properties', function () {
  this.timeout(fuzzing() ? 0 : 10_000);

  after(() => {
    if (fuzzing()) {
      console.log(`      accepted ${stats.accepted}, refused ${stats.refused}:`, [...stats.reasons].sort((a, b) => b[1] - a[1]).slice(0, 8));
    }
  });

  it('an edit is refused with a reason, or reads back exactly as intended with everything else as it was', () => {
    const property = fc.property(planSpec, fc.nat(), change, (spec, stageIndex, planChange) => checkChange(renderPlan(spec), stageIndex, planChange));
    fc.assert(property, propertyParameters('edit reads back as intended', 150));
  });

  it('refuses a possible change only where keeping every value and the final line break cannot both be done', () => {
    const property = fc.property(planSpec, fc.nat(), change, (spec, stageIndex, planChange) => checkChange(renderPlan(spec), stageIndex, planChange, true));
    fc.assert(property, propertyParameters('edit makes every possible change', 150));
  });

  it('several changes in one edit set read back as if made one after another', () => {
    const steps = fc.array(fc.tuple(fc.nat(), change), { minLength: 2, maxLength: 3 });
    fc.assert(
      fc.property(planSpec, steps, (spec, planned) => checkSequence(renderPlan(spec), planned)),
      propertyParameters('edit sequences read back as made one by one', 100),
    );
  });
});
