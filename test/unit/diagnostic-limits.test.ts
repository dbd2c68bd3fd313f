// The diagnostics that stand for many others or for the whole file: the summary of unlisted
// problems, a file over the size limit and a file with git conflict markers.

import * as assert from 'node:assert/strict';
import { quickFixes } from '../../src/model/planFile/fixes';
import { parse } from '../../src/model/planFile/parse';

describe('diagnostic limits', () => {
  describe('the summary of unlisted problems', () => {
    const stages = Array.from({ length: 1200 }, (_, index) => `  - id: s${index}\n    status: nope`).join('\n');
    const result = parse(`version: 1\nstages:\n${stages}\n`);
    const summary = result.diagnostics[result.diagnostics.length - 1];

    it('has its own code, so no quick fix of a listed problem repeats on it', () => {
      assert.equal(result.diagnostics.length, 1001);
      assert.equal(summary.code, 'more-problems');
      assert.match(summary.message, /^\d+ more problems are not listed/);
      assert.deepEqual(quickFixes(`version: 1\nstages:\n${stages}\n`, summary, { stageIds: [] }), []);
    });

    it('points at the first unlisted problem, not at the last listed one', () => {
      const lastListed = result.diagnostics[result.diagnostics.length - 2];
      assert.ok(summary.range.start.line > lastListed.range.start.line);
      assert.deepEqual(summary.range.start, summary.range.end);
    });

    it('summarizes yaml problems and duplicate keys over their cap the same way', () => {
      const broken = parse('\t- x\n'.repeat(100));
      const yamlSummary = broken.diagnostics.find((diagnostic) => diagnostic.code === 'more-problems');
      assert.ok(yamlSummary);
      assert.match(yamlSummary.message, /^50 more YAML problems/);
      assert.equal(yamlSummary.range.start.line, 50);
      const keys = Array.from({ length: 60 }, () => '    owner: x').join('\n');
      const duplicates = parse(`version: 1\nstages:\n  - id: rlhf\n${keys}\n`).diagnostics;
      assert.equal(duplicates.filter((diagnostic) => diagnostic.code === 'yaml-syntax').length, 50);
      const keySummary = duplicates.find((diagnostic) => diagnostic.code === 'more-problems');
      assert.match(keySummary?.message ?? '', /^9 more duplicate keys/);
      assert.equal(keySummary?.range.start.line, 54, 'the 51st duplicate: line 5 holds the first');
    });
  });
});
