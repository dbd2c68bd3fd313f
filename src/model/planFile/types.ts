// What the plan-file engine hands back: diagnostics with stable codes, the parse result, and
// changes as text edits. Pure data, no `vscode`; the editor side converts these to its types.

import type { Plan, Range } from '../domain/types';

export type DiagnosticSeverity = 'error' | 'warning' | 'information';

/** Stable codes, shown in the Problems panel and used by quick fixes. */
export type PlanDiagnosticCode =
  | 'yaml-syntax'
  | 'not-a-mapping'
  | 'unsupported-version'
  | 'missing-version'
  | 'missing-stages'
  | 'wrong-type'
  | 'unknown-status'
  | 'missing-id'
  | 'duplicate-id'
  | 'unknown-stage'
  | 'missing-title'
  | 'unknown-key'
  | 'invalid-size'
  | 'invalid-value'
  | 'invalid-evidence'
  | 'ignored-key'
  | 'unknown-gpu'
  /** A stage's memory estimate is more than the plan's GPUs hold (from the estimates, not the reader). */
  | 'estimate-exceeds-hardware'
  | 'invalid-date'
  | 'file-too-large'
  /** Reading the file took longer than the deadline (see offThread.ts); nothing of it is shown. */
  | 'took-too-long'
  | 'merge-conflict'
  /** The summary of problems left unlisted: a count, never a quick fix of its own. */
  | 'more-problems';

export interface PlanDiagnostic {
  readonly code: PlanDiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly range: Range;
  /** Extra facts a quick fix needs (for example the offending value). */
  readonly data?: Readonly<Record<string, string>>;
}

export interface ParseResult {
  /** Undefined only when the text is not a usable plan at all (syntax error at the root, not a mapping...). */
  readonly plan: Plan | undefined;
  readonly diagnostics: readonly PlanDiagnostic[];
}

/** A replacement of `[start, end)` (UTF-16 offsets into the original text) by `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type EditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly reason: string };
