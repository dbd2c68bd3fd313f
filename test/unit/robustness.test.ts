// parse and edit must survive any text: random, mutated and deliberately hostile input.

import * as assert from 'node:assert/strict';
import { STAGE_STATUSES } from '../../src/model/domain/statuses';
import { PlanChange } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { MAX_NESTING_DEPTH } from '../../src/model/planFile/nesting';
import { parse } from '../../src/model/planFile/parse';
import { scaffold } from '../../src/model/planFile/scaffold';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { ParseResult } from '../../src/model/planFile/types';
import { assertRangesInside, lines, pick, seededRandom } from './helpers';

const SEED_PLAN = lines(
  '# plan',
  'version: 1',
  'project: "support assistant"',
  'stages:',
  '  - id: pre-training',
  "    status: 'skipped' # trailing",
  '    note: Start from a foundation model',
  '  - {id: prompt-engineering, status: done, completed: 2026-01-02}',
  '  - id: fine-tuning',
  '    status: in-progress',
  '    started: 2026-11-20',
  '    tasks:',
  '      - title: Collect dialogues',
  '        done: true',
  '      - {title: Train adapter}',
  '  - id: eval-harness',
  '    title: Evaluation harness',
  '    effort: {duration: Hours, expertise: Medium}',
);

const ALPHABET = [
  ...'abcdefxyz0123456789',
  ...'-:?[]{},#&*!|>\'"%@`~.',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n',
  '\r\n',
  '\r',
  'é',
  '😀',
  '\u2028',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'version: 1\n',
  'stages:\n',
  '- id: rlhf\n',
  '  status: done\n',
  '---\n',
  '...\n',
  '&a ',
  '*a',
  '!!str ',
  '? ',
];

function parseSafely(text: string): ParseResult {
  let result: ParseResult | undefined;
  assert.doesNotThrow(() => {
    result = parse(text);
  }, `parse threw on ${JSON.stringify(text.slice(0, 200))}`);
  assert.ok(result);
  return result;
}

function randomText(random: () => number, pieces: number): string {
  let text = '';
  for (let index = 0; index < pieces; index++) {
    text += pick(random, ALPHABET);
  }
  return text;
}

function mutate(random: () => number, text: string, mutations: number): string {
  let mutated = text;
  for (let count = 0; count < mutations; count++) {
    const at = Math.floor(random() * (mutated.length + 1));
    const kind = random();
    if (kind < 0.35) {
      mutated = mutated.slice(0, at) + pick(random, ALPHABET) + mutated.slice(at);
    } else if (kind < 0.7) {
      mutated = mutated.slice(0, at) + mutated.slice(at + 1 + Math.floor(random() * 3));
    } else if (kind < 0.85) {
      const source = mutated.split('\n');
      const line = Math.floor(random() * source.length);
      source.splice(line, 0, source[Math.floor(random() * source.length)]);
      mutated = source.join('\n');
    } else {
      mutated = mutated.slice(0, at) + ' '.repeat(1 + Math.floor(random() * 3)) + mutated.slice(at);
    }
  }
  return mutated;
}

function randomChange(random: () => number): PlanChange {
  const kind = random();
  if (kind < 0.5) {
    return { kind: 'status', status: pick(random, STAGE_STATUSES), today: '2026-12-24' };
  }
  if (kind < 0.7) {
    return { kind: 'note', note: randomText(random, 4) };
  }
  if (kind < 0.85) {
    return { kind: 'toggle-task', taskIndex: Math.floor(random() * 3) };
  }
  return { kind: 'add-task', title: randomText(random, 3) };
}

