import * as assert from 'node:assert/strict';
import { localToday } from '../../src/model/domain/dates';
import type { StageStatus } from '../../src/model/domain/statuses';
import type { PlanChange } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import type { EditResult, TextEdit } from '../../src/model/planFile/types';
import { lines } from './helpers';

const TODAY = '2026-12-01';

interface EditCase {
  readonly name: string;
  readonly input: string;
  readonly stageId: string;
  readonly change: PlanChange;
  readonly expected: string;
}

function status(value: StageStatus): PlanChange {
  return { kind: 'status', status: value, today: TODAY };
}

function edited(input: string, stageId: string, change: PlanChange): { result: EditResult; output: string } {
  const result = edit(input, stageId, change);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return { result, output: applyEdits(input, result.edits) };
}

/** Edits must be sorted, disjoint and not even touching (touching ones are merged). */
function assertWellFormed(edits: readonly TextEdit[], textLength: number): void {
  let previousEnd: number | undefined;
  for (const textEdit of edits) {
    assert.ok(previousEnd === undefined ? textEdit.start >= 0 : textEdit.start > previousEnd, 'sorted and disjoint');
    assert.ok(textEdit.end >= textEdit.start && textEdit.end <= textLength, 'inside the text');
    previousEnd = textEdit.end;
  }
}

