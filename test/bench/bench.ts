// Micro-benchmark of the plan model: parse and edit cost at 5, 100 and 1,000 stages, against
// js-yaml's raw load (a speed reference) and a naive edit that re-serializes the document.
// Run: `npm run bench` (or `node out/test/bench/bench.js` after compiling).
//
// To measure something new per plan size, add a `BenchCase` to `BENCH_CASES`: it gets the
// generated fixture once, untimed, and returns the function to time. Hover lookups are timed
// per cursor position by hover.bench.ts and reported after the table.

import * as jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import type { StageStatus } from '../../src/model/domain/statuses';
import type { PlanChange } from '../../src/model/domain/types';
import { edit } from '../../src/model/planFile/edit';
import { parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { benchHoverLookup } from './hover.bench';

/** A generated plan and the facts the cases need about it. */
interface Fixture {
  readonly stageCount: number;
  readonly text: string;
  /** The stage every edit case changes (the middle one). */
  readonly targetId: string;
  readonly targetIndex: number;
  /** Offsets of the target's status scalar in `text`. */
  readonly statusStart: number;
  readonly statusEnd: number;
}

interface BenchCase {
  /** Column label in the results table. */
  readonly name: string;
  /** Called once per fixture, outside the timing; returns the operation to time. */
  readonly prepare: (fixture: Fixture) => () => unknown;
}

/** A ratio column: median of `numerator` divided by median of `denominator`. */
interface RatioColumn {
  readonly label: string;
  readonly numerator: string;
  readonly denominator: string;
}

const STAGE_COUNTS = [5, 100, 1000] as const;
const TASKS_PER_STAGE = 10;
/** The status the edit cases set: one that changes no dates, so only the status scalar changes. */
const NEW_STATUS: StageStatus = 'blocked';
const STATUS_CHANGE: PlanChange = { kind: 'status', status: NEW_STATUS, today: '2026-12-01' };
/** Time spent per case and size (after warm-up); keeps the whole run well under a minute. */
const BUDGET_MS = 600;
const WARMUP_MS = 150;
const MIN_RUNS = 3;
const MAX_RUNS = 300;

const BENCH_CASES: readonly BenchCase[] = [
  { name: 'parse', prepare: (fixture) => () => parse(fixture.text) },
  { name: 'js-yaml load', prepare: (fixture) => () => jsyaml.load(fixture.text) },
  { name: 'edit+apply', prepare: (fixture) => () => ourEdit(fixture) },
  { name: 'naive edit', prepare: (fixture) => () => naiveEdit(fixture) },
];

const RATIOS: readonly RatioColumn[] = [
  { label: 'parse/js-yaml', numerator: 'parse', denominator: 'js-yaml load' },
  { label: 'naive/edit', numerator: 'naive edit', denominator: 'edit+apply' },
];

// ---- fixtures ---------------------------------------------------------------------------

const BUILT_IN_IDS = ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment'];
const STATUSES: readonly StageStatus[] = ['done', 'in-progress', 'not-started', 'skipped', 'not-started'];

/** A hand-written-looking plan: comments, aligned trailing comments, blank lines, mixed quoting. */
function generatePlan(stageCount: number): Fixture {
  const lines = ['# Generated benchmark plan', 'version: 1', 'project: "bench project"', 'stages:'];
  const targetIndex = Math.floor(stageCount / 2);
  for (let index = 0; index < stageCount; index++) {
    const id = stageIdAt(index);
    const status = index === targetIndex ? 'not-started' : STATUSES[index % STATUSES.length];
    lines.push('', `  # Stage ${index + 1}`, `  - id: ${id}`);
    if (index >= BUILT_IN_IDS.length) {
      lines.push(`    title: 'Custom stage ${index + 1}'`);
    }
    lines.push(`    status: ${status}      # aligned comment`, `    owner:  person-${index % 7}`, `    note: Step ${index + 1} of the plan, see docs`);
    if (status === 'done' || status === 'in-progress') {
      lines.push('    started: 2026-01-15');
    }
    lines.push('    tasks:');
    for (let task = 0; task < TASKS_PER_STAGE; task++) {
      if (task % 4 === 3) {
        lines.push(`      - {title: "Task ${task + 1}, compact", done: ${task % 2 === 0}}`);
      } else {
        lines.push(`      - title: Task ${task + 1} of stage ${index + 1}`, `        done: ${task % 3 === 0}   # checked`);
      }
    }
  }
  const text = lines.join('\n') + '\n';
  const targetId = stageIdAt(targetIndex);
  const marker = `  - id: ${targetId}\n`;
  const statusLine = text.indexOf('    status: ', text.indexOf(marker) + marker.length);
  const statusStart = statusLine + '    status: '.length;
  return { stageCount, text, targetId, targetIndex, statusStart, statusEnd: statusStart + 'not-started'.length };
}

/** Built-in ids first, then custom stages (which need a title). */
function stageIdAt(index: number): string {
  return index < BUILT_IN_IDS.length ? BUILT_IN_IDS[index] : `custom-stage-${index}`;
}

// ---- the two ways to edit ---------------------------------------------------------------

function ourEdit(fixture: Fixture): string {
  const result = edit(fixture.text, fixture.targetId, STATUS_CHANGE);
  if (!result.ok) {
    throw new Error(`edit failed: ${result.reason}`);
  }
  return applyEdits(fixture.text, result.edits);
}

/** What a straightforward implementation would do: parse, set the value, print it all again. */
function naiveEdit(fixture: Fixture): string {
  const document = parseDocument(fixture.text);
  document.setIn(['stages', fixture.targetIndex, 'status'], NEW_STATUS);
  return document.toString();
}

// ---- measuring --------------------------------------------------------------------------

function measure(operation: () => unknown): { median: number; runs: number } {
  const warmupEnd = performance.now() + WARMUP_MS;
  let firstDuration = Number.POSITIVE_INFINITY;
  do {
    const started = performance.now();
    operation();
    firstDuration = Math.min(firstDuration, performance.now() - started);
  } while (performance.now() < warmupEnd);
  const runs = Math.max(MIN_RUNS, Math.min(MAX_RUNS, Math.ceil(BUDGET_MS / Math.max(firstDuration, 0.001))));
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    operation();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const middle = Math.floor(durations.length / 2);
  const median = durations.length % 2 === 1 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
  return { median, runs };
}

/** Where `actual` first departs from `expected`, as a line number, or undefined when equal. */
function firstDifferenceLine(expected: string, actual: string): number | undefined {
  if (expected === actual) {
    return undefined;
  }
  let offset = 0;
  while (offset < expected.length && expected[offset] === actual[offset]) {
    offset++;
  }
  return expected.slice(0, offset).split('\n').length;
}

function formatMs(value: number): string {
  return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
}

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    console.log(format(row));
  }
}

