// The diagnostics that stand for many others or for the whole file: the summary of unlisted
// problems, a file over the size limit and a file with git conflict markers.

import * as assert from 'node:assert/strict';
import type { PlanChange } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { quickFixes } from '../../src/model/planFile/fixes';
import { MAX_PLAN_BYTES, parse, tooLargeResult } from '../../src/model/planFile/parse';
import { lines, range } from './helpers';

const CHANGES: readonly PlanChange[] = [
  { kind: 'status', status: 'done' },
  { kind: 'note', note: 'n' },
  { kind: 'add-task', title: 't' },
];

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

  describe('a plan over the size limit', () => {
    const huge = 'version: 1\nstages:\n  - id: rlhf\n' + '#'.repeat(MAX_PLAN_BYTES);

    it('says so in parse, in the store result and in a refused edit, never "not valid YAML"', () => {
      const messages = [
        parse(huge).diagnostics[0].message,
        tooLargeResult(3 * 1024 * 1024).diagnostics[0].message,
        ...CHANGES.map((change) => {
          const result = edit(huge, 'rlhf', change);
          return result.ok ? 'accepted' : result.reason;
        }),
      ];
      for (const message of messages) {
        assert.match(message, /larger than 2 MB|3\.0 MB; plans over 2 MB/);
        assert.match(message, /neither read nor changed/);
        assert.doesNotMatch(message, /valid YAML/);
      }
    });
  });

  describe('git conflict markers', () => {
    const conflicted = lines(
      'version: 1',
      'stages:',
      '  - id: rlhf',
      '<<<<<<< HEAD',
      '    status: done',
      '=======',
      '    status: blocked',
      '    note: waiting for labels',
      '>>>>>>> feature/labels',
      '  - id: deployment',
    );

    it('are one diagnostic naming the conflict and its lines, at the first marker', () => {
      const result = parse(conflicted);
      assert.equal(result.plan, undefined);
      assert.equal(result.diagnostics.length, 1);
      const [diagnostic] = result.diagnostics;
      assert.equal(diagnostic.code, 'merge-conflict');
      assert.equal(diagnostic.severity, 'error');
      assert.match(diagnostic.message, /unresolved merge conflict \(lines 4-9\)/);
      assert.deepEqual(diagnostic.range, range(3, 0, 3, 12));
    });

    it('count every conflict, with CRLF, diff3 bases and stray markers', () => {
      const two = (conflicted + conflicted.split('\n').slice(3).join('\n')).replace(/\n/g, '\r\n');
      assert.match(parse(two).diagnostics[0].message, /2 unresolved merge conflicts \(the first at lines 4-9\)/);
      const diff3 = lines('version: 1', '<<<<<<< ours', 'project: a', '||||||| base', 'project: b', '=======', 'project: c', '>>>>>>> theirs', 'stages: []');
      assert.match(parse(diff3).diagnostics[0].message, /lines 2-8/);
      const stray = parse(lines('version: 1', 'stages: []', '>>>>>>> left over'));
      assert.equal(stray.diagnostics[0].code, 'merge-conflict');
      assert.match(stray.diagnostics[0].message, /\(line 3\)/);
    });

    it('are not confused with lookalikes: indented markers, longer runs, text after =======', () => {
      const lookalikes = lines('version: 1', 'stages:', '  - id: rlhf', '    note: |', '      <<<<<<< not a marker', '      =======', '# >>>>>>> comment');
      assert.deepEqual(parse(lookalikes).diagnostics, []);
      assert.deepEqual(
        parse(lines('version: 1', 'stages: []', '========: 1', '======= x: 1')).diagnostics.map((diagnostic) => diagnostic.code),
        ['unknown-key', 'unknown-key'],
      );
    });

    it('refuse edits with the same message', () => {
      const result = edit(conflicted, 'rlhf', { kind: 'status', status: 'done' });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, /unresolved merge conflict \(lines 4-9\): resolve it/);
    });
  });
});
