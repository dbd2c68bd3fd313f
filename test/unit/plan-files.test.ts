import * as assert from 'node:assert/strict';
import { compileGlobs, DEFAULT_PLAN_FILE_PATTERNS, globToRegExp, matchesAnyGlob } from '../../src/model/planFile/planFiles';

describe('plan file patterns', () => {
  const defaults = compileGlobs(DEFAULT_PLAN_FILE_PATTERNS);

  it('match markdown plans by the default patterns, case-insensitively', () => {
    for (const path of ['PLAN.md', 'plan.md', 'docs/PLAN.md', 'docs/finetune-plan.md', 'Docs/Finetune-Plan.MD', 'docs/plans/q3/roadmap.md', 'a\\b\\Plan.md', 'docs/planning.md']) {
      assert.ok(matchesAnyGlob(path, defaults), path);
    }
    for (const path of ['README.md', 'docs/notes.md', 'plan.txt', 'docs/plans.txt', 'plans/x.md']) {
      assert.ok(!matchesAnyGlob(path, defaults), path);
    }
  });

  it('support *, ?, **, {a,b} and [..]', () => {
    assert.ok(globToRegExp('docs/*.md').test('docs/a.md'));
    assert.ok(!globToRegExp('docs/*.md').test('docs/x/a.md'));
    assert.ok(globToRegExp('docs/**').test('docs/x/a.md'));
    assert.ok(globToRegExp('**/*.{md,markdown}').test('x/a.markdown'));
    assert.ok(globToRegExp('v?.md').test('v1.md'));
    assert.ok(!globToRegExp('v?.md').test('v12.md'));
    assert.ok(globToRegExp('[ab].md').test('B.md'));
    assert.ok(!globToRegExp('[!ab].md').test('a.md'));
    assert.ok(globToRegExp('./a+b (1).md').test('a+b (1).md'));
  });

  it('skip invalid entries instead of failing', () => {
    assert.equal(compileGlobs(['', 3, null, '**/PLAN.md']).length, 1);
  });
});
