// Where plan texts are read and changed: small ones in this thread (fast, and the located
// reading stays here for edits), larger ones in the plan worker under a deadline (see the
// model's offThread.ts for the threshold and the deadline, and the measurements behind them).
// The store reads through `read`, the writer changes through `edit`; nothing else parses.
// Free of `vscode` (unit tests and the bench run it in plain Node), so its words go through
// `@vscode/l10n`, which activation configures with the extension's bundle.

import * as l10n from '@vscode/l10n';
import type { PlanEditStep } from '../model/domain/types';
import type { PlanAnalysis } from '../model/planFile/analysis';
import { editRounds } from '../model/planFile/edit';
import { editReading } from '../model/planFile/editSequence';
import { deadlineFor, deadlineSeconds, readsInThread } from '../model/planFile/offThread';
import { analyzePlan, tookTooLongResult, tookTooLongToChangeMessage, unreadableResult } from '../model/planFile/parse';
import { applyEdits } from '../model/planFile/textEdits';
import type { ParseResult, TextEdit } from '../model/planFile/types';
import type { PlanWorkerClient } from './planWorkerClient';

/** One text of a plan and what it reads as. */
export interface PlanReading {
  readonly text: string;
  readonly result: ParseResult;
  /** The located reading, when the text was read in this thread; the worker keeps those of larger texts. */
  readonly analysis?: PlanAnalysis;
}

export type EngineEdit = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly after: PlanReading | undefined } | { readonly ok: false; readonly reason: string };

export class PlanEngine {
  /** The plan worker's extension side (tests check it is not started before a large plan needs it). */
  constructor(readonly worker: PlanWorkerClient) {}

  /**
   * Reads `text` as the plan of `key` (a folder). Undefined when a newer read of the same plan
   * replaced this one before the worker started on it (the caller drops stale reads anyway).
   */
  async read(key: string, text: string, fileName: string): Promise<PlanReading | undefined> {
    if (readsInThread(text)) {
      return localReading(text, analyzePlan(text));
    }
    const deadline = deadlineFor(1);
    const reply = await this.worker.read(key, text, deadline);
    switch (reply.kind) {
      case 'done':
        return { text, result: reply.value };
      case 'timed-out':
        return { text, result: tookTooLongResult(deadlineSeconds(deadline), fileName) };
      case 'failed':
        return { text, result: unreadableResult(reply.message) };
      case 'superseded':
        return undefined;
    }
  }

  /**
   * The edits that make `steps` on `text`, and the reading of the text they make. Starts from
   * `reading` when it is of this very text (in this thread, or the worker's copy of it), else
   * reads the text first.
   */
  async edit(key: string, fileName: string, reading: PlanReading | undefined, text: string, steps: readonly PlanEditStep[]): Promise<EngineEdit> {
    const sameText = reading !== undefined && reading.text === text;
    const timedOut = sameText ? reading.result.diagnostics.find((diagnostic) => diagnostic.code === 'took-too-long') : undefined;
    if (timedOut) {
      return { ok: false, reason: timedOut.message };
    }
    if ((sameText && reading.analysis) || readsInThread(text)) {
      const analysis = sameText && reading.analysis ? reading.analysis : analyzePlan(text);
      const result = editReading({ text, analysis }, steps);
      if (!result.ok) {
        return result;
      }
      return { ok: true, edits: result.edits, after: result.after ? localReading(result.after.text, result.after.analysis) : undefined };
    }
    // The worker reads the text first unless it still holds it, then reads the result once per round.
    const deadline = deadlineFor(1 + editRounds(steps).length);
    const reply = await this.worker.edit(key, text, steps, deadline);
    switch (reply.kind) {
      case 'done': {
        const answer = reply.value;
        if (!answer.ok) {
          return answer;
        }
        const after = answer.result ? { text: applyEdits(text, answer.edits), result: answer.result } : undefined;
        return { ok: true, edits: answer.edits, after };
      }
      case 'timed-out':
        return { ok: false, reason: tookTooLongToChangeMessage(deadlineSeconds(deadline), fileName) };
      case 'failed':
        return { ok: false, reason: l10n.t('The plan could not be changed: its reader stopped ({0}). Nothing was written.', reply.message) };
      case 'superseded':
        return { ok: false, reason: l10n.t('The change was replaced by a newer one before it started. Nothing was written.') };
    }
  }

  dispose(): void {
    this.worker.dispose();
  }
}

function localReading(text: string, analysis: PlanAnalysis): PlanReading {
  return { text, result: { plan: analysis.plan, diagnostics: analysis.diagnostics }, analysis };
}
