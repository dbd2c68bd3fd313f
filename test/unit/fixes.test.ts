import * as assert from 'node:assert/strict';
import { closestStageId, closestStatus, editDistance, insertTitleEdit, quickFixes, removeStageEdit, titleFromId, uniqueId } from '../../src/model/planFile/fixes';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import type { PlanDiagnostic } from '../../src/model/planFile/types';

const BROKEN = [
  'version: 1',
  'stages:',
  '  - id: rlhf',
  '    status: in-progres',
  '  - id: rlhf  # again',
  '    status: not-started',
  '    tasks:',
  '      - title: Collect rankings',
  '',
  '    # a comment about deploymnet',
  '  - id: deploymnet',
  '    status: "dnoe"',
  '  - id: fine-tuning',
  '    status:',
  '',
].join('\n');

function fixesFor(text: string, code: PlanDiagnostic['code']): { title: string; preferred: boolean; result: string }[] {
  const result = parse(text);
  const diagnostic = result.diagnostics.find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic`);
  const stageIds = result.plan?.stages.map((stage) => stage.id) ?? [];
  return quickFixes(text, diagnostic, { stageIds }).map((fix) => ({ title: fix.title, preferred: fix.preferred, result: applyEdits(text, fix.edits) }));
}

function replaceLines(text: string, from: number, count: number, ...lines: string[]): string {
  const all = text.split('\n');
  all.splice(from, count, ...lines);
  return all.join('\n');
}

describe('quick fixes', () => {
  it('editDistance counts insertions, deletions, substitutions and transpositions', () => {
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('done', 'done'), 0);
    assert.equal(editDistance('dnoe', 'done'), 1);
    assert.equal(editDistance('in-progres', 'in-progress'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('closestStatus reads misspellings, other casing and common synonyms', () => {
    const cases: Record<string, string> = {
      'in-progres': 'in-progress',
      'In Progress': 'in-progress',
      in_progress: 'in-progress',
      wip: 'in-progress',
      dnoe: 'done',
      completed: 'done',
      todo: 'not-started',
      notstarted: 'not-started',
      blockd: 'blocked',
      'on hold': 'blocked',
      Skiped: 'skipped',
    };
    for (const [written, expected] of Object.entries(cases)) {
      assert.equal(closestStatus(written), expected, written);
    }
  });

  it('closestStageId reads misspellings, synonyms and technique names', () => {
    const cases: Record<string, string> = {
      'fine-tunning': 'fine-tuning',
      finetuning: 'fine-tuning',
      LoRA: 'fine-tuning',
      deploymnet: 'deployment',
      deploy: 'deployment',
      quantization: 'deployment',
      prompting: 'prompt-engineering',
      'rl-hf': 'rlhf',
      'reward model': 'rlhf',
      pretraining: 'pre-training',
    };
    for (const [written, expected] of Object.entries(cases)) {
      assert.equal(closestStageId(written), expected, written);
    }
  });

  it('titleFromId and uniqueId', () => {
    assert.equal(titleFromId('eval-harness'), 'Eval harness');
    assert.equal(titleFromId('data_collection'), 'Data collection');
    assert.equal(uniqueId('rlhf', ['rlhf']), 'rlhf-2');
    assert.equal(uniqueId('rlhf', ['rlhf', 'rlhf-2']), 'rlhf-3');
  });

  it('unknown status: changes it to the closest valid status (preferred)', () => {
    assert.deepEqual(fixesFor(BROKEN, 'unknown-status')[0], {
      title: 'Change status to in-progress',
      preferred: true,
      result: replaceLines(BROKEN, 3, 1, '    status: in-progress'),
    });
  });

  it('unknown status: a quoted value is replaced whole', () => {
    const text = replaceLines(BROKEN, 3, 1, '    status: in-progress');
    const fixes = fixesFor(text, 'unknown-status');
    assert.deepEqual(fixes[0].result, replaceLines(text, 11, 1, '    status: done'));
  });

  it('unknown status: an empty status gets not-started', () => {
    const text = [
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '    status:   # to decide',
      '',
    ].join('\n');
    assert.deepEqual(fixesFor(text, 'unknown-status'), [
      { title: 'Set status to not-started', preferred: true, result: text.replace('status:', 'status: not-started') },
    ]);
  });

  it('unknown stage: the closest built-in id (preferred), or a title that makes it a custom stage', () => {
    assert.deepEqual(fixesFor(BROKEN, 'unknown-stage'), [
      { title: 'Change id to deployment', preferred: true, result: replaceLines(BROKEN, 10, 1, '  - id: deployment') },
      {
        title: 'Add title "Deploymnet" to make deploymnet a custom stage',
        preferred: false,
        result: replaceLines(BROKEN, 11, 0, '    title: Deploymnet'),
      },
    ]);
  });

  it('duplicate id: remove the whole duplicate stage, or rename it (with a title, since the new id is custom)', () => {
    const [remove, rename] = fixesFor(BROKEN, 'duplicate-id');
    // The blank line and the comment above the next stage belong to what follows and stay.
    assert.deepEqual(remove, { title: 'Remove this duplicate rlhf stage', preferred: false, result: replaceLines(BROKEN, 4, 4) });
    assert.deepEqual(rename, {
      title: 'Rename this stage to rlhf-2',
      preferred: false,
      result: replaceLines(BROKEN, 4, 1, '  - id: rlhf-2  # again', '    title: Reinforcement learning / human feedback (2)'),
    });
    assert.deepEqual(
      parse(rename.result).diagnostics.filter((d) => d.code === 'duplicate-id' || d.code === 'unknown-stage').map((d) => d.data?.id),
      ['deploymnet'],
    );
    assert.equal(parse(remove.result).diagnostics.filter((d) => d.code === 'duplicate-id').length, 0);
  });

  it('duplicate id: removing the last stage of the file takes its line break with it', () => {
    const text = ['version: 1', 'stages:', '  - id: x', '    title: X', '  - id: x', '    title: Again'].join('\r\n');
    const [remove] = fixesFor(text, 'duplicate-id');
    assert.equal(remove.result, ['version: 1', 'stages:', '  - id: x', '    title: X'].join('\r\n'));
  });

  it('keeps CRLF line endings when inserting a title', () => {
    const text = ['version: 1', 'stages:', '  - id: my-stage', '    status: done', ''].join('\r\n');
    const range = { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } };
    const edit = insertTitleEdit(text, range, 'My: stage');
    assert.ok(edit);
    assert.equal(applyEdits(text, [edit]), ['version: 1', 'stages:', '  - id: my-stage', '    title: "My: stage"', '    status: done', ''].join('\r\n'));
    const mixed = 'version: 1\r\nstages:\r\n  - id: my-stage\n    status: done\r\n';
    const mixedEdit = insertTitleEdit(mixed, range, 'Mine');
    assert.ok(mixedEdit);
    assert.equal(applyEdits(mixed, [mixedEdit]), 'version: 1\r\nstages:\r\n  - id: my-stage\n    title: Mine\n    status: done\r\n', 'the id line keeps its own ending');
  });

  it('offers no structural fix in flow style', () => {
    const text = 'version: 1\nstages: [{id: a, title: A}, {id: a, title: B}]\n';
    const fixes = fixesFor(text, 'duplicate-id');
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      ['Rename this stage to a-2'],
    );
    assert.equal(removeStageEdit(text, 1), undefined);
  });

  it('offers nothing for other diagnostics', () => {
    assert.deepEqual(fixesFor('version: 1\nstages:\n  - id: rlhf\n    ownr: x\n', 'unknown-key'), []);
  });
});
