import * as assert from 'node:assert/strict';
import { EVIDENCE_MESSAGES, checkEvidenceEntry, evidenceGlobBase, evidenceGlobMatcher, isGlobPattern } from '../../src/model/domain/evidence';

describe('evidence entries', () => {
  it('accepts workspace-relative paths, normalized', () => {
    assert.deepEqual(checkEvidenceEntry('reports/eval.md'), { ok: true, path: 'reports/eval.md', glob: false });
    assert.deepEqual(checkEvidenceEntry(' ./reports//eval.md '), { ok: true, path: 'reports/eval.md', glob: false });
    assert.deepEqual(checkEvidenceEntry('docs/../reports/./eval.md'), { ok: true, path: 'reports/eval.md', glob: false });
    assert.deepEqual(checkEvidenceEntry('model card.md'), { ok: true, path: 'model card.md', glob: false });
    assert.deepEqual(checkEvidenceEntry('a/b/../../c'), { ok: true, path: 'c', glob: false });
  });

  it('tells globs from plain paths by * ? [ {', () => {
    for (const glob of ['reports/*.md', 'reports/**/eval.json', 'run-?.log', 'eval-[0-9].md', 'report.{md,html}']) {
      assert.ok(isGlobPattern(glob), glob);
      assert.deepEqual(checkEvidenceEntry(glob), { ok: true, path: glob, glob: true });
    }
    assert.equal(isGlobPattern('reports/eval-v2.md'), false);
    assert.deepEqual(checkEvidenceEntry('./reports/*.md'), { ok: true, path: 'reports/*.md', glob: true });
  });

  it('refuses paths that leave the workspace folder through ..', () => {
    for (const entry of ['..', '../secrets.txt', 'docs/../../etc/passwd', 'a/./../../b', '../**']) {
      const result = checkEvidenceEntry(entry);
      assert.equal(result.ok, false, entry);
    }
    assert.deepEqual(checkEvidenceEntry('docs/../../etc/passwd'), { ok: false, message: EVIDENCE_MESSAGES.escapes });
  });

  it('refuses any .. in a glob, brace alternatives included', () => {
    for (const entry of ['docs/../*.md', '{..,docs}/*.md', 'docs/{a,..}/x', '../**']) {
      assert.deepEqual(checkEvidenceEntry(entry), { ok: false, message: EVIDENCE_MESSAGES.globDotDot }, entry);
    }
  });

  it('refuses absolute paths, home folders, drive letters, URLs and backslashes', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['/etc/passwd', EVIDENCE_MESSAGES.absolute],
      ['//server/share/x', EVIDENCE_MESSAGES.absolute],
      ['~/notes.md', EVIDENCE_MESSAGES.home],
      ['~root/x', EVIDENCE_MESSAGES.home],
      ['C:/Windows/win.ini', EVIDENCE_MESSAGES.colon],
      ['c:secrets', EVIDENCE_MESSAGES.colon],
      ['file:///etc/passwd', EVIDENCE_MESSAGES.colon],
      ['..\\..\\secrets', EVIDENCE_MESSAGES.backslash],
      ['docs\\..\\..\\x', EVIDENCE_MESSAGES.backslash],
      ['\\\\server\\share', EVIDENCE_MESSAGES.backslash],
      ['reports/eval\\*.md', EVIDENCE_MESSAGES.backslash],
    ];
    for (const [entry, message] of cases) {
      assert.deepEqual(checkEvidenceEntry(entry), { ok: false, message }, entry);
    }
  });

  it('refuses parts made only of dots and spaces, control characters, and empty entries', () => {
    for (const entry of ['.../x', 'docs/.. /x', 'docs/. ./x', '{...,a}/*.md']) {
      assert.deepEqual(checkEvidenceEntry(entry), { ok: false, message: EVIDENCE_MESSAGES.dots }, entry);
    }
    assert.deepEqual(checkEvidenceEntry('reports/eval\u0000.md'), { ok: false, message: EVIDENCE_MESSAGES.control });
    assert.deepEqual(checkEvidenceEntry('a\nb'), { ok: false, message: EVIDENCE_MESSAGES.control });
    assert.deepEqual(checkEvidenceEntry('   '), { ok: false, message: EVIDENCE_MESSAGES.empty });
    for (const entry of ['.', './', 'docs/..']) {
      assert.deepEqual(checkEvidenceEntry(entry), { ok: false, message: EVIDENCE_MESSAGES.folderItself }, entry);
    }
  });
});

describe('evidence globs walked by hand (file systems without search)', () => {
  it('match as file search does: case-sensitive, * within a folder, ** across, dot files included', () => {
    const matches = evidenceGlobMatcher('evals/**/*win-rate.md');
    assert.equal(matches('evals/rlhf-win-rate.md'), true);
    assert.equal(matches('evals/nested/deep/rlhf-win-rate.md'), true);
    assert.equal(matches('evals/RLHF-WIN-RATE.MD'), false);
    assert.equal(matches('other/rlhf-win-rate.md'), false);
    assert.equal(evidenceGlobMatcher('evals/*.md')('evals/nested/a.md'), false);
    assert.equal(evidenceGlobMatcher('evals/*.md')('evals/.hidden.md'), true);
    assert.equal(evidenceGlobMatcher('reports/{final,draft}.pdf')('reports/draft.pdf'), true);
  });

  it('start from the folder before the first glob segment', () => {
    assert.equal(evidenceGlobBase('evals/**/*win-rate.md'), 'evals');
    assert.equal(evidenceGlobBase('evals/nested/*.md'), 'evals/nested');
    assert.equal(evidenceGlobBase('*.md'), '');
    assert.equal(evidenceGlobBase('**/report.md'), '');
  });
});
