// Edits on layouts that once went wrong: kept block scalars (`|+`), flow-style stages, keys on
// an item's `-` line, empty and anchored task lists, comments on removed lines, files without
// a final line break and files with mixed line endings. Each case gives the exact output.

import * as assert from 'node:assert/strict';
import type { PlanChange } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { lines } from './helpers';

const DAY = '2026-02-02';
const NOT_STARTED: PlanChange = { kind: 'status', status: 'not-started' };
const IN_PROGRESS: PlanChange = { kind: 'status', status: 'in-progress', today: DAY };
const ADD_TASK: PlanChange = { kind: 'add-task', title: 'x' };

function edited(input: string, stageId: string, change: PlanChange): string {
  const result = edit(input, stageId, change);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyEdits(input, result.edits);
}

function plan(...stageLines: string[]): string {
  return lines('version: 1', 'stages:', ...stageLines);
}

describe('edit layouts', () => {
  describe('keep-chomping block scalars keep their trailing blank lines', () => {
    it('a note, when a task is added after it', () => {
      const input = plan('  - id: rlhf', '    note: |+', '      text', '', '');
      const output = edited(input, 'rlhf', ADD_TASK);
      assert.equal(output, input + lines('    tasks:', '      - title: x', '        done: false'));
      assert.equal(parse(output).plan?.stages[0].note, 'text\n\n\n');
    });

    it('the previous task title, when a task is appended or a task is checked', () => {
      const input = plan('  - id: rlhf', '    tasks:', '      - title: |+', '          text', '', '');
      assert.equal(edited(input, 'rlhf', ADD_TASK), input + lines('      - title: x', '        done: false'));
      assert.equal(edited(input, 'rlhf', { kind: 'toggle-task', taskIndex: 0 }), input + lines('        done: true'));
    });

    it('an owner or an effort cell, when a stage gets its first task', () => {
      const owner = plan('  - id: rlhf', '    owner: |+', '      kim', '');
      assert.equal(edited(owner, 'rlhf', ADD_TASK), owner + lines('    tasks:', '      - title: x', '        done: false'));
      const effort = plan('  - id: evals', '    title: Evals', '    effort:', '      duration: |+', '        days', '');
      assert.equal(parse(edited(effort, 'evals', ADD_TASK)).plan?.stages[0].effort?.trainingDuration, 'days\n\n');
    });
  });

  describe('flow-style stages', () => {
    it('reset removes neighbouring dates together, with or without a trailing comma', () => {
      for (const [input, expected] of [
        ['[{id: rlhf, status: done, started: 2026-01-01, completed: 2026-01-02}]', '[{id: rlhf, status: not-started}]'],
        ['[{id: rlhf, status: done, started: 2026-01-01, completed: 2026-01-02,}]', '[{id: rlhf, status: not-started,}]'],
        ['[{started: 2026-01-01, completed: 2026-01-02, id: rlhf, status: done}]', '[{id: rlhf, status: not-started}]'],
        ['[{id: rlhf, started: 2026-01-01, status: done, completed: 2026-01-02}]', '[{id: rlhf, status: not-started}]'],
      ]) {
        assert.equal(edited(`version: 1\nstages: ${input}\n`, 'rlhf', NOT_STARTED), `version: 1\nstages: ${expected}\n`);
      }
    });

    it('start, note, tasks and checking a task', () => {
      const stage = (body: string): string => `version: 1\nstages:\n  - {${body}}\n`;
      assert.equal(edited(stage('id: rlhf, status: done, completed: 2026-01-02'), 'rlhf', IN_PROGRESS), stage(`id: rlhf, status: in-progress, started: ${DAY}`));
      assert.equal(edited(stage('note: old, id: rlhf'), 'rlhf', { kind: 'note', note: '' }), stage('id: rlhf'));
      assert.equal(edited(stage('id: rlhf'), 'rlhf', { kind: 'note', note: 'a, b' }), stage('id: rlhf, note: "a, b"'));
      assert.equal(edited(stage('id: rlhf, tasks: ~'), 'rlhf', ADD_TASK), stage('id: rlhf, tasks: [{title: x, done: false}]'));
      assert.equal(edited(stage('id: rlhf'), 'rlhf', ADD_TASK), stage('id: rlhf, tasks: [{title: x, done: false}]'));
      assert.equal(edited(stage('id: rlhf, tasks: [{title: a}]'), 'rlhf', { kind: 'toggle-task', taskIndex: 0 }), stage('id: rlhf, tasks: [{title: a, done: true}]'));
    });
  });

  describe('keys on the item line (`- started: ...`)', () => {
    it('the next key moves up into its place', () => {
      const input = plan('  - started: 2026-01-01', '    completed: 2026-01-02', '    id: rlhf', '    status: done');
      assert.equal(edited(input, 'rlhf', NOT_STARTED), plan('  - id: rlhf', '    status: not-started'));
    });

    it('with a comment on the line or below it, the `-` stays and the comments too', () => {
      const commented = plan('  - started: 2026-01-01 # kickoff', '    id: rlhf', '    status: done');
      assert.equal(edited(commented, 'rlhf', NOT_STARTED), plan('  - # kickoff', '    id: rlhf', '    status: not-started'));
      const commentBelow = plan('  - started: 2026-01-01', '    # why', '    id: rlhf', '    status: done');
      assert.equal(edited(commentBelow, 'rlhf', NOT_STARTED), plan('  -', '    # why', '    id: rlhf', '    status: not-started'));
    });
  });

  describe('task lists', () => {
    it('an explicit null list (`~`, `null`) is filled, its comment kept', () => {
      assert.equal(edited(plan('  - id: rlhf', '    tasks: ~'), 'rlhf', ADD_TASK), plan('  - id: rlhf', '    tasks:', '      - title: x', '        done: false'));
      assert.equal(
        edited(plan('  - id: rlhf', '    tasks: null # none yet', '  - id: deployment'), 'rlhf', ADD_TASK),
        plan('  - id: rlhf', '    tasks: # none yet', '      - title: x', '        done: false', '  - id: deployment'),
      );
    });

    it('items whose `-` line holds an anchor or a comment with hyphens', () => {
      for (const dashLine of ['      - &anchor-name', '      - # see ticket-12']) {
        const input = plan('  - id: rlhf', '    tasks:', dashLine, '        title: a');
        assert.equal(edited(input, 'rlhf', ADD_TASK), input + lines('      - title: x', '        done: false'));
      }
    });
  });

  describe('comments on removed lines', () => {
    it('an end-of-line comment stays on its own line', () => {
      const input = plan('  - id: rlhf', '    status: done', '    started: 2026-01-01 # kickoff', '    completed: 2026-01-02 # shipped', '    owner: kim');
      assert.equal(edited(input, 'rlhf', NOT_STARTED), plan('  - id: rlhf', '    status: not-started', '    # kickoff', '    # shipped', '    owner: kim'));
    });

    it("a block scalar's header comment stays when the note is cleared or replaced", () => {
      const input = plan('  - id: rlhf', '    note: | # why', '      text', '    owner: kim');
      assert.equal(edited(input, 'rlhf', { kind: 'note', note: '' }), plan('  - id: rlhf', '    # why', '    owner: kim'));
      assert.equal(edited(input, 'rlhf', { kind: 'note', note: 'new' }), plan('  - id: rlhf', '    note: new # why', '    owner: kim'));
    });
  });

  describe('a file without a final line break does not gain one', () => {
    const unterminated = (...stageLines: string[]): string => plan(...stageLines).slice(0, -1);

    it('when its last line is removed', () => {
      assert.equal(edited(unterminated('  - id: rlhf', '    status: done', '    started: 2026-01-01', '    completed: 2026-01-02'), 'rlhf', NOT_STARTED), unterminated('  - id: rlhf', '    status: not-started'));
      assert.equal(edited(unterminated('  - id: rlhf', '    completed: 2026-01-02'), 'rlhf', IN_PROGRESS), unterminated('  - id: rlhf', '    status: in-progress', `    started: ${DAY}`));
    });

    it('when lines are added at its end', () => {
      assert.equal(edited(unterminated('  - id: rlhf'), 'rlhf', ADD_TASK), unterminated('  - id: rlhf', '    tasks:', '      - title: x', '        done: false'));
    });
  });

  describe('mixed line endings', () => {
    it('new lines take the ending of the line they follow; the other lines keep theirs', () => {
      const input = 'version: 1\nstages:\r\n  - id: rlhf\r\n    status: done\n  - id: deployment\r\n';
      assert.equal(edited(input, 'rlhf', IN_PROGRESS), `version: 1\nstages:\r\n  - id: rlhf\r\n    status: in-progress\n    started: ${DAY}\n  - id: deployment\r\n`);
      assert.equal(edited(input, 'deployment', ADD_TASK), input + '    tasks:\r\n      - title: x\r\n        done: false\r\n');
    });

    it("at the end of a file without a final break, the file's dominant ending", () => {
      const input = 'version: 1\r\nstages:\r\n  - id: rlhf\n  - id: deployment';
      assert.equal(edited(input, 'deployment', ADD_TASK), input + '\r\n    tasks:\r\n      - title: x\r\n        done: false');
    });
  });

  // Shrunk counterexamples of the property tests (edit.property.test.ts), kept as plain cases.
  describe('found by the property tests', () => {
    it('a mapping after `- &anchor key:` continues under the anchor, and new items copy the `- ` gap only', () => {
      const unterminated = 'version: 1\nstages:\n- &a1 id: deployment';
      assert.equal(edited(unterminated, 'deployment', { kind: 'add-task', title: '!' }), unterminated + '\n  tasks:\n  - title: "!"\n    done: false');
      const task = 'version: 1\nstages:\n- id: rlhf\n  tasks:\n  - &a1 title: v';
      assert.equal(edited(task, 'rlhf', { kind: 'toggle-task', taskIndex: 0 }), task + '\n    done: true');
    });

    it('a removed line below a `|+` scalar takes the blank lines under it along, so the scalar keeps its value', () => {
      const input = lines('version: 1', 'stages:', '- id: prompt-engineering', '  status: skipped', '  note: |+', "    it's", '  started: 2020-01-01', '', '- id: fine-tuning');
      const output = edited(input, 'prompt-engineering', NOT_STARTED);
      assert.equal(output, lines('version: 1', 'stages:', '- id: prompt-engineering', '  status: not-started', '  note: |+', "    it's", '- id: fine-tuning'));
      assert.equal(parse(output).plan?.stages[0].note, "it's\n");
    });

    it('removing the last line of a file without a final break also removes the blank lines above it', () => {
      const input = 'version: 1\nstages:\n- id: fine-tuning\n  title: >-\n    j\n\n  completed: 2020-01-01';
      assert.equal(edited(input, 'fine-tuning', IN_PROGRESS), `version: 1\nstages:\n- id: fine-tuning\n  status: in-progress\n  started: ${DAY}\n  title: >-\n    j`);
    });

    it('the comment after an empty value (`completed: # not yet`) stays when the key goes', () => {
      const input = 'version: 1\nstages:\n- completed: #@1@\n  id: deployment\n- id: fine-tuning';
      assert.equal(edited(input, 'deployment', IN_PROGRESS), `version: 1\nstages:\n- #@1@\n  id: deployment\n  status: in-progress\n  started: ${DAY}\n- id: fine-tuning`);
      const ownLine = plan('  - id: rlhf', '    status: done', '    completed: # not yet', '    owner: kim');
      assert.equal(edited(ownLine, 'rlhf', NOT_STARTED), plan('  - id: rlhf', '    status: not-started', '    # not yet', '    owner: kim'));
    });

    it('refuses, saying why, where the value and the missing final line break cannot both be kept', () => {
      const input = 'version: 1\nstages:\n- id: rlhf\n  status: done\n  note: |+\n    kept\n\n  completed: 2026-01-02';
      const result = edit(input, 'rlhf', NOT_STARTED);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, /note would read differently/);
    });
  });
});
