// What reading a plan costs on the worst texts found, per size: the measurements behind the
// in-thread threshold and the worker's deadline (src/model/planFile/offThread.ts).
// Run: `npm run bench:reading` (or `node out/test/bench/readCost.js [--sizes=2048,4096] [--runs=15] [--full]`).
//   --full also reads each text at 2 MB once (seconds each: what the deadline must allow for).
//
// Each text is one line (or block) repeated to the size. Warm figures: every shape is read a
// few times first, then each size `runs` times; the minimum is the text's own cost (a busy
// machine only adds to it), the median what it costs on this machine now.

import { analyzePlan } from '../../src/model/planFile/parse';
import { IN_THREAD_MAX_CHARS } from '../../src/model/planFile/offThread';

interface Shape {
  readonly name: string;
  readonly text: (bytes: number) => string;
}

function repeated(line: string, bytes: number): string {
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

function grown(head: string, bytes: number, next: (index: number) => string): string {
  const parts = [head];
  let length = head.length;
  for (let index = 0; length < bytes; index++) {
    const part = next(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const SHAPES: readonly Shape[] = [
  { name: 'errors: `a: b: c: d` lines', text: (bytes) => repeated('a: b: c: d\n', bytes) },
  { name: 'errors: ` ]: [` lines', text: (bytes) => repeated(' ]: [\n', bytes) },
  { name: 'errors: keys at odd indentation', text: (bytes) => grown('', bytes, (index) => `${' '.repeat(index % 7)}k${index}: v\n`) },
  { name: 'errors: duplicate keys in a stage', text: (bytes) => grown('version: 1\nstages:\n  - id: pre-training\n', bytes, () => '    note: v\n') },
  { name: 'unknown keys in a stage', text: (bytes) => grown('version: 1\nstages:\n  - id: pre-training\n', bytes, (index) => `    k${index}: v\n`) },
  { name: 'unknown keys at the top', text: (bytes) => grown('version: 1\n', bytes, (index) => `k${index}: v\n`) },
  { name: 'aliases of one anchor', text: (bytes) => grown('a: &x 1\n', bytes, (index) => `k${index}: *x\n`) },
  { name: 'deep: 60-level `[[...]]` lines', text: (bytes) => `x: ${repeated(`- ${'['.repeat(60)}${']'.repeat(60)}\n`, bytes)}` },
  { name: 'deep: `- - - -` lines', text: (bytes) => repeated('- - - - - - - - - -\n', bytes) },
  { name: 'flow: `{a: [1, {b: c}]}` items', text: (bytes) => `x: [${repeated('{a: [1, {b: c}]}, ', bytes)}]\n` },
  {
    name: 'valid: many stages with a task',
    text: (bytes) => grown('version: 1\nstages:\n', bytes, (index) => `  - id: s${index}\n    title: Stage ${index}\n    status: done\n    tasks:\n      - title: t\n        done: true\n`),
  },
  { name: 'valid: one stage, many tasks', text: (bytes) => grown('version: 1\nstages:\n  - id: pre-training\n    tasks:\n', bytes, (index) => `      - title: Task ${index}\n        done: false\n`) },
];

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const SIZES = (option('sizes') ?? '2048,4096,8192,16384,32768').split(',').map(Number);
const RUNS = Number(option('runs') ?? 15);
const FULL = process.argv.includes('--full');
const FULL_BYTES = 2_000_000;
/** Half the 50 ms a thread may be held: an edit in the thread may read twice (Block with a reason). */
const READ_BUDGET_MS = 25;

function time(text: string): number {
  const started = performance.now();
  analyzePlan(text);
  return performance.now() - started;
}

function format(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : ms.toFixed(1);
}

function main(): void {
  // Warm-up: every shape a few times, so the figures are of compiled code.
  for (let round = 0; round < 5; round++) {
    for (const shape of SHAPES) {
      analyzePlan(shape.text(8192));
    }
  }
  const header = ['text', ...SIZES.map((size) => `${size / 1024} KB min/median`), ...(FULL ? ['2 MB once'] : [])];
  const rows: string[][] = [];
  const worstMin = new Map<number, number>();
  for (const shape of SHAPES) {
    const row = [shape.name];
    for (const size of SIZES) {
      const text = shape.text(size);
      const times = Array.from({ length: RUNS }, () => time(text)).sort((a, b) => a - b);
      worstMin.set(size, Math.max(worstMin.get(size) ?? 0, times[0]));
      row.push(`${format(times[0])} / ${format(times[Math.floor(times.length / 2)])}`);
    }
    if (FULL) {
      row.push(format(time(shape.text(FULL_BYTES))));
    }
    rows.push(row);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`Reading cost (analyzePlan) per text and size, warm, ms (min / median of ${RUNS} runs)\n`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.forEach((row) => console.log(line(row)));
  const fitting = SIZES.filter((size) => (worstMin.get(size) ?? Infinity) <= READ_BUDGET_MS);
  console.log(`\nWorst text per size (min): ${SIZES.map((size) => `${size / 1024} KB ${format(worstMin.get(size) ?? NaN)}`).join(', ')}`);
  console.log(`Largest size whose worst text reads within ${READ_BUDGET_MS} ms here: ${fitting.length > 0 ? `${Math.max(...fitting) / 1024} KB` : 'none measured'}; the threshold is ${IN_THREAD_MAX_CHARS / 1024} KB (offThread.ts)`);
}

main();