const CASES: readonly EditCase[] = [
  {
    name: 'comments everywhere; done sets completed after started; trailing comment kept',
    input: lines(
      '# Lifecycle plan',
      'version: 1 # format',
      'project: demo',
      'stages:',
      '  # The first stage',
      '  - id: fine-tuning # built-in',
      '    # who',
      '    owner: dana',
      '    status: in-progress # LoRA first',
      '    started: 2026-11-20 # kickoff',
      '    # tasks next',
      '    tasks:',
      '      - title: Collect data # c',
      '        done: false',
      '# end',
    ),
    stageId: 'fine-tuning',
    change: status('done'),
    expected: lines(
      '# Lifecycle plan',
      'version: 1 # format',
      'project: demo',
      'stages:',
      '  # The first stage',
      '  - id: fine-tuning # built-in',
      '    # who',
      '    owner: dana',
      '    status: done # LoRA first',
      '    started: 2026-11-20 # kickoff',
      '    completed: 2026-12-01',
      '    # tasks next',
      '    tasks:',
      '      - title: Collect data # c',
      '        done: false',
      '# end',
    ),
  },
  {
    name: "single-quoted status keeps its quotes; in-progress adds started",
    input: lines('version: 1', 'stages:', '  - id: rlhf', "    status: 'not-started' # next", '    owner: sam'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', "    status: 'in-progress' # next", '    started: 2026-12-01', '    owner: sam'),
  },
  {
    name: 'double-quoted status keeps its quotes and the aligned trailing comment',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status: "blocked"   # waiting on data', '    note: x'),
    stageId: 'rlhf',
    change: status('done'),
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    status: "done"   # waiting on data',
      '    completed: 2026-12-01',
      '    note: x',
    ),
  },
  {
    name: 'wide indentation (`-   id`), missing status: inserted after the id line',
    input: lines('version: 1', 'stages:', '    -   id: rlhf', '        note: Reuse a reward model'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines(
      'version: 1',
      'stages:',
      '    -   id: rlhf',
      '        status: in-progress',
      '        started: 2026-12-01',
      '        note: Reuse a reward model',
    ),
  },
  {
    name: 'indentless sequences: a new tasks list follows the file style',
    input: lines('version: 1', 'stages:', '- id: rlhf', '  status: done', '- id: deployment'),
    stageId: 'rlhf',
    change: { kind: 'add-task', title: 'Reuse the reward model' },
    expected: lines(
      'version: 1',
      'stages:',
      '- id: rlhf',
      '  status: done',
      '  tasks:',
      '  - title: Reuse the reward model',
      '    done: false',
      '- id: deployment',
    ),
  },
  {
    name: 'CRLF: not-started removes both date lines with their CRLF',
    input: 'version: 1\r\nstages:\r\n  - id: rlhf\r\n    status: done\r\n    started: 2026-01-01\r\n    completed: 2026-01-05\r\n    note: x\r\n',
    stageId: 'rlhf',
    change: status('not-started'),
    expected: 'version: 1\r\nstages:\r\n  - id: rlhf\r\n    status: not-started\r\n    note: x\r\n',
  },
  {
    name: 'CRLF: inserted lines use CRLF',
    input: 'version: 1\r\nstages:\r\n  - id: rlhf\r\n    status: blocked\r\n',
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: 'version: 1\r\nstages:\r\n  - id: rlhf\r\n    status: in-progress\r\n    started: 2026-12-01\r\n',
  },
  {
    name: 'flow mapping stage: edits stay inside the braces',
    input: lines('version: 1', 'stages:', '  - {id: rlhf, status: done, completed: 2026-01-01}  # compact', '  - id: deployment'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines('version: 1', 'stages:', '  - {id: rlhf, status: in-progress, started: 2026-12-01}  # compact', '  - id: deployment'),
  },
  {
    name: 'flow sequence of flow maps: a missing status goes before the closing brace',
    input: lines('version: 1', 'stages: [{id: pre-training, status: skipped}, { id: rlhf }]'),
    stageId: 'rlhf',
    change: status('done'),
    expected: lines('version: 1', 'stages: [{id: pre-training, status: skipped}, { id: rlhf, status: done, completed: 2026-12-01 }]'),
  },
  {
    name: 'missing tasks: created with the indentation other stages use (4 spaces)',
    input: lines(
      'version: 1',
      'stages:',
      '    - id: fine-tuning',
      '      status: in-progress',
      '    - id: rlhf',
      '      tasks:',
      '          - title: Existing',
      '            done: true',
    ),
    stageId: 'fine-tuning',
    change: { kind: 'add-task', title: 'Evaluate: baseline' },
    expected: lines(
      'version: 1',
      'stages:',
      '    - id: fine-tuning',
      '      status: in-progress',
      '      tasks:',
      '          - title: "Evaluate: baseline"',
      '            done: false',
      '    - id: rlhf',
      '      tasks:',
      '          - title: Existing',
      '            done: true',
    ),
  },
  {
    name: 'directive, document start and end markers stay',
    input: lines('%YAML 1.2', '---', 'version: 1', 'stages:', '  - id: rlhf', '    status: not-started', '...'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines('%YAML 1.2', '---', 'version: 1', 'stages:', '  - id: rlhf', '    status: in-progress', '    started: 2026-12-01', '...'),
  },
  {
    name: 'a BOM stays and offsets account for it',
    input: '\uFEFFversion: 1\nstages:\n  - id: rlhf\n    status: done\n',
    stageId: 'rlhf',
    change: status('blocked'),
    expected: '\uFEFFversion: 1\nstages:\n  - id: rlhf\n    status: blocked\n    blocked: 2026-12-01\n',
  },
  {
    name: 'blank lines and comments between stages: inserts stay inside the stage',
    input: lines(
      'version: 1',
      'stages:',
      '  - id: pre-training',
      '    status: skipped',
      '',
      '  # next up',
      '  - id: prompt-engineering',
      '    status: not-started',
      '',
      '  - id: fine-tuning',
    ),
    stageId: 'prompt-engineering',
    change: status('done'),
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: pre-training',
      '    status: skipped',
      '',
      '  # next up',
      '  - id: prompt-engineering',
      '    status: done',
      '    completed: 2026-12-01',
      '',
      '  - id: fine-tuning',
    ),
  },
  {
    name: 'status as the last key of the last stage, no final line break',
    input: 'version: 1\nstages:\n  - id: deployment\n    owner: ops\n    status: not-started',
    stageId: 'deployment',
    change: status('in-progress'),
    expected: 'version: 1\nstages:\n  - id: deployment\n    owner: ops\n    status: in-progress\n    started: 2026-12-01',
  },
  {
    name: 'a date key on the dash line is removed by pulling the next key up',
    input: lines('version: 1', 'stages:', '  - completed: 2026-01-05', '    id: rlhf', '    status: done'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: in-progress', '    started: 2026-12-01'),
  },
  {
    name: 'a tagged status keeps its tag; an empty started value is filled in',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status: !!str blocked', '    started:', '    note: n'),
    stageId: 'rlhf',
    change: status('in-progress'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: !!str in-progress', '    started: 2026-12-01', '    note: n'),
  },
  {
    name: 'an empty status value is filled in',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status:', '    note: n'),
    stageId: 'rlhf',
    change: status('done'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '    completed: 2026-12-01', '    note: n'),
  },
  {
    name: 'an unknown status is replaced',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status: donee # typo'),
    stageId: 'rlhf',
    change: status('not-started'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: not-started # typo'),
  },
  {
    name: 'done replaces an existing completed date in place',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', "    completed: '2025-01-01' # old"),
    stageId: 'rlhf',
    change: status('done'),
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', "    completed: '2026-12-01' # old"),
  },
  {
    name: 'note: inserted after status, quoted when `: ` and `#` would change its meaning',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '    owner: sam'),
    stageId: 'rlhf',
    change: { kind: 'note', note: 'Reward model: reuse #2' },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '    note: "Reward model: reuse #2"', '    owner: sam'),
  },
  {
    name: 'note: replacing keeps single quotes, escaping the apostrophe',
    input: lines('version: 1', 'stages:', '  - id: rlhf', "    note: 'old' # keep me"),
    stageId: 'rlhf',
    change: { kind: 'note', note: "it's new" },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', "    note: 'it''s new' # keep me"),
  },
  {
    name: 'note: a block scalar becomes one double-quoted line',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    note: |', '      first', '      second', '    owner: sam'),
    stageId: 'rlhf',
    change: { kind: 'note', note: 'one\ntwo' },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    note: "one\\ntwo"', '    owner: sam'),
  },
  {
    name: 'note: an empty note removes the key',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    note: gone soon', '    status: done'),
    stageId: 'rlhf',
    change: { kind: 'note', note: '' },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done'),
  },
  {
    name: 'toggle-task: flips the done scalar, keeping its comment',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - title: a', '        done: false  # todo'),
    stageId: 'rlhf',
    change: { kind: 'toggle-task', taskIndex: 0 },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - title: a', '        done: true  # todo'),
  },
  {
    name: 'toggle-task: inserts done after the title, in the task indentation',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - title: a', '        owner: kim', '      - title: b'),
    stageId: 'rlhf',
    change: { kind: 'toggle-task', taskIndex: 1 },
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    tasks:',
      '      - title: a',
      '        owner: kim',
      '      - title: b',
      '        done: true',
    ),
  },
  {
    name: 'toggle-task: a flow task gets `, done: true` before its brace',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - {title: a, done: true}', '      - {title: b}'),
    stageId: 'rlhf',
    change: { kind: 'toggle-task', taskIndex: 1, done: true },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - {title: a, done: true}', '      - {title: b, done: true}'),
  },
  {
    name: 'toggle-task: the index skips entries parse dropped, like parse does',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - not a task', '      - title: real', '        done: true'),
    stageId: 'rlhf',
    change: { kind: 'toggle-task', taskIndex: 0 },
    expected: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - not a task', '      - title: real', '        done: false'),
  },
  {
    name: 'add-task: appended after the last task in its style',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '    -   title: a', '        done: true', '    # more soon', '  - id: deployment'),
    stageId: 'rlhf',
    change: { kind: 'add-task', title: 'yes' },
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    tasks:',
      '    -   title: a',
      '        done: true',
      '    -   title: "yes"',
      '        done: false',
      '    # more soon',
      '  - id: deployment',
    ),
  },
  {
    name: 'add-task: flow task lists stay flow',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks: [{title: a, done: true}]', '  - id: deployment', '    tasks: [ ]'),
    stageId: 'deployment',
    change: { kind: 'add-task', title: 'Quantize, then measure' },
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    tasks: [{title: a, done: true}]',
      '  - id: deployment',
      '    tasks: [{title: "Quantize, then measure", done: false} ]',
    ),
  },
  {
    name: 'add-task: flow items in a block list, and an empty `tasks:` key',
    input: lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - {title: a, done: true}', '  - id: deployment', '    tasks:   # none yet'),
    stageId: 'rlhf',
    change: { kind: 'add-task', title: 'b' },
    expected: lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    tasks:',
      '      - {title: a, done: true}',
      '      - {title: b, done: false}',
      '  - id: deployment',
      '    tasks:   # none yet',
    ),
  },
  {
    name: 'add-task: fills an empty `tasks:` key on its next line',
    input: lines('version: 1', 'stages:', '  - id: deployment', '    tasks:   # none yet', '    status: done'),
    stageId: 'deployment',
    change: { kind: 'add-task', title: 'Quantize' },
    expected: lines('version: 1', 'stages:', '  - id: deployment', '    tasks:   # none yet', '      - title: Quantize', '        done: false', '    status: done'),
  },
  {
    name: 'add-task: a flow stage gets a flow tasks list',
    input: lines('version: 1', 'stages: [{id: rlhf, status: done}]'),
    stageId: 'rlhf',
    change: { kind: 'add-task', title: 'a' },
    expected: lines('version: 1', 'stages: [{id: rlhf, status: done, tasks: [{title: a, done: false}]}]'),
  },
];

