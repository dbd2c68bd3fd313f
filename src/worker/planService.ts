// What the plan worker does with each request, apart from any transport: reads texts and edits
// them with the plan-file engine, keeps its latest reading per plan so an edit of the text it
// last read does not parse it again, and hands results out in bounded parts.

import { configureTranslations, type TranslationBundle } from '../model/localization';
import { editReading, type ReadText } from '../model/planFile/editSequence';
import { analyzePlan } from '../model/planFile/parse';
import { splitResult, type ResultHead, type ResultPart } from '../model/planFile/resultTransfer';
import type { ParseResult } from '../model/planFile/types';
import type { PlanRequest, PlanResponse } from './protocol';

export class PlanService {
  /** The latest reading per key (one plan each: a reading of a large text holds a lot of memory). */
  private readonly readings = new Map<string, ReadText>();
  /** The parts of the latest answer, until the extension has pulled them all. */
  private pending: { readonly id: number; readonly parts: readonly ResultPart[] } | undefined;

  constructor(private readonly itemsPerPart?: number) {}

  /** Translates the messages of every later answer with `translations`. */
  configure(translations: TranslationBundle): void {
    configureTranslations(translations);
    // Readings kept from before would keep their old wording.
    this.readings.clear();
  }

  handle(request: PlanRequest): PlanResponse {
    try {
      switch (request.kind) {
        case 'read':
          return { kind: 'read', id: request.id, head: this.answer(request.id, this.readingOf(request.key, request.text).analysis) };
        case 'edit':
          return this.edit(request);
        case 'part':
          return this.part(request.id, request.index);
      }
    } catch (error) {
      // Defensive: the engine does not throw, but a worker must answer every request.
      return { kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private edit(request: Extract<PlanRequest, { kind: 'edit' }>): PlanResponse {
    const result = editReading(this.readingOf(request.key, request.text), request.steps);
    if (!result.ok) {
      this.pending = undefined;
      return { kind: 'edit', id: request.id, answer: result };
    }
    if (result.after) {
      this.readings.set(request.key, result.after);
    }
    const head = result.after ? this.answer(request.id, result.after.analysis) : undefined;
    return { kind: 'edit', id: request.id, answer: { ok: true, edits: result.edits, head } };
  }

  private part(id: number, index: number): PlanResponse {
    const part = this.pending?.id === id ? this.pending.parts[index] : undefined;
    if (!this.pending || !part) {
      return { kind: 'failed', id, message: `internal: no part ${index} of answer ${id}` };
    }
    if (index === this.pending.parts.length - 1) {
      this.pending = undefined;
    }
    return { kind: 'part', id, index, part };
  }

  private readingOf(key: string, text: string): ReadText {
    const kept = this.readings.get(key);
    if (kept && kept.text === text) {
      return kept;
    }
    // Dropped first, so the old reading's memory can go while the new one is built.
    this.readings.delete(key);
    const reading = { text, analysis: analyzePlan(text) };
    this.readings.set(key, reading);
    return reading;
  }

  private answer(id: number, result: ParseResult): ResultHead {
    const { head, parts } = splitResult({ plan: result.plan, diagnostics: result.diagnostics }, this.itemsPerPart);
    this.pending = parts.length > 0 ? { id, parts } : undefined;
    return head;
  }
}
