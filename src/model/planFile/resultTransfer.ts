// A parse result carried between threads in bounded parts. Receiving a message costs the
// receiving thread the time to rebuild its objects, and a 2 MB plan can hold 80,000 stages or
// 150,000 tasks. Split into parts of at most ITEMS_PER_PART stages, tasks or diagnostics, each
// part is rebuilt in a few milliseconds and the receiver can let other work run between parts.

import type { Plan, PlanStage, PlanTask } from '../domain/types';
import type { ParseResult, PlanDiagnostic } from './types';

/**
 * Stages, tasks and diagnostics per part. Receiving a part of 1,000 (structured clone, then
 * adding it) took 0.9 ms (median) and at most 6 ms for the bench's 2 MB plan on the test
 * machine; the whole plan in one message, 84,000 bare stages, took 0.7 s.
 */
export const ITEMS_PER_PART = 1000;

/** The plan without its stages (they come in parts), or undefined when the text is not a plan. */
export type PlanHead = Omit<Plan, 'stages'>;

export interface ResultHead {
  readonly plan: PlanHead | undefined;
  /** How many parts follow (zero for a result without stages or diagnostics). */
  readonly parts: number;
}

/** A stage's own fields (its tasks follow as task entries), or the next tasks of the last stage, or diagnostics. */
export type PartEntry =
  | { readonly kind: 'stage'; readonly stage: Omit<PlanStage, 'tasks'> }
  | { readonly kind: 'tasks'; readonly tasks: readonly PlanTask[] }
  | { readonly kind: 'diagnostics'; readonly diagnostics: readonly PlanDiagnostic[] };

export interface ResultPart {
  readonly entries: readonly PartEntry[];
}

/** `result` as a head and the parts to send after it, in order. */
export function splitResult(result: ParseResult, itemsPerPart: number = ITEMS_PER_PART): { readonly head: ResultHead; readonly parts: ResultPart[] } {
  const budget = Math.max(1, Math.floor(itemsPerPart));
  const parts: ResultPart[] = [];
  let entries: PartEntry[] = [];
  let items = 0;
  const room = (): number => {
    if (items >= budget) {
      parts.push({ entries });
      entries = [];
      items = 0;
    }
    return budget - items;
  };
  for (let at = 0; at < result.diagnostics.length; ) {
    const slice = result.diagnostics.slice(at, at + room());
    entries.push({ kind: 'diagnostics', diagnostics: slice });
    items += slice.length;
    at += slice.length;
  }
  const { stages, ...planHead } = result.plan ?? { version: 0, stages: [] };
  for (const stage of stages) {
    room();
    const { tasks, ...fields } = stage;
    entries.push({ kind: 'stage', stage: fields });
    items += 1;
    for (let at = 0; at < tasks.length; ) {
      const slice = tasks.slice(at, at + room());
      entries.push({ kind: 'tasks', tasks: slice });
      items += slice.length;
      at += slice.length;
    }
  }
  if (entries.length > 0) {
    parts.push({ entries });
  }
  return { head: { plan: result.plan ? planHead : undefined, parts: parts.length }, parts };
}

/** Rebuilds a result from its head and parts, added in the order they were split. */
export class ResultAssembler {
  private readonly stages: (PlanStage & { tasks: PlanTask[] })[] = [];
  private readonly diagnostics: PlanDiagnostic[] = [];
  private receivedParts = 0;

  constructor(private readonly head: ResultHead) {}

  /** How many parts have been added (the index of the next one). */
  get received(): number {
    return this.receivedParts;
  }

  /** Whether every part has been added. */
  get complete(): boolean {
    return this.receivedParts >= this.head.parts;
  }

  add(part: ResultPart): void {
    if (this.complete) {
      throw new Error('internal: more parts than the head announced');
    }
    this.receivedParts++;
    for (const entry of part.entries) {
      if (entry.kind === 'diagnostics') {
        for (const diagnostic of entry.diagnostics) {
          this.diagnostics.push(diagnostic);
        }
      } else if (entry.kind === 'stage') {
        this.stages.push({ ...entry.stage, tasks: [] });
      } else {
        const last = this.stages[this.stages.length - 1];
        if (!last) {
          throw new Error('internal: tasks before any stage');
        }
        // One by one: spreading a long list into `push` can overflow the call stack.
        for (const task of entry.tasks) {
          last.tasks.push(task);
        }
      }
    }
  }

  result(): ParseResult {
    if (!this.complete) {
      throw new Error('internal: the result is missing parts');
    }
    const plan = this.head.plan ? { ...this.head.plan, stages: this.stages } : undefined;
    return { plan, diagnostics: this.diagnostics };
  }
}