function main(): void {
  const started = performance.now();
  const rows: string[][] = [];
  const fidelity: string[] = [];
  for (const stageCount of STAGE_COUNTS) {
    const fixture = generatePlan(stageCount);
    const parsed = parse(fixture.text);
    if (parsed.diagnostics.length > 0 || parsed.plan?.stages.length !== stageCount) {
      throw new Error(`generated plan of ${stageCount} stages is not clean: ${JSON.stringify(parsed.diagnostics.slice(0, 3))}`);
    }
    const medians = new Map<string, number>();
    for (const benchCase of BENCH_CASES) {
      medians.set(benchCase.name, measure(benchCase.prepare(fixture)).median);
    }
    const ratioCells = RATIOS.map((ratio) => {
      const numerator = medians.get(ratio.numerator);
      const denominator = medians.get(ratio.denominator);
      return numerator !== undefined && denominator ? `${(numerator / denominator).toFixed(2)}x` : 'n/a';
    });
    rows.push([
      String(stageCount),
      String(Buffer.byteLength(fixture.text, 'utf8')),
      ...BENCH_CASES.map((benchCase) => formatMs(medians.get(benchCase.name) ?? Number.NaN)),
      ...ratioCells,
    ]);
    fidelity.push(describeFidelity(fixture));
  }
  console.log(`Plan model benchmark: ${TASKS_PER_STAGE} tasks per stage; medians in ms; edit = status of the middle stage -> ${NEW_STATUS}\n`);
  printTable(['stages', 'bytes', ...BENCH_CASES.map((benchCase) => `${benchCase.name} ms`), ...RATIOS.map((ratio) => ratio.label)], rows);
  console.log('\nOutside the status scalar:');
  for (const line of fidelity) {
    console.log(`  ${line}`);
  }
  // Hover cost is per cursor position on a markdown plan, not per plan size: its own line.
  const hover = benchHoverLookup();
  const frameBudgetMicros = 16_000;
  console.log(
    `\nHover: ${hover.name}: ${hover.medianMicros} µs per lookup, median of ${hover.rounds} rounds of ${hover.lookups} positions` +
      ` (${Math.floor(frameBudgetMicros / hover.medianMicros)} lookups fit in one 16 ms frame)`,
  );
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Checks that our edit changed only the status span, and whether the naive edit did too. */
function describeFidelity(fixture: Fixture): string {
  const expected = fixture.text.slice(0, fixture.statusStart) + NEW_STATUS + fixture.text.slice(fixture.statusEnd);
  const ours = firstDifferenceLine(expected, ourEdit(fixture));
  const naiveOutput = naiveEdit(fixture);
  const naive = firstDifferenceLine(expected, naiveOutput);
  const oursText = ours === undefined ? 'only the status span changed' : `DIFFERS from line ${ours}`;
  const naiveText =
    naive === undefined ? 'identical too' : `differs elsewhere from line ${naive} (${naiveOutput.length - expected.length >= 0 ? '+' : ''}${naiveOutput.length - expected.length} chars)`;
  if (ours !== undefined) {
    process.exitCode = 1;
  }
  return `${String(fixture.stageCount).padStart(4)} stages: our edit: ${oursText}; naive edit: ${naiveText}`;
}

main();
