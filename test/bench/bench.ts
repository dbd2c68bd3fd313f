// Micro-benchmark of the plan model: parse and edit cost at 5, 100 and 1,000 stages and a 2 MB
// plan, against js-yaml's raw load (a speed reference) and a naive edit that re-serializes the
// document. The edit on the command path starts from the reading the store already has: `plan
// edit` is the splicing alone (target: at most 1 ms at every size), `edit+check` adds the one
// parse that checks the result and is the views' next reading. `blocked` is the longest the
// calling thread was held during a whole status change through the engine, as the extension
// makes it: in the thread for small plans, in the plan worker (a real worker thread) for others.
// Run: `npm run bench` (or `node out/test/bench/bench.js` after compiling).
//
// To measure something new per plan size, add a `BenchCase` to `BENCH_CASES`: it gets the
// generated fixture once, untimed, and returns the function to time. Hover lookups are timed
// per cursor position by hover.bench.ts and reported after the table.

import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import type { StageStatus } from '../../src/model/domain/statuses';
import type { PlanChange, PlanEditStep } from '../../src/model/domain/types';
import { planRound, runRound, type ReadText } from '../../src/model/planFile/edit';
import { readsInThread } from '../../src/model/planFile/offThread';
import { analyzePlan, MAX_PLAN_BYTES, parse } from '../../src/model/planFile/parse';
import { applyEdits } from '../../src/model/planFile/textEdits';
import { startNodeWorker } from '../../src/worker/nodeWorkers';
import { PlanEngine } from '../../src/workspace/planEngine';
import { PlanWorkerClient } from '../../src/workspace/planWorkerClient';
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

/** A fixture with its reading, as the plan store keeps it (read once, untimed). */
interface ReadFixture extends Fixture {
  readonly reading: ReadText;
}

interface BenchCase {
  /** Column label in the results table. */
  readonly name: string;
  /** Called once per fixture, outside the timing; returns the operation to time. */
  readonly prepare: (fixture: ReadFixture) => () => unknown;
}

/** A ratio column: median of `numerator` divided by median of `denominator`. */
interface RatioColumn {
  readonly label: string;
  readonly numerator: string;
  readonly denominator: string;
}

const STAGE_COUNTS = [5, 100, 1000] as const;
/** The last row: as many stages as fit in this many bytes (under the 2 MiB cap). */
const LARGE_PLAN_BYTES = 2_000_000;
const TASKS_PER_STAGE = 10;
/**
 * The status the edit cases set: one that changes no dates, so only the status scalar changes
 * (blocked would also write a `blocked:` date since Block records when a stage got stuck).
 */
const NEW_STATUS: StageStatus = 'skipped';
const STATUS_CHANGE: PlanChange = { kind: 'status', status: NEW_STATUS, today: '2026-12-01' };
/** Runs of a whole status change through the engine, for the blocked-time figure (median of the runs' longest block)... */
const BLOCKED_RUNS = 5;
/** ...after these (the first of them, on code not yet compiled, is its own column). */
const BLOCKED_WARMUP_RUNS = 3;
/** Time spent per case and size (after warm-up); the 2 MB plan's cases take their minimum runs (seconds each). */
const BUDGET_MS = 600;
const WARMUP_MS = 150;
const MIN_RUNS = 3;
const MAX_RUNS = 300;

const BENCH_CASES: readonly BenchCase[] = [
  { name: 'parse', prepare: (fixture) => () => parse(fixture.text) },
  { name: 'js-yaml load', prepare: (fixture) => () => jsyaml.load(fixture.text) },
  { name: 'plan edit', prepare: (fixture) => () => plannedEdit(fixture) },
  { name: 'edit+check', prepare: (fixture) => () => checkedEdit(fixture) },
  { name: 'naive edit', prepare: (fixture) => () => naiveEdit(fixture) },
];

const RATIOS: readonly RatioColumn[] = [
  { label: 'parse/js-yaml', numerator: 'parse', denominator: 'js-yaml load' },
  { label: 'naive/plan edit', numerator: 'naive edit', denominator: 'plan edit' },
];

// ---- fixtures ---------------------------------------------------------------------------

const BUILT_IN_IDS = ['pre-training', 'prompt-engineering', 'fine-tuning', 'rlhf', 'deployment'];
const STATUSES: readonly StageStatus[] = ['done', 'in-progress', 'not-started', 'skipped', 'not-started'];

