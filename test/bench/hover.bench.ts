// Hover lookup cost on a generated 2,000-line markdown plan: for a cursor position, find the
// term or stage name under it and build the card, exactly the pure work the hover provider does
// per request (the editor adds only `document.lineAt`). Reported per lookup.
// Standalone: `node out/test/bench/hover.bench.js`; `benchHoverLookup()` is for `npm run bench`.

import type { PlanStage } from '../../src/model/domain/types';
import { parse } from '../../src/model/planFile/parse';
import { findPhraseAt, findTermAt } from '../../src/model/presentation/glossary';
import { hoverCard } from '../../src/model/presentation/hoverContent';

export interface HoverBenchResult {
  readonly name: string;
  /** Median over rounds of the mean time of one lookup, in microseconds. */
  readonly medianMicros: number;
  /** Lookups timed per round. */
  readonly lookups: number;
  readonly rounds: number;
  readonly lines: number;
}

const LINE_COUNT = 2000;
const ROUNDS = 9;

/** Prose lines with and without technique terms, as a plan's sections would have them. */
const LINE_TEMPLATES: readonly string[] = [
  '## Step {n}: fine-tuning experiments',
  'Train a LoRA adapter with PEFT on the {n} labelled dialogues and watch for catastrophic forgetting.',
  'Compare zero-shot, one-shot and few-shot prompts; try chain-of-thought for the multi-step tickets.',
  'The reward model scores answers; a KL divergence penalty keeps the policy close (run {n}).',
  'Quantization to int8 or int4 keeps inference latency low; distillation is the fallback.',
  'Owner to confirm budget, dates and the review meeting for milestone {n}.',
  '- [ ] Evaluation harness ready before RLHF starts ({n})',
  '',
];

function generatePlan(): string[] {
  const lines: string[] = [];
  for (let index = 0; lines.length < LINE_COUNT; index++) {
    lines.push(LINE_TEMPLATES[index % LINE_TEMPLATES.length].replace('{n}', String(index)));
  }
  return lines;
}

/** Cursor positions: five per line, spread over it (on terms and between them). */
function positions(lines: readonly string[]): { line: number; character: number }[] {
  const result: { line: number; character: number }[] = [];
  lines.forEach((text, line) => {
    for (let step = 0; step < 5; step++) {
      result.push({ line, character: Math.floor((text.length * step) / 5) + 2 });
    }
  });
  return result;
}

const PLAN_STAGES: readonly PlanStage[] =
  parse(
    [
      'version: 1',
      'stages:',
      '  - id: fine-tuning',
      '    status: in-progress',
      '    owner: dana',
      '  - id: eval-harness',
      '    title: Evaluation harness',
      '    status: blocked',
      '',
    ].join('\n'),
  ).plan?.stages ?? [];
const CUSTOM_PHRASES = ['eval-harness', 'Evaluation harness'];

/** The provider's pure path for one cursor position. */
function lookup(lineText: string, character: number): string | undefined {
  const term = findTermAt(lineText, character);
  const custom = findPhraseAt(lineText, character, CUSTOM_PHRASES);
  if (custom && (!term || custom.end - custom.start > term.end - term.start)) {
    const stage = PLAN_STAGES.find((candidate) => candidate.id === 'eval-harness');
    return hoverCard({ stageId: 'eval-harness', ...(stage && { planStage: stage }), hasPlan: true });
  }
  if (!term) {
    return undefined;
  }
  const planStage = PLAN_STAGES.find((stage) => stage.id === term.stageId);
  return hoverCard({ stageId: term.stageId, ...(term.entry && { term: term.entry }), ...(planStage && { planStage }), hasPlan: true });
}

export function benchHoverLookup(): HoverBenchResult {
  const lines = generatePlan();
  const cursors = positions(lines);
  let found = 0;
  const runRound = (): number => {
    const started = process.hrtime.bigint();
    for (const cursor of cursors) {
      if (lookup(lines[cursor.line], cursor.character) !== undefined) {
        found++;
      }
    }
    return Number(process.hrtime.bigint() - started) / 1000 / cursors.length;
  };
  runRound(); // Warm-up: regex compilation and JIT.
  const perLookup = Array.from({ length: ROUNDS }, runRound).sort((a, b) => a - b);
  if (found === 0) {
    throw new Error('the hover bench found no terms: the generated plan or the matcher is broken');
  }
  return {
    name: 'hover lookup (2,000-line markdown plan)',
    medianMicros: Number(perLookup[Math.floor(perLookup.length / 2)].toFixed(2)),
    lookups: cursors.length,
    rounds: ROUNDS,
    lines: lines.length,
  };
}

if (require.main === module) {
  const result = benchHoverLookup();
  console.log(`${result.name}: ${result.medianMicros} µs per lookup (median of ${result.rounds} rounds of ${result.lookups} lookups)`);
}