describe('edit', () => {
  describe('produces exactly the expected text', () => {
    for (const testCase of CASES) {
      it(testCase.name, () => {
        const { result, output } = edited(testCase.input, testCase.stageId, testCase.change);
        assert.equal(output, testCase.expected);
        assert.ok(result.ok);
        assertWellFormed(result.edits, testCase.input.length);
        assert.deepEqual(
          parse(output).diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
          parse(testCase.input).diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.code !== 'unknown-status'),
        );
      });
    }
  });

  describe('minimal edits', () => {
    it('a status change on a block stage touches only the status scalar', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked # why', '  - id: deployment');
      const result = edit(input, 'rlhf', status('skipped'));
      assert.ok(result.ok);
      const start = input.indexOf('blocked');
      assert.deepEqual(result.edits, [{ start, end: start + 'blocked'.length, newText: 'skipped' }]);
    });

    it('setting the same status is a no-op', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', "    status: 'done'", '  - id: deployment');
      assert.deepEqual(edit(input, 'rlhf', status('done')), { ok: true, edits: [] });
      assert.deepEqual(edit(input, 'deployment', status('not-started')), { ok: true, edits: [] }, 'no status means not-started');
    });

    it('the same note, task state or done value is a no-op', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', '    note: same', '    tasks:', '      - title: a', '        done: true', '      - title: b');
      assert.deepEqual(edit(input, 'rlhf', { kind: 'note', note: 'same' }), { ok: true, edits: [] });
      assert.deepEqual(edit(input, 'rlhf', { kind: 'toggle-task', taskIndex: 0, done: true }), { ok: true, edits: [] });
      assert.deepEqual(edit(input, 'rlhf', { kind: 'toggle-task', taskIndex: 1, done: false }), { ok: true, edits: [] });
    });

    it('edits the first stage when an id is duplicated, as parse shows it', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '  - id: rlhf', '    status: done');
      const { output } = edited(input, 'rlhf', status('blocked'));
      assert.equal(output, lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', '    blocked: 2026-12-01', '  - id: rlhf', '    status: done'));
    });
  });

  describe('status dates', () => {
    const base = lines('version: 1', 'stages:', '  - id: rlhf', '    status: in-progress', '    started: 2026-01-01');

    it('skipped leaves dates alone', () => {
      const { output } = edited(base, 'rlhf', status('skipped'));
      assert.equal(output, base.replace('in-progress', 'skipped'));
    });

    it('blocked keeps started and adds the blocked date after the other dates', () => {
      assert.equal(edited(base, 'rlhf', status('blocked')).output, `${base.replace('in-progress', 'blocked')}    blocked: 2026-12-01\n`);
      const done = lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '    started: 2026-01-01', '    completed: 2026-01-05', '    owner: sam');
      assert.equal(
        edited(done, 'rlhf', status('blocked')).output,
        lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', '    started: 2026-01-01', '    completed: 2026-01-05', '    blocked: 2026-12-01', '    owner: sam'),
      );
      const fresh = lines('version: 1', 'stages:', '  - id: rlhf', '    owner: sam');
      assert.equal(edited(fresh, 'rlhf', status('blocked')).output, lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', '    blocked: 2026-12-01', '    owner: sam'));
    });

    it('blocked replaces a stale blocked date in place, keeping its quotes and comment', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', '    status: skipped', "    blocked: '2025-01-01' # old");
      assert.equal(edited(input, 'rlhf', status('blocked')).output, lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', "    blocked: '2026-12-01' # old"));
    });

    it('every status but blocked removes the blocked date', () => {
      const blocked = lines('version: 1', 'stages:', '  - id: rlhf', '    status: blocked', '    started: 2026-01-01', '    blocked: 2026-02-01', '    note: n');
      const without = (...middle: string[]): string => lines('version: 1', 'stages:', '  - id: rlhf', ...middle, '    note: n');
      assert.equal(edited(blocked, 'rlhf', status('in-progress')).output, without('    status: in-progress', '    started: 2026-01-01'));
      assert.equal(edited(blocked, 'rlhf', status('done')).output, without('    status: done', '    started: 2026-01-01', '    completed: 2026-12-01'));
      assert.equal(edited(blocked, 'rlhf', status('skipped')).output, without('    status: skipped', '    started: 2026-01-01'));
      assert.equal(edited(blocked, 'rlhf', status('not-started')).output, without('    status: not-started'));
    });

    it('blocked dates work in flow style too', () => {
      const input = lines('version: 1', 'stages: [{id: rlhf, status: in-progress, started: 2026-01-01}]');
      const blocked = edited(input, 'rlhf', status('blocked')).output;
      assert.equal(blocked, lines('version: 1', 'stages: [{id: rlhf, status: blocked, started: 2026-01-01, blocked: 2026-12-01}]'));
      assert.equal(edited(blocked, 'rlhf', status('in-progress')).output, input);
    });

    it('the parsed stage carries the blocked date', () => {
      const { output } = edited(base, 'rlhf', status('blocked'));
      assert.equal(parse(output).plan?.stages[0]?.blocked, '2026-12-01');
    });

    it('in-progress keeps an existing started date', () => {
      const input = base.replace('in-progress', 'blocked');
      assert.equal(edited(input, 'rlhf', status('in-progress')).output, base);
    });

    it("defaults today to the local date", () => {
      const { output } = edited(lines('version: 1', 'stages:', '  - id: rlhf'), 'rlhf', { kind: 'status', status: 'done' });
      assert.ok(output.includes(`completed: ${localToday()}`), output);
      assert.equal(localToday(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    });
  });

  describe('notes round-trip exactly', () => {
    const hostile = [
      'plain words',
      'key: value',
      'trailing colon:',
      'has # hash',
      '#leading hash',
      '- leading dash',
      '-',
      '* star',
      '*alias',
      '&anchor',
      '!tag',
      '? question',
      "it's",
      '"quoted"',
      "'single'",
      'back\\slash',
      '[flow]',
      '{a: b}',
      'a, b',
      '|',
      '>',
      '%directive',
      '@at',
      '`tick`',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'null',
      '~',
      'true',
      'False',
      '1e3',
      '0x1F',
      '0o17',
      '012',
      '.inf',
      '-.5',
      '1_000',
      '2026-01-01',
      '12:30:00',
      '',
      '  padded  ',
      'tab\there',
      'line\nbreak',
      'crlf\r\nbreak',
      'trailing newline\n',
      'unicode: 日本語 ✓ 😀',
      '\u2028separator',
      'nul\u0000byte',
      'bell\u0007',
      'del\u007f',
      '\uFEFFbom',
      'lone \uD800 surrogate',
      '<img src=x onerror=alert(1)>',
      '---',
      '...',
      'a'.repeat(5000),
    ];
    const inputs = {
      block: lines('version: 1', 'stages:', '  - id: rlhf', '    status: done', '    note: old'),
      'block without note': lines('version: 1', 'stages:', '  - id: rlhf', '    status: done'),
      'single-quoted': lines('version: 1', 'stages:', '  - id: rlhf', "    note: 'old'"),
      'double-quoted': lines('version: 1', 'stages:', '  - id: rlhf', '    note: "old"'),
      flow: lines('version: 1', 'stages: [{id: rlhf, note: old}, {id: deployment}]'),
      'flow without note': lines('version: 1', 'stages: [{id: rlhf}]'),
    };
    for (const [layout, input] of Object.entries(inputs)) {
      it(`in a ${layout} stage`, () => {
        for (const note of hostile) {
          const result = edit(input, 'rlhf', { kind: 'note', note });
          assert.ok(result.ok, `${JSON.stringify(note)}: ${result.ok ? '' : result.reason}`);
          const after = parse(applyEdits(input, result.edits));
          assert.deepEqual(after.diagnostics, [], JSON.stringify(note));
          const expected = note.trim() === '' ? undefined : note;
          assert.equal(after.plan?.stages[0].note, expected, JSON.stringify(note));
        }
      });
    }

    it('task titles round-trip too', () => {
      const input = lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - title: first');
      for (const title of hostile.filter((candidate) => candidate.trim() !== '')) {
        const result = edit(input, 'rlhf', { kind: 'add-task', title });
        assert.ok(result.ok, JSON.stringify(title));
        const tasks = parse(applyEdits(input, result.edits)).plan?.stages[0].tasks;
        assert.deepEqual(
          tasks?.map((task) => [task.title, task.done]),
          [
            ['first', false],
            [title, false],
          ],
        );
      }
    });
  });

  describe('refusals', () => {
    const plan = lines('version: 1', 'stages:', '  - id: rlhf', '    tasks:', '      - title: a', '    note: [not, text]');

    function reason(text: string, stageId: string, change: PlanChange): string {
      const result = edit(text, stageId, change);
      assert.equal(result.ok, false);
      return result.ok ? '' : result.reason;
    }

    it('an unknown stage id', () => {
      assert.match(reason(plan, 'nope', status('done')), /no stage with id "nope"/);
    });

    it('invalid YAML, with the first error', () => {
      assert.match(reason('version: 1\nstages:\n  - id: rlhf\n    status: [done\n', 'rlhf', status('done')), /not valid YAML.*line \d+/);
    });

    it('duplicate keys in the stage (which one would change is ambiguous)', () => {
      assert.match(reason(lines('version: 1', 'stages:', '  - id: rlhf', '    status: a', '    status: b'), 'rlhf', status('done')), /not valid YAML/);
    });

    it('text that is not a plan, or too large', () => {
      assert.match(reason('- a\n- b\n', 'rlhf', status('done')), /not a plan/);
      assert.match(reason('', 'rlhf', status('done')), /not a plan/);
      assert.match(reason('#'.repeat(3 * 1024 * 1024), 'rlhf', status('done')), /larger than 2 MB/);
    });

    it('a task index out of range', () => {
      assert.match(reason(plan, 'rlhf', { kind: 'toggle-task', taskIndex: 1 }), /has 1 task; there is no task at index 1/);
      assert.match(reason(plan, 'rlhf', { kind: 'toggle-task', taskIndex: -1 }), /no task at index -1/);
      assert.match(reason(plan, 'rlhf', { kind: 'toggle-task', taskIndex: 0.5 }), /no task at index 0.5/);
    });

    it('an invalid status, date, title or note', () => {
      assert.match(reason(plan, 'rlhf', { kind: 'status', status: 'finished' as 'done' }), /not a status/);
      assert.match(reason(plan, 'rlhf', { kind: 'status', status: 'done', today: '01/12/2026' }), /not a date/);
      assert.match(reason(plan, 'rlhf', { kind: 'add-task', title: '   ' }), /needs a title/);
      assert.match(reason(plan, 'rlhf', { kind: 'note', note: 3 as unknown as string }), /must be text/);
    });

    it('adding a task when `tasks` is not a list', () => {
      assert.match(reason(lines('version: 1', 'stages:', '  - id: rlhf', '    tasks: later'), 'rlhf', { kind: 'add-task', title: 'a' }), /not a list/);
    });
  });

  describe('applyEdits', () => {
    it('applies edits given in any order; same-offset inserts keep their order', () => {
      const edits: TextEdit[] = [
        { start: 4, end: 5, newText: 'E' },
        { start: 0, end: 0, newText: '1' },
        { start: 0, end: 0, newText: '2' },
        { start: 2, end: 3, newText: '' },
      ];
      assert.equal(applyEdits('abcde', edits), '12abdE');
    });

    it('puts an insertion before a replacement at the same offset', () => {
      assert.equal(applyEdits('abc', [{ start: 1, end: 2, newText: 'X' }, { start: 1, end: 1, newText: '+' }]), 'a+Xc');
    });

    it('rejects overlapping or out-of-range edits', () => {
      assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), RangeError);
      assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, newText: '' }]), RangeError);
    });
  });
});