/** A hand-written-looking plan: comments, aligned trailing comments, blank lines, mixed quoting. */
function planText(stageCount: number): string {
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
  return lines.join('\n') + '\n';
}

function generatePlan(stageCount: number): Fixture {
  const text = planText(stageCount);
  const targetIndex = Math.floor(stageCount / 2);
  const targetId = stageIdAt(targetIndex);
  const marker = `  - id: ${targetId}\n`;
  const statusLine = text.indexOf('    status: ', text.indexOf(marker) + marker.length);
  const statusStart = statusLine + '    status: '.length;
  return { stageCount, text, targetId, targetIndex, statusStart, statusEnd: statusStart + 'not-started'.length };
}

/** The most stages whose plan fits in `bytes`, by bisection over the generator. */
function stageCountFitting(bytes: number): number {
  let low = 1;
  let high = 2;
  while (Buffer.byteLength(planText(high), 'utf8') <= bytes) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (Buffer.byteLength(planText(middle), 'utf8') <= bytes) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Built-in ids first, then custom stages (which need a title). */
function stageIdAt(index: number): string {
  return index < BUILT_IN_IDS.length ? BUILT_IN_IDS[index] : `custom-stage-${index}`;
}

// ---- the ways to edit --------------------------------------------------------------------

function stepsOf(fixture: Fixture): PlanEditStep[] {
  return [{ stageId: fixture.targetId, change: STATUS_CHANGE }];
}

/** The command path's own cost: the splices from the store's reading, and the text they make; no parse. */
function plannedEdit(fixture: ReadFixture): string {
  const result = planRound(fixture.reading, stepsOf(fixture));
  if (!result.ok) {
    throw new Error(`edit failed: ${result.reason}`);
  }
  return result.text;
}

/** The splices and the one parse that checks them (also the views' reading of the new text). */
function checkedEdit(fixture: ReadFixture): string {
  const result = runRound(fixture.reading, stepsOf(fixture));
  if (!result.ok || !result.after) {
    throw new Error(`edit failed: ${result.ok ? 'no change' : result.reason}`);
  }
  return applyEdits(fixture.text, result.edits);
}

/** What a straightforward implementation would do: parse, set the value, print it all again. */
function naiveEdit(fixture: Fixture): string {
  const document = parseDocument(fixture.text);
  document.setIn(['stages', fixture.targetIndex, 'status'], NEW_STATUS);
  return document.toString();
}

// ---- the calling thread, blocked ------------------------------------------------------------

/**
 * Runs `operation` while a setImmediate chain watches the thread, and returns the longest gap
 * between two turns of the chain: the longest the thread was busy with anything else (posting
 * the text to the worker, taking its answer's parts, or the whole edit when it runs here).
 */
async function longestBlock(operation: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const turn = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) {
      setImmediate(turn);
    }
  };
  setImmediate(turn);
  const started = performance.now();
  try {
    await operation();
  } finally {
    running = false;
  }
  const total = performance.now() - started;
  // An operation that never yields blocks for all of its time (the chain never ran).
  return Math.max(longest, performance.now() - last, longest === 0 ? total : 0);
}

/**
 * A full garbage collection, so that collecting what the bench itself allocated (other cases,
 * other plans) does not fall inside a measured block.
 */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** A whole status change as the writer makes it, from the store's reading: the first run's longest block, and the median of the runs after warm-up. */
