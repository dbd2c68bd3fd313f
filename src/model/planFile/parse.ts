// Reads lifecycle.yaml text into a `Plan` plus diagnostics with exact ranges.
// `parse` never throws: a broken file must degrade to diagnostics, never crash a view.
// The located form (`analyzePlan`) keeps the yaml nodes behind each stage and task, so
// `edit` finds exactly the nodes `parse` read and both agree on stage and task indices.

import * as l10n from '@vscode/l10n';
import type { Range } from '../domain/types';
import { NOTHING_READ, PlanAnalysis } from './analysis';
import { findMergeConflict, mergeConflictMessage } from './mergeConflict';
import { PlanReader } from './planReader';
import { exceedsUtf8Bytes, LineIndex } from './text';
import { ParseResult, PlanDiagnostic, PlanDiagnosticCode } from './types';

export { SUPPORTED_VERSION } from './planReader';

/** Plans larger than this are not parsed: a plan is a few KB, a huge file is a mistake. */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

export function parse(text: string): ParseResult {
  const { plan, diagnostics } = analyzePlan(text);
  return { plan, diagnostics };
}

/** `parse` plus the yaml nodes behind the plan (used by `edit`). Never throws. */
export function analyzePlan(text: string): PlanAnalysis {
  if (typeof text !== 'string') {
    return failedAnalysis('yaml-syntax', l10n.t('The plan text is not a string.'));
  }
  if (exceedsUtf8Bytes(text, MAX_PLAN_BYTES)) {
    return failedAnalysis('file-too-large', tooLargeMessage(undefined));
  }
  const conflict = findMergeConflict(text);
  if (conflict) {
    // One diagnostic that names the conflict, not the YAML errors its markers cause.
    const range = new LineIndex(text).rangeOf(conflict.markerStart, conflict.markerEnd);
    return failedAnalysis('merge-conflict', mergeConflictMessage(conflict), range);
  }
  try {
    return new PlanReader(text).read();
  } catch (error) {
    // Defensive: yaml or our reader failed in an unforeseen way (deep recursion, a library bug).
    const detail = error instanceof Error ? error.message : String(error);
    return failedAnalysis('yaml-syntax', l10n.t('The plan could not be read: {0}', detail));
  }
}

/**
 * The result for a plan over the size limit. Callers that know the size without reading the
 * file (the workspace store, from `stat`) pass it for the message.
 */
export function tooLargeResult(bytes?: number): ParseResult {
  const { plan, diagnostics } = failedAnalysis('file-too-large', tooLargeMessage(bytes));
  return { plan, diagnostics };
}

/**
 * The result for a plan the worker could not read within its deadline (see offThread.ts): one
 * diagnostic that says so, instead of a host frozen for as long as the text would take.
 */
export function tookTooLongResult(seconds: number, fileName = 'lifecycle.yaml'): ParseResult {
  const message = l10n.t(
    '{0} took too long to read (over {1} s); it is neither shown nor changed. A plan is a few KB of YAML: is this the right file, or did something large get pasted into it? It is read again when it changes.',
    fileName,
    seconds,
  );
  const { plan, diagnostics } = failedAnalysis('took-too-long', message);
  return { plan, diagnostics };
}

/** Why a change the worker could not finish within its deadline was not made. */
export function tookTooLongToChangeMessage(seconds: number, fileName = 'lifecycle.yaml'): string {
  return l10n.t('{0} took too long to change (over {1} s), so nothing was written. Please make the change by hand.', fileName, seconds);
}

/** The result for a plan whose reader stopped before answering (the worker ran out of memory, say). */
export function unreadableResult(detail: string): ParseResult {
  const { plan, diagnostics } = failedAnalysis('yaml-syntax', l10n.t('The plan could not be read: {0}', detail));
  return { plan, diagnostics };
}

function tooLargeMessage(bytes: number | undefined): string {
  const limit = `${MAX_PLAN_BYTES / 1024 / 1024} MB`;
  // Also the reason an edit is refused, so it says that nothing is changed either.
  return bytes === undefined
    ? l10n.t('The plan file is larger than {0}, so it is neither read nor changed. Is this the right file?', limit)
    : l10n.t('The plan file is {0} MB; plans over {1} are neither read nor changed. Is this the right file?', (bytes / 1024 / 1024).toFixed(1), limit);
}

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function failedAnalysis(code: PlanDiagnosticCode, message: string, range: Range = ORIGIN): PlanAnalysis {
  const diagnostic: PlanDiagnostic = { code, severity: 'error', message, range };
  return { plan: undefined, diagnostics: [diagnostic], ...NOTHING_READ, hasSyntaxErrors: code === 'yaml-syntax' };
}
