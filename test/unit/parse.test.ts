import * as assert from 'node:assert/strict';
import type { Range } from '../../src/model/domain/types';
import { parse, MAX_PLAN_BYTES } from '../../src/model/planFile/parse';
import type { ParseResult, PlanDiagnostic, PlanDiagnosticCode } from '../../src/model/planFile/types';
import { lines, range } from './helpers';

const EXAMPLE = lines(
  'version: 1',
  'project: support-assistant',
  'stages:',
  '  - id: pre-training',
  '    status: skipped        # not-started | in-progress | blocked | done | skipped',
  '    note: Start from an existing foundation model',
  '  - id: fine-tuning',
  '    status: in-progress',
  '    owner: dana',
  '    started: 2026-11-20',
  '    plan: docs/finetune-plan.md',
  '    tasks:',
  '      - title: Collect 1,000 labelled support dialogues',
  '        done: true',
  '  - id: eval-harness        # a custom stage: title required, effort cells optional',
  '    title: Evaluation harness',
  '    status: not-started',
  '    effort:',
  '      duration: Hours to days',
  '      customization: Build a regression suite',
  '      objective: Catch quality regressions',
  '      expertise: Medium',
);

/** The diagnostics of one code, as [range, severity] pairs, for compact assertions. */
function diagnosticsOf(result: ParseResult, code: PlanDiagnosticCode): PlanDiagnostic[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function only(result: ParseResult, code: PlanDiagnosticCode): PlanDiagnostic {
  assert.deepEqual(
    result.diagnostics.map((diagnostic) => diagnostic.code),
    [code],
    JSON.stringify(result.diagnostics, null, 1),
  );
  return result.diagnostics[0];
}

function assertRange(diagnostic: PlanDiagnostic, expected: Range): void {
  assert.deepEqual(diagnostic.range, expected, diagnostic.message);
}

/** A minimal valid plan around one stage body (indented 4 spaces under `  - id: ...`). */
function planWithStage(...stageLines: string[]): string {
  return lines('version: 1', 'stages:', ...stageLines);
}

describe('parse', () => {
  describe('the documented example', () => {
    const result = parse(EXAMPLE);

    it('has no diagnostics', () => {
      assert.deepEqual(result.diagnostics, []);
    });

    it('reads the plan with exact ranges', () => {
      assert.deepEqual(result.plan, {
        version: 1,
        project: 'support-assistant',
        stages: [
          {
            id: 'pre-training',
            title: 'Pre-training',
            builtIn: true,
            status: 'skipped',
            note: 'Start from an existing foundation model',
            tasks: [],
            index: 0,
            range: range(3, 4, 5, 49),
            idRange: range(3, 8, 3, 20),
            statusRange: range(4, 12, 4, 19),
          },
          {
            id: 'fine-tuning',
            title: 'Prompt tuning and fine-tuning',
            builtIn: true,
            status: 'in-progress',
            owner: 'dana',
            started: '2026-11-20',
            plan: 'docs/finetune-plan.md',
            tasks: [{ title: 'Collect 1,000 labelled support dialogues', done: true, range: range(12, 8, 13, 18) }],
            index: 1,
            range: range(6, 4, 13, 18),
            idRange: range(6, 8, 6, 19),
            statusRange: range(7, 12, 7, 23),
          },
          {
            id: 'eval-harness',
            title: 'Evaluation harness',
            builtIn: false,
            status: 'not-started',
            tasks: [],
            effort: {
              trainingDuration: 'Hours to days',
              customization: 'Build a regression suite',
              objective: 'Catch quality regressions',
              expertise: 'Medium',
            },
            index: 2,
            range: range(14, 4, 21, 23),
            idRange: range(14, 8, 14, 20),
            statusRange: range(16, 12, 16, 23),
          },
        ],
      });
    });
  });

  describe('defaults', () => {
    it('takes built-in titles from the catalog unless the file sets one', () => {
      const result = parse(planWithStage('  - id: rlhf', '  - id: deployment', '    title: Ship it'));
      assert.deepEqual(
        result.plan?.stages.map((stage) => stage.title),
        ['Reinforcement learning / human feedback', 'Ship it'],
      );
    });

    it('defaults status to not-started and done to false', () => {
      const result = parse(planWithStage('  - id: rlhf', '    tasks:', '      - title: Reuse a reward model'));
      assert.deepEqual(result.diagnostics, []);
      const stage = result.plan?.stages[0];
      assert.equal(stage?.status, 'not-started');
      assert.equal(stage?.statusRange, undefined);
      assert.deepEqual(stage?.tasks, [{ title: 'Reuse a reward model', done: false, range: range(4, 8, 4, 35) }]);
    });

    it('accepts an empty stages list, flow style, CRLF, a BOM and document markers', () => {
      assert.deepEqual(parse('version: 1\nstages: []\n'), { plan: { version: 1, stages: [] }, diagnostics: [] });
      const flow = parse('version: 1\r\nstages: [{id: rlhf, status: done}, {id: x, title: X}]\r\n');
      assert.deepEqual(flow.diagnostics, []);
      assert.deepEqual(
        flow.plan?.stages.map((stage) => [stage.id, stage.status, stage.idRange]),
        [
          ['rlhf', 'done', range(1, 14, 1, 18)],
          ['x', 'not-started', range(1, 40, 1, 41)],
        ],
      );
      const marked = parse('\uFEFF--- # plan\nversion: 1\nstages:\n- id: rlhf\n...\n');
      assert.deepEqual(marked.diagnostics, []);
      assert.deepEqual(marked.plan?.stages[0].idRange, range(3, 6, 3, 10));
    });

    it('keeps dates as written under a %YAML 1.1 directive', () => {
      const result = parse('%YAML 1.1\n---\nversion: 1\nstages:\n  - id: rlhf\n    started: 2026-01-05\n');
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.plan?.stages[0].started, '2026-01-05');
    });

    it('keeps hostile text verbatim (escaping is the views\' job)', () => {
      const title = '<img src=x onerror=alert(1)>';
      const result = parse(planWithStage('  - id: x', `    title: "${title}"`, `    note: ${title}`));
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.plan?.stages[0].title, title);
      assert.equal(result.plan?.stages[0].note, title);
    });
  });

  describe('diagnostics', () => {
    it('yaml-syntax: range from the yaml error position; schema checks wait for valid YAML', () => {
      const result = parse('version: 1\nstages:\n  - id: x\n    status: a: b\n');
      const diagnostic = only(result, 'yaml-syntax');
      assert.equal(diagnostic.severity, 'error');
      assertRange(diagnostic, range(3, 12, 3, 13));
      assert.deepEqual(
        result.plan?.stages.map((stage) => stage.id),
        ['x'],
        'the recovered plan is still returned',
      );
    });

    it('yaml-syntax: an unterminated quote is clamped to the text', () => {
      const diagnostic = only(parse("version: 'unterminated"), 'yaml-syntax');
      assertRange(diagnostic, range(0, 22, 0, 22));
    });

    it('yaml-syntax: duplicate keys and a second document', () => {
      const duplicate = parse('version: 1\nversion: 1\nstages: []\n');
      assertRange(only(duplicate, 'yaml-syntax'), range(1, 0, 1, 7));
      const nested = parse(planWithStage('  - id: rlhf', '    status: done', '    status: blocked'));
      assertRange(only(nested, 'yaml-syntax'), range(4, 4, 4, 10));
      const twoDocs = parse('version: 1\nstages: []\n---\nversion: 1\n');
      const diagnostic = only(twoDocs, 'yaml-syntax');
      assert.match(diagnostic.message, /single YAML document/);
      assert.equal(diagnostic.range.start.line, 2);
    });

    it('yaml-syntax warning: unresolved tags', () => {
      const result = parse('version: 1\nstages: []\nproject: !secret x\n');
      const diagnostic = only(result, 'yaml-syntax');
      assert.equal(diagnostic.severity, 'warning');
      assertRange(diagnostic, range(2, 9, 2, 16));
    });

    it('not-a-mapping: empty file, a list, a scalar; no plan', () => {
      for (const [text, expected] of [
        ['', range(0, 0, 0, 0)],
        ['# just a comment\n', range(0, 0, 0, 0)],
        ['- id: rlhf\n- id: x\n', range(0, 0, 1, 7)],
        ['hello', range(0, 0, 0, 5)],
      ] as const) {
        const result = parse(text);
        assert.equal(result.plan, undefined, text);
        assertRange(only(result, 'not-a-mapping'), expected);
      }
    });

    it('missing-version: on the first key; the plan is still read as version 1', () => {
      const result = parse('project: p\nstages: []\n');
      const diagnostic = only(result, 'missing-version');
      assert.equal(diagnostic.severity, 'error');
      assertRange(diagnostic, range(0, 0, 0, 7));
      assert.deepEqual(result.plan, { version: 1, project: 'p', stages: [] });
    });

    it('missing-version: `version:` without a value marks the key', () => {
      assertRange(only(parse('version:\nstages: []\n'), 'missing-version'), range(0, 0, 0, 7));
    });

    it('unsupported-version: on the value, with the value as data', () => {
      const result = parse('version: 2\nstages: []\n');
      const diagnostic = only(result, 'unsupported-version');
      assertRange(diagnostic, range(0, 9, 0, 10));
      assert.deepEqual(diagnostic.data, { value: '2' });
      assert.equal(result.plan?.version, 2);
      assert.deepEqual(only(parse("version: '1'\nstages: []\n"), 'unsupported-version').data, { value: '1' });
    });

    it('missing-stages: no key, or a key without a value', () => {
      const result = parse('version: 1\nproject: p\n');
      assertRange(only(result, 'missing-stages'), range(0, 0, 0, 7));
      assert.deepEqual(result.plan, { version: 1, project: 'p', stages: [] });
      assertRange(only(parse('version: 1\nstages:\n'), 'missing-stages'), range(1, 0, 1, 6));
    });

    it('wrong-type: status: 3, tasks: foo, done: "yes", stages: {}', () => {
      const result = parse(
        planWithStage('  - id: rlhf', '    status: 3', '    tasks: foo', '  - id: deployment', '    tasks:', '      - title: t', '        done: "yes"'),
      );
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.data]),
        [
          ['wrong-type', 'error', range(3, 12, 3, 13), { key: 'status' }],
          ['wrong-type', 'error', range(4, 11, 4, 14), { key: 'tasks' }],
          ['wrong-type', 'error', range(8, 14, 8, 19), { key: 'done' }],
        ],
      );
      // The stages stay; the wrong values fall back to defaults.
      assert.deepEqual(
        result.plan?.stages.map((stage) => [stage.id, stage.status, stage.tasks.map((task) => task.done)]),
        [
          ['rlhf', 'not-started', []],
          ['deployment', 'not-started', [false]],
        ],
      );
      assertRange(only(parse('version: 1\nstages: {}\n'), 'wrong-type'), range(1, 8, 1, 10));
    });

    it('wrong-type: a stage or task that is not a mapping is dropped', () => {
      const result = parse(planWithStage('  - just-a-string', '  - id: rlhf', '    tasks:', '      - Collect data'));
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [
          ['wrong-type', range(2, 4, 2, 17)],
          ['wrong-type', range(5, 8, 5, 20)],
        ],
      );
      assert.deepEqual(
        result.plan?.stages.map((stage) => [stage.id, stage.index, stage.tasks.length]),
        [['rlhf', 1, 0]],
      );
    });

    it('wrong-type: aliases are refused with a hint; numbers in text fields are a warning', () => {
      const aliased = parse('version: 1\nx: &s done\nstages:\n  - id: rlhf\n    status: *s\n');
      const aliasDiagnostic = diagnosticsOf(aliased, 'wrong-type')[0];
      assertRange(aliasDiagnostic, range(4, 12, 4, 14));
      assert.match(aliasDiagnostic.message, /Aliases/);
      const numeric = parse(planWithStage('  - id: rlhf', '    owner: 007'));
      const diagnostic = only(numeric, 'wrong-type');
      assert.equal(diagnostic.severity, 'warning');
      assertRange(diagnostic, range(3, 11, 3, 14));
      assert.equal(numeric.plan?.stages[0].owner, '007');
    });

    it('unknown-status: on the value, with the value as data', () => {
      const result = parse(planWithStage('  - id: rlhf', "    status: 'donee'  # typo"));
      const diagnostic = only(result, 'unknown-status');
      assert.equal(diagnostic.severity, 'error');
      assertRange(diagnostic, range(3, 12, 3, 19));
      assert.deepEqual(diagnostic.data, { value: 'donee' });
      assert.equal(result.plan?.stages[0].status, 'not-started');
      assert.deepEqual(result.plan?.stages[0].statusRange, range(3, 12, 3, 19));
    });

    it('unknown-status: an empty status marks the key', () => {
      const diagnostic = only(parse(planWithStage('  - id: rlhf', '    status:')), 'unknown-status');
      assertRange(diagnostic, range(3, 4, 3, 10));
      assert.deepEqual(diagnostic.data, { value: '' });
    });

    it('duplicate-id: on the second and later ids; only the first stage is kept', () => {
      const result = parse(planWithStage('  - id: rlhf', '    status: done', '  - id: rlhf', '  - {id: rlhf}'));
      const duplicates = diagnosticsOf(result, 'duplicate-id');
      assert.deepEqual(
        duplicates.map((diagnostic) => [diagnostic.range, diagnostic.data]),
        [
          [range(4, 8, 4, 12), { id: 'rlhf' }],
          [range(5, 9, 5, 13), { id: 'rlhf' }],
        ],
      );
      assert.equal(result.diagnostics.length, 2);
      assert.deepEqual(
        result.plan?.stages.map((stage) => [stage.id, stage.status, stage.index]),
        [['rlhf', 'done', 0]],
      );
    });

    it('missing-id: on the first key (or the empty id); the stage is dropped', () => {
      const result = parse(planWithStage('  - status: done', '    note: n', '  - id: ""', '  - id: rlhf'));
      assert.deepEqual(
        diagnosticsOf(result, 'missing-id').map((diagnostic) => diagnostic.range),
        [range(2, 4, 2, 10), range(4, 8, 4, 10)],
      );
      assert.equal(result.diagnostics.length, 2);
      assert.deepEqual(
        result.plan?.stages.map((stage) => stage.id),
        ['rlhf'],
      );
    });

    it('unknown-stage: a custom id without a title; the stage is kept, titled by its id', () => {
      const result = parse(planWithStage('  - id: fine-tunning', '    status: in-progress'));
      const diagnostic = only(result, 'unknown-stage');
      assert.equal(diagnostic.severity, 'error');
      assertRange(diagnostic, range(2, 8, 2, 20));
      assert.deepEqual(diagnostic.data, { id: 'fine-tunning' });
      assert.match(diagnostic.message, /pre-training, prompt-engineering, fine-tuning, rlhf, deployment/);
      assert.match(diagnostic.message, /`title:`/);
      assert.deepEqual(
        result.plan?.stages.map((stage) => [stage.id, stage.title, stage.builtIn, stage.status]),
        [['fine-tunning', 'fine-tunning', false, 'in-progress']],
      );
    });

    it('missing-title: a task without a title is dropped', () => {
      const result = parse(planWithStage('  - id: rlhf', '    tasks:', '      - done: true', '      - title: kept'));
      assertRange(only(result, 'missing-title'), range(4, 8, 4, 12));
      assert.deepEqual(
        result.plan?.stages[0].tasks.map((task) => task.title),
        ['kept'],
      );
    });

    it('unknown-key: warnings on the key at every level', () => {
      const result = parse(
        lines(
          'version: 1',
          'owner: me',
          'stages:',
          '  - id: x',
          '    title: X',
          '    colour: red',
          '    effort: {duration: D, cost: high}',
          '    tasks:',
          '      - title: t',
          '        due: tomorrow',
        ),
      );
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.data]),
        [
          ['unknown-key', 'warning', range(1, 0, 1, 5), { key: 'owner' }],
          ['unknown-key', 'warning', range(5, 4, 5, 10), { key: 'colour' }],
          ['unknown-key', 'warning', range(6, 26, 6, 30), { key: 'cost' }],
          ['unknown-key', 'warning', range(9, 8, 9, 11), { key: 'due' }],
        ],
      );
      assert.deepEqual(result.plan?.stages[0].effort, { trainingDuration: 'D' });
    });

    it('invalid-date: warnings on the value; the date is left out', () => {
      const result = parse(planWithStage('  - id: rlhf', '    started: 2026-02-30', '    completed: tomorrow'));
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range, diagnostic.data]),
        [
          ['invalid-date', 'warning', range(3, 13, 3, 23), { value: '2026-02-30' }],
          ['invalid-date', 'warning', range(4, 15, 4, 23), { value: 'tomorrow' }],
        ],
      );
      assert.equal(result.plan?.stages[0].started, undefined);
      assert.equal(result.plan?.stages[0].completed, undefined);
      assert.deepEqual(parse(planWithStage('  - id: rlhf', '    started: 2024-02-29')).diagnostics, []);
    });

    it('file-too-large: no plan and no parsing', () => {
      const huge = 'version: 1\n' + '#'.repeat(MAX_PLAN_BYTES);
      const result = parse(huge);
      assert.equal(result.plan, undefined);
      assertRange(only(result, 'file-too-large'), range(0, 0, 0, 0));
      // Measured in UTF-8 bytes, not characters.
      assert.equal(parse('é'.repeat(MAX_PLAN_BYTES / 2 + 1)).diagnostics[0].code, 'file-too-large');
    });

    it('lists diagnostics in document order', () => {
      const result = parse(lines('stages:', '  - id: rlhf', '    status: nope', 'extra: 1'));
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => diagnostic.code),
        ['missing-version', 'unknown-status', 'unknown-key'],
      );
    });
  });
});