async function blockedByEdit(engine: PlanEngine, fixture: Fixture): Promise<{ first: number; blocked: number; edited: string }> {
  const blocks: number[] = [];
  let first = Number.NaN;
  let edited = '';
  for (let run = 0; run < BLOCKED_WARMUP_RUNS + BLOCKED_RUNS; run++) {
    collectGarbage();
    // As the store has it: read in the thread, or by the worker (which then holds the reading).
    const reading = await engine.read('bench', fixture.text, 'lifecycle.yaml');
    if (!reading) {
      throw new Error('the bench read was superseded');
    }
    const block = await longestBlock(async () => {
        const result = await engine.edit('bench', 'lifecycle.yaml', reading, fixture.text, stepsOf(fixture));
        if (!result.ok || !result.after) {
          throw new Error(`edit failed: ${result.ok ? 'no change' : result.reason}`);
        }
        edited = result.after.text;
      });
    if (run === 0) {
      first = block;
    } else if (run >= BLOCKED_WARMUP_RUNS) {
      blocks.push(block);
    }
  }
  blocks.sort((a, b) => a - b);
  return { first, blocked: blocks[Math.floor(blocks.length / 2)], edited };
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

/** A line on stderr while the bench runs (the large plan's row takes a while). */
function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
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

async function main(): Promise<void> {
  const started = performance.now();
  const rows: string[][] = [];
  const fidelity: string[] = [];
  const workerScript = path.resolve(__dirname, '..', '..', 'src', 'worker', 'main.js');
  const engine = new PlanEngine(new PlanWorkerClient(() => startNodeWorker(workerScript)));
  try {
    for (const count of [...STAGE_COUNTS, stageCountFitting(LARGE_PLAN_BYTES)]) {
      // One plan at a time, so the others' readings do not weigh on this one's garbage collections.
      const plain = generatePlan(count);
      const { stageCount } = plain;
      const bytes = Buffer.byteLength(plain.text, 'utf8');
      // Measured before this thread holds the plan's yaml nodes: for a plan read in the worker,
      // the extension host never does.
      const { first, blocked, edited } = await blockedByEdit(engine, plain);
      progress(`${stageCount} stages: blocked ${formatMs(blocked)} ms (first run ${formatMs(first)} ms)`);
      const fixture: ReadFixture = { ...plain, reading: { text: plain.text, analysis: analyzePlan(plain.text) } };
      const parsed = fixture.reading.analysis;
      if (parsed.diagnostics.length > 0 || parsed.plan?.stages.length !== stageCount || bytes > MAX_PLAN_BYTES) {
        throw new Error(`generated plan of ${stageCount} stages is not clean: ${JSON.stringify(parsed.diagnostics.slice(0, 3))}`);
      }
      const medians = new Map<string, number>();
      for (const benchCase of BENCH_CASES) {
        medians.set(benchCase.name, measure(benchCase.prepare(fixture)).median);
        progress(`${stageCount} stages: ${benchCase.name} ${formatMs(medians.get(benchCase.name) ?? Number.NaN)} ms`);
      }
      const ratioCells = RATIOS.map((ratio) => {
        const numerator = medians.get(ratio.numerator);
        const denominator = medians.get(ratio.denominator);
        return numerator !== undefined && denominator ? `${(numerator / denominator).toFixed(numerator / denominator >= 100 ? 0 : 2)}x` : 'n/a';
      });
      rows.push([
        String(stageCount),
        String(bytes),
        readsInThread(fixture.text) ? 'thread' : 'worker',
        ...BENCH_CASES.map((benchCase) => formatMs(medians.get(benchCase.name) ?? Number.NaN)),
        formatMs(blocked),
        formatMs(first),
        ...ratioCells,
      ]);
      fidelity.push(describeFidelity(fixture, edited));
    }
  } finally {
    engine.dispose();
  }
  console.log(`Plan model benchmark: ${TASKS_PER_STAGE} tasks per stage; medians in ms; edit = status of the middle stage -> ${NEW_STATUS}`);
  console.log(`plan edit: the splices from the store's reading (no parse); edit+check: with the one parse of the result;`);
  console.log(`blocked: the longest the calling thread was held during a whole status change through the engine (median of ${BLOCKED_RUNS} after ${BLOCKED_WARMUP_RUNS} warm-up runs; 1st: the first run)\n`);
  printTable(['stages', 'bytes', 'read in', ...BENCH_CASES.map((benchCase) => `${benchCase.name} ms`), 'blocked ms', '1st blocked', ...RATIOS.map((ratio) => ratio.label)], rows);
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

/** Checks that our edit (as the engine made it) changed only the status span, and whether the naive edit did too. */
function describeFidelity(fixture: Fixture, ours: string): string {
  const expected = fixture.text.slice(0, fixture.statusStart) + NEW_STATUS + fixture.text.slice(fixture.statusEnd);
  const oursLine = firstDifferenceLine(expected, ours);
  const naiveOutput = naiveEdit(fixture);
  const naive = firstDifferenceLine(expected, naiveOutput);
  const oursText = oursLine === undefined ? 'only the status span changed' : `DIFFERS from line ${oursLine}`;
  const naiveText =
    naive === undefined ? 'identical too' : `differs elsewhere from line ${naive} (${naiveOutput.length - expected.length >= 0 ? '+' : ''}${naiveOutput.length - expected.length} chars)`;
  if (oursLine !== undefined) {
    process.exitCode = 1;
  }
  return `${String(fixture.stageCount).padStart(4)} stages: our edit: ${oursText}; naive edit: ${naiveText}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
