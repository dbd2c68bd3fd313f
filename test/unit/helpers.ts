// Shared helpers for the model's unit tests.

import * as assert from 'node:assert/strict';
import type { StageStatus } from '../../src/model/domain/statuses';
import type { Plan, Range } from '../../src/model/domain/types';
import * as parseModule from '../../src/model/planFile/parse';
import { parse } from '../../src/model/planFile/parse';
import { LineIndex } from '../../src/model/planFile/text';
import type { ParseResult } from '../../src/model/planFile/types';

/** A zero-based range, written the way VS Code shows it: (line, character) to (line, character). */
export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A plan whose stages have these statuses (custom ids s0, s1, ...; titles S0, S1, ...). */
export function planOfStatuses(...statuses: StageStatus[]): Plan {
  const stages = statuses.map((status, index) => `  - {id: s${index}, title: S${index}, status: ${status}}`);
  const result = parse(['version: 1', stages.length > 0 ? 'stages:' : 'stages: []', ...stages, ''].join('\n'));
  assert.deepEqual(result.diagnostics, []);
  assert.ok(result.plan);
  return result.plan;
}

/** Lines joined with `\n` plus a final line break: keeps multi-line YAML fixtures readable. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** A small seeded PRNG (mulberry32), so fuzz failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Every range a result reports must lie inside the text, start before end. */
export function assertRangesInside(text: string, result: ParseResult): void {
  const index = new LineIndex(text);
  const check = (range: Range, what: string): void => {
    const start = index.offsetAt(range.start);
    const end = index.offsetAt(range.end);
    assert.ok(range.start.line >= 0 && range.start.line < index.lineCount, `${what} start line`);
    assert.ok(range.end.line >= 0 && range.end.line < index.lineCount, `${what} end line`);
    assert.deepEqual(index.positionAt(start), range.start, `${what} start is a real position`);
    assert.deepEqual(index.positionAt(end), range.end, `${what} end is a real position`);
    assert.ok(start <= end, `${what} is ordered`);
  };
  for (const diagnostic of result.diagnostics) {
    check(diagnostic.range, diagnostic.code);
    assert.ok(diagnostic.message.length > 0);
  }
  for (const stage of result.plan?.stages ?? []) {
    check(stage.range, `stage ${stage.id}`);
    check(stage.idRange, `id ${stage.id}`);
    if (stage.statusRange) {
      check(stage.statusRange, `status ${stage.id}`);
    }
    for (const task of stage.tasks) {
      check(task.range, `task ${task.title}`);
    }
  }
}

/**
 * Counts calls of analyzePlan from now until `restore()`. The model's modules call it through
 * the module object, so replacing the export sees every parse.
 */
export function countParses(): { readonly count: () => number; readonly restore: () => void } {
  const module = parseModule as { analyzePlan: typeof parseModule.analyzePlan };
  const original = module.analyzePlan;
  let parses = 0;
  module.analyzePlan = (text: string) => {
    parses++;
    return original(text);
  };
  return { count: () => parses, restore: () => (module.analyzePlan = original) };
}
