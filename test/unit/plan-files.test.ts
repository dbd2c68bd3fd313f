import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { compilePlanFilePatterns, DEFAULT_PLAN_FILE_PATTERNS } from '../../src/model/planFile/planFiles';

/** Whether `relativePath` is a plan file by the one pattern `glob`. */
function matches(glob: string, relativePath: string): boolean {
  return compilePlanFilePatterns([glob])(relativePath);
}

describe('plan file patterns', () => {
  const isDefaultPlanFile = compilePlanFilePatterns(DEFAULT_PLAN_FILE_PATTERNS);

  it('match markdown plans by the default patterns, case-insensitively', () => {
    for (const file of ['PLAN.md', 'plan.md', 'docs/PLAN.md', 'docs/finetune-plan.md', 'Docs/Finetune-Plan.MD', 'docs/plans/q3/roadmap.md', 'a\\b\\Plan.md', 'docs/planning.md', '.github/PLAN.md', 'docs/plans/.draft.md']) {
      assert.ok(isDefaultPlanFile(file), file);
    }
    for (const file of ['README.md', 'docs/notes.md', 'plan.txt', 'docs/plans.txt', 'plans/x.md']) {
      assert.ok(!isDefaultPlanFile(file), file);
    }
  });

  it('support *, ?, **, {a,b} and [..]', () => {
    assert.ok(matches('docs/*.md', 'docs/a.md'));
    assert.ok(!matches('docs/*.md', 'docs/x/a.md'));
    assert.ok(matches('docs/**', 'docs/x/a.md'));
    assert.ok(matches('**/*.{md,markdown}', 'x/a.markdown'));
    assert.ok(matches('v?.md', 'v1.md'));
    assert.ok(!matches('v?.md', 'v12.md'));
    assert.ok(matches('[ab].md', 'B.md'));
    assert.ok(!matches('[!ab].md', 'a.md'));
    assert.ok(matches('./a+b (1).md', 'a+b (1).md'));
  });

  it('support nested braces, ranges, bracket classes and extglobs', () => {
    assert.ok(matches('docs/{a,{b,c}}.md', 'docs/c.md'));
    assert.ok(matches('v{1..3}.md', 'v2.md'));
    assert.ok(!matches('v{1..3}.md', 'v4.md'));
    assert.ok(matches('[!ab].md', 'c.md'));
    assert.ok(!matches('[!ab].md', '/.md'), 'a negated set never matches the separator');
    assert.ok(matches('[a-c].md', 'B.md'));
    assert.ok(matches('v[[:digit:]].md', 'v7.md'));
    assert.ok(matches('@(roadmap|plan).md', 'Roadmap.md'));
    assert.ok(matches('!(notes).md', 'plan.md'));
    assert.ok(!matches('!(notes).md', 'notes.md'));
  });

  it('take regex characters and unclosed brackets or braces literally', () => {
    assert.ok(matches('a$b^c|d.md', 'a$b^c|d.md'));
    assert.ok(!matches('a.md', 'aXmd'));
    assert.ok(matches('[draft.md', '[draft.md'));
    assert.ok(matches('{a,b.md', '{a,b.md'));
  });

  it('read Windows-style backslashes as separators, in patterns and paths', () => {
    assert.ok(matches('docs\\plans\\*.md', 'docs/plans/q3.md'));
    assert.ok(matches('docs/plans/*.md', 'docs\\plans\\q3.md'));
    assert.ok(matches('**/PLAN.md', '\\docs\\PLAN.md'));
  });

  it('exclude what a pattern starting with ! matches', () => {
    const isPlanFile = compilePlanFilePatterns(['**/*plan*.md', '!**/archive/**', ' !docs\\old-plan.md ']);
    assert.ok(isPlanFile('docs/plan.md'));
    assert.ok(!isPlanFile('archive/2023/plan.md'));
    assert.ok(!isPlanFile('Docs/Old-Plan.md'));
    assert.ok(!compilePlanFilePatterns(['!**/archive/**'])('plan.md'), 'exclusions alone include nothing');
  });

  it('skip invalid entries instead of failing', () => {
    const isPlanFile = compilePlanFilePatterns(['', '  ', '!', 3, null, `${'*'.repeat(70_000)}.md`, '**/PLAN.md']);
    assert.ok(isPlanFile('docs/plan.md'));
    assert.ok(!isPlanFile('README.md'), 'the skipped entries match nothing');
    assert.ok(!compilePlanFilePatterns([])('PLAN.md'));
  });

  it('bundle for a browser with no Node built-in (the web extension host has none)', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const result = buildSync({ entryPoints: [path.join(root, 'src', 'model', 'planFile', 'planFiles.ts')], bundle: true, platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
    assert.deepEqual(result.errors, []);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.includes('node_modules/picomatch/')), 'picomatch is bundled in');
  });
});
