// The pure side of reading off the extension host's thread: which texts go to the worker, the
// deadline and its result, and results split into bounded parts and put back together.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deadlineFor, deadlineSeconds, IN_THREAD_MAX_CHARS, READ_DEADLINE_MS, readsInThread } from '../../src/model/planFile/offThread';
import { parse, tookTooLongResult, tookTooLongToChangeMessage, unreadableResult } from '../../src/model/planFile/parse';
import { ResultAssembler, splitResult } from '../../src/model/planFile/resultTransfer';
import type { ParseResult } from '../../src/model/planFile/types';
import { lines } from './helpers';

/** A plan of `stages` custom stages with `tasks` tasks each, and one warning per stage (an unknown key). */
function bigPlan(stages: number, tasks: number): string {
  const body: string[] = ['version: 1', 'project: big', 'stages:'];
  for (let stage = 0; stage < stages; stage++) {
    body.push(`  - id: s${stage}`, `    title: Stage ${stage}`, '    colour: blue', '    tasks:');
    for (let task = 0; task < tasks; task++) {
      body.push(`      - title: Task ${task}`, `        done: ${task % 2 === 0}`);
    }
  }
  return lines(...body);
}

function roundTrip(result: ParseResult, itemsPerPart: number): { rebuilt: ParseResult; partSizes: number[] } {
  const { head, parts } = splitResult(result, itemsPerPart);
  // Through structured clone, as a worker message would carry them.
  const assembler = new ResultAssembler(structuredClone(head));
  const partSizes: number[] = [];
  for (const part of parts) {
    assert.equal(assembler.complete, false);
    const copy = structuredClone(part);
    partSizes.push(
      copy.entries.reduce((sum, entry) => sum + (entry.kind === 'stage' ? 1 : entry.kind === 'tasks' ? entry.tasks.length : entry.diagnostics.length), 0),
    );
    assembler.add(copy);
  }
  assert.equal(assembler.complete, true);
  return { rebuilt: assembler.result(), partSizes };
}

describe('reading off the thread', () => {
  describe('which texts are read in the worker', () => {
    it('texts up to the threshold stay in the thread, longer ones go to the worker', () => {
      assert.equal(readsInThread(''), true);
      assert.equal(readsInThread('x'.repeat(IN_THREAD_MAX_CHARS)), true);
      assert.equal(readsInThread('x'.repeat(IN_THREAD_MAX_CHARS + 1)), false);
    });

    it('real plans (the fixtures, a plan of five stages with tasks) stay in the thread', () => {
      const fivePlain = bigPlan(5, 4);
      assert.ok(readsInThread(fivePlain), `${fivePlain.length} characters`);
      const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
      for (const name of ['basic', 'chart-plan', 'lang-plan', 'views-basic']) {
        assert.ok(readsInThread(fs.readFileSync(path.join(fixtures, name, 'lifecycle.yaml'), 'utf8')), name);
      }
    });

    it('the threshold counts characters as the parser walks them (UTF-16 code units)', () => {
      assert.equal(readsInThread('é'.repeat(IN_THREAD_MAX_CHARS)), true);
      assert.equal(readsInThread('😀'.repeat(IN_THREAD_MAX_CHARS / 2 + 1)), false);
    });
  });

  describe('the deadline', () => {
    it('is per text read: a read reads one, an edit one per round and the text it starts from', () => {
      assert.equal(deadlineFor(1), READ_DEADLINE_MS);
      assert.equal(deadlineFor(3), 3 * READ_DEADLINE_MS);
      assert.equal(deadlineFor(0), READ_DEADLINE_MS);
      assert.equal(deadlineSeconds(READ_DEADLINE_MS), READ_DEADLINE_MS / 1000);
      assert.equal(deadlineSeconds(400), 1);
    });

    it('its result is one clear diagnostic and no plan', () => {
      const result = tookTooLongResult(10, 'plan.yaml');
      assert.equal(result.plan, undefined);
      assert.equal(result.diagnostics.length, 1);
      const [diagnostic] = result.diagnostics;
      assert.equal(diagnostic.code, 'took-too-long');
      assert.equal(diagnostic.severity, 'error');
      assert.match(diagnostic.message, /^plan\.yaml took too long to read \(over 10 s\); it is neither shown nor changed\. /);
      assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(tookTooLongResult(5).diagnostics[0].message, /^lifecycle\.yaml took too long/);
      assert.match(tookTooLongToChangeMessage(20, 'lifecycle.yaml'), /^lifecycle\.yaml took too long to change \(over 20 s\), so nothing was written/);
      assert.match(unreadableResult('out of memory').diagnostics[0].message, /could not be read: out of memory/);
    });
  });

  describe('results in bounded parts', () => {
    it('puts a result back exactly, whatever the part size', () => {
      const result = parse(bigPlan(7, 5));
      assert.ok(result.plan && result.diagnostics.length === 7);
      for (const size of [1, 2, 3, 7, 1000]) {
        const { rebuilt, partSizes } = roundTrip(result, size);
        assert.deepEqual(rebuilt, result, `parts of ${size}`);
        assert.ok(
          partSizes.every((items) => items <= size),
          `parts of at most ${size}: ${partSizes.join(',')}`,
        );
      }
    });

    it('splits thousands of tasks under one stage, and thousands of stages', () => {
      const manyTasks = parse(bigPlan(1, 2500));
      const tasks = roundTrip(manyTasks, 1000);
      assert.deepEqual(tasks.rebuilt, manyTasks);
      assert.deepEqual(tasks.partSizes, [1000, 1000, 502]);
      const manyStages = parse(bigPlan(2100, 0));
      const stages = roundTrip(manyStages, 1000);
      assert.deepEqual(stages.rebuilt, manyStages);
      assert.ok(stages.partSizes.every((items) => items <= 1000));
    });

    it('a result without a plan or without anything has a head and no parts to wait for', () => {
      const empty = splitResult({ plan: undefined, diagnostics: [] });
      assert.deepEqual(empty, { head: { plan: undefined, parts: 0 }, parts: [] });
      assert.deepEqual(new ResultAssembler(empty.head).result(), { plan: undefined, diagnostics: [] });
      const broken = parse('stages: [');
      assert.deepEqual(roundTrip(broken, 10).rebuilt, broken);
    });

    it('refuses parts out of place instead of building a wrong plan', () => {
      const { head, parts } = splitResult(parse(bigPlan(2, 2)), 1000);
      const assembler = new ResultAssembler(head);
      assert.throws(() => assembler.result(), /missing parts/);
      assembler.add(parts[0]);
      assert.throws(() => assembler.add(parts[0]), /more parts/);
      assert.throws(() => new ResultAssembler({ plan: { version: 1 }, parts: 1 }).add({ entries: [{ kind: 'tasks', tasks: [] }] }), /before any stage/);
    });
  });
});