describe('robustness', function () {
  // Thousands of parses: generous on slow CI machines; each case also checks its own time.
  this.timeout(30_000);

  it('the seed plan is valid', () => {
    assert.deepEqual(parse(SEED_PLAN).diagnostics, []);
  });

  it('parse never throws on 3,000 random texts, and every range is inside the text', () => {
    const random = seededRandom(20261224);
    for (let run = 0; run < 3000; run++) {
      const text = randomText(random, 1 + Math.floor(random() * 60));
      assertRangesInside(text, parseSafely(text));
    }
  });

  it('parse never throws on 2,000 mutations of a valid plan', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 2000; run++) {
      const text = mutate(random, SEED_PLAN, 1 + Math.floor(random() * 8));
      assertRangesInside(text, parseSafely(text));
    }
  });

  it('edit never throws on mutated plans, and what it accepts reads back as asked', () => {
    const random = seededRandom(99);
    let accepted = 0;
    for (let run = 0; run < 800; run++) {
      const text = mutate(random, SEED_PLAN, Math.floor(random() * 5));
      const stages = parse(text).plan?.stages ?? [];
      const stageId = stages.length > 0 && random() < 0.9 ? pick(random, stages).id : 'no-such-stage';
      const change = randomChange(random);
      const result = edit(text, stageId, change);
      if (!result.ok) {
        assert.ok(result.reason.length > 0);
        continue;
      }
      accepted++;
      const after = parseSafely(applyEdits(text, result.edits));
      const stage = after.plan?.stages.find((candidate) => candidate.id === stageId);
      assert.ok(stage, `stage ${stageId} survives`);
      if (change.kind === 'status') {
        assert.equal(stage.status, change.status);
      }
    }
    assert.ok(accepted > 300, `most edits of lightly mutated plans succeed (${accepted})`);
  });

  describe('hostile input', () => {
    const deepBlock = Array.from({ length: 1200 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['200,000 unclosed [', '['.repeat(200_000)],
      ['100,000 balanced [ ]', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['nested flow maps', '{a: '.repeat(100_000)],
      ['nested block sequences on one line', '- '.repeat(100_000) + 'x'],
      ['nested explicit keys', '? '.repeat(100_000) + 'x'],
      ['1,200 nested block mappings', deepBlock],
      ['flow nesting inside block nesting', 'version: 1\nstages:\n  - id: x\n    title: ' + '['.repeat(5_000)],
      [
        'billion laughs',
        lines(
          'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
          'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
          'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
          'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
          'version: 1',
          'stages: [*d, *d]',
        ),
      ],
      ['20,000 aliases to a stage', 'version: 1\nx: &x {id: rlhf}\nstages: [' + '*x, '.repeat(20_000) + ']\n'],
      ['a 125,700-item flow list (spreading it into a call overflowed the stack)', 'version: 1\nstages: [' + 'a,'.repeat(125_700) + ']\n'],
      ['a 100k-character line', 'version: 1\nstages:\n  - id: x\n    title: ' + 'y'.repeat(100_000) + '\n'],
      ['a 100k-character key', 'version: 1\n' + 'k'.repeat(100_000) + ': 1\nstages: []\n'],
      ['tabs as indentation', 'version: 1\nstages:\n\t- id: rlhf\n\t\tstatus: done\n'],
      ['a BOM alone', '\uFEFF'],
      ['a BOM before the plan', '\uFEFFversion: 1\nstages: []\n'],
      ['NUL bytes', 'version: 1\u0000\nstages: [\u0000]\n'],
      ['lone surrogates', 'version: 1\nproject: \uD800\uDFFF\uDC00\nstages: []\n'],
      ['only line breaks', '\r\n\r\r\n\n'],
      ['10,000 documents', '---\na: 1\n'.repeat(10_000)],
      ['10,000 unknown keys', 'version: 1\nstages: []\n' + Array.from({ length: 10_000 }, (_, index) => `k${index}: 1`).join('\n')],
      ['script in titles', lines('version: 1', 'stages:', '  - id: "<script>alert(1)</script>"', '    title: <img src=x onerror=alert(1)>')],
      ['prototype keys', lines('version: 1', '__proto__: {polluted: true}', 'stages:', '  - id: constructor', '    __proto__: x')],
      ['directives only', '%YAML 1.2\n%TAG ! tag:x,2026:\n'],
      ['an unsupported YAML version directive', '%YAML 9.9\n---\nversion: 1\nstages: []\n'],
    ];

    for (const [name, text] of cases) {
      it(`survives ${name}`, () => {
        const started = Date.now();
        const result = parseSafely(text);
        assertRangesInside(text, result);
        assert.ok(Date.now() - started < 5000, 'in reasonable time');
        assert.ok(result.diagnostics.length <= 1001, 'diagnostics are capped');
        // The catch-all in `parse` is for the unforeseen: no known input may end up there.
        assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.message.startsWith('The plan could not be read')), result.diagnostics[0]?.message);
        assert.doesNotThrow(() => edit(text, 'rlhf', { kind: 'status', status: 'done', today: '2026-01-01' }));
      });
    }

    it('reports nesting beyond the limit as a YAML error with no plan', () => {
      const result = parse('version: 1\nstages: ' + '['.repeat(MAX_NESTING_DEPTH + 5));
      assert.equal(result.plan, undefined);
      assert.equal(result.diagnostics[0].code, 'yaml-syntax');
      assert.match(result.diagnostics[0].message, /levels deep/);
      assert.equal(result.diagnostics[0].range.start.line, 1);
    });

    it('accepts the nesting a real plan uses, with unknown nested data', () => {
      const nested = lines('version: 1', 'extra: ' + '['.repeat(20) + ']'.repeat(20), 'stages:', '  - id: rlhf');
      assert.deepEqual(
        parse(nested).diagnostics.map((diagnostic) => diagnostic.code),
        ['unknown-key'],
      );
    });

    it('does not count brackets in strings or indentation inside block scalars as nesting', () => {
      const staircase = Array.from({ length: 120 }, (_, depth) => `      ${' '.repeat(depth)}step ${depth}:`);
      const text = lines(
        'version: 1',
        'stages:',
        '  - id: rlhf',
        `    title: "${'['.repeat(200)}"`,
        `    owner: '${'{'.repeat(200)}'`,
        `    plan: a${'['.repeat(200)}`,
        '    note: |',
        ...staircase,
      );
      const result = parse(text);
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.plan?.stages[0].title, '['.repeat(200));
    });

    it('keeps script-like text verbatim', () => {
      const result = parse(cases.find(([name]) => name === 'script in titles')?.[1] ?? '');
      assert.deepEqual(
        result.plan?.stages.map((stage) => [stage.id, stage.title]),
        [['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']],
      );
    });

    it('does not let __proto__ keys pollute objects', () => {
      const result = parse(cases.find(([name]) => name === 'prototype keys')?.[1] ?? '');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(result.plan?.stages[0].id, 'constructor');
      assert.equal(result.plan?.stages[0].title, 'constructor');
    });
  });

  it('the scaffold survives every status change on every stage', () => {
    const text = scaffold();
    for (const stage of parse(text).plan?.stages ?? []) {
      for (const status of STAGE_STATUSES) {
        const result = edit(text, stage.id, { kind: 'status', status, today: '2026-03-04' });
        assert.ok(result.ok, `${stage.id} -> ${status}`);
        const after = parse(applyEdits(text, result.edits));
        assert.deepEqual(after.diagnostics, []);
        assert.equal(after.plan?.stages.find((candidate) => candidate.id === stage.id)?.status, status);
      }
    }
  });
});
