// The lifecycle plan as the rest of the extension sees it. Pure data: no `vscode` here,
// so the model can be unit-tested in plain Node and reused by every view.

export const STAGE_STATUSES = ['not-started', 'in-progress', 'blocked', 'done', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export function isStageStatus(value: unknown): value is StageStatus {
  return typeof value === 'string' && (STAGE_STATUSES as readonly string[]).includes(value);
}

/** Zero-based position, the same convention as VS Code's `Position`. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Offsets are UTF-16 code-unit offsets into the original text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export interface EffortCells {
  readonly trainingDuration?: string;
  readonly customization?: string;
  readonly objective?: string;
  readonly expertise?: string;
}

export interface PlanTask {
  readonly title: string;
  readonly done: boolean;
  readonly owner?: string;
  /** Range of the task's mapping (or scalar) in the file. */
  readonly range: Range;
}

export interface PlanStage {
  readonly id: string;
  /** The catalog title for built-in stages unless the file overrides it; required for custom stages. */
  readonly title: string;
  /** True when `id` is one of the five built-in catalog stages. */
  readonly builtIn: boolean;
  /** `not-started` when the file has no (valid) status. */
  readonly status: StageStatus;
  readonly note?: string;
  readonly owner?: string;
  /** ISO dates as written (YYYY-MM-DD). */
  readonly started?: string;
  readonly completed?: string;
  /** Workspace-relative path of a markdown plan for this stage. */
  readonly plan?: string;
  readonly tasks: readonly PlanTask[];
  /** Effort cells a custom stage declares under `effort:`; built-ins take theirs from the catalog. */
  readonly effort?: EffortCells;
  /** Index in the file's `stages` sequence. */
  readonly index: number;
  /** Range of the whole stage mapping. */
  readonly range: Range;
  /** Range of the `id` value scalar. */
  readonly idRange: Range;
  /** Range of the `status` value scalar, when present. */
  readonly statusRange?: Range;
}

export interface Plan {
  readonly version: number;
  readonly project?: string;
  readonly stages: readonly PlanStage[];
}

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
  | 'invalid-date'
  | 'file-too-large';

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

export type PlanChange =
  | { readonly kind: 'status'; readonly status: StageStatus; readonly today?: string }
  | { readonly kind: 'note'; readonly note: string }
  | { readonly kind: 'toggle-task'; readonly taskIndex: number; readonly done?: boolean }
  | { readonly kind: 'add-task'; readonly title: string };

export type EditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[] }
  | { readonly ok: false; readonly reason: string };
