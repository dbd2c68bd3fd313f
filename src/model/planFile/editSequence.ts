// Several plan changes as one edit set against the original text, so a command that changes
// two things is one undo step.

import type { PlanEditStep } from '../domain/types';
import { editRounds, ReadText, refuseUnforeseen, runRound } from './edit';
import { analyzePlan } from './parse';
import { mapToOriginal, sortEdits, spanDiff } from './textEdits';
import { EditResult, TextEdit } from './types';

export type { PlanEditStep } from '../domain/types';
export type { ReadText } from './edit';

/** Edits against the original text, and the reading of the text they make (undefined when nothing changes). */
export type ReadingEdit = { readonly ok: true; readonly edits: readonly TextEdit[]; readonly after: ReadText | undefined } | { readonly ok: false; readonly reason: string };

/**
 * Several changes as one set of edits against the original `text`, so a command that changes
 * two things (block with a reason, advance to the next stage) is one undo step.
 */
export function editSequence(text: string, steps: readonly PlanEditStep[]): EditResult {
  const result = editReading({ text, analysis: analyzePlan(text) }, steps);
  return result.ok ? { ok: true, edits: result.edits } : result;
}

/**
 * `editSequence` from a reading the caller already has. The steps go in rounds (see
 * `editRounds`): each round is planned on the reading of the text before it and parsed once
 * to check it, that parse being the next round's reading; so a status change parses once, and
 * the last parse is handed back as the reading of the new text. Edits are mapped back to
 * original offsets; where two rounds touch the same spot they collapse into one replacement of
 * the changed span. Never throws.
 */
export function editReading(before: ReadText, steps: readonly PlanEditStep[]): ReadingEdit {
  try {
    let current = before;
    let changed = false;
    let combined: TextEdit[] = [];
    let mappable = true;
    for (const round of editRounds(steps)) {
      const result = runRound(current, round);
      if (!result.ok) {
        return result;
      }
      if (!result.after) {
        continue;
      }
      if (mappable) {
        const mapped = result.edits.map((textEdit) => mapToOriginal(textEdit, combined));
        if (mapped.every((textEdit): textEdit is TextEdit => textEdit !== undefined)) {
          combined = sortEdits([...combined, ...mapped]);
        } else {
          mappable = false;
        }
      }
      current = result.after;
      changed = true;
    }
    if (!changed) {
      return { ok: true, edits: [], after: undefined };
    }
    return { ok: true, edits: mappable ? combined : spanDiff(before.text, current.text), after: current };
  } catch (error) {
    return refuseUnforeseen(error);
  }
}
