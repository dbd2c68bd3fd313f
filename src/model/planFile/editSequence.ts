// Several plan changes as one edit set against the original text, so a command that changes
// two things is one undo step.

import type { PlanEditStep } from '../domain/types';
import { edit } from './edit';
import { applyEdits, mapToOriginal, sortEdits, spanDiff } from './textEdits';
import { EditResult, TextEdit } from './types';

export type { PlanEditStep } from '../domain/types';

/**
 * Several changes as one set of edits against the original `text`, so a command that changes
 * two things (block with a reason, advance to the next stage) is one undo step. Each step is
 * computed on the result of the previous ones and mapped back to original offsets; where two
 * steps touch the same spot, the steps collapse into one replacement of the changed span.
 */
export function editSequence(text: string, steps: readonly PlanEditStep[]): EditResult {
  let current = text;
  let combined: TextEdit[] = [];
  let mappable = true;
  for (const step of steps) {
    const result = edit(current, step.stageId, step.change);
    if (!result.ok) {
      return result;
    }
    if (mappable) {
      const mapped = result.edits.map((textEdit) => mapToOriginal(textEdit, combined));
      if (mapped.every((textEdit): textEdit is TextEdit => textEdit !== undefined)) {
        combined = sortEdits([...combined, ...mapped]);
      } else {
        mappable = false;
      }
    }
    current = applyEdits(current, result.edits);
  }
  return { ok: true, edits: mappable ? combined : spanDiff(text, current) };
}
