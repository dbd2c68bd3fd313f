/**
 * How every caller names a stage to a command: the tree, the chart, CodeLens and hover links
 * all pass this (or an object carrying it as `target`), so one command path serves them all.
 * Plain data, so it survives `command:` URIs and webview messages.
 */
export interface StageTarget {
  /** `WorkspaceFolder.uri.toString()` of the folder whose plan holds the stage. */
  readonly folderUri: string;
  readonly stageId: string;
}

export function isStageTarget(value: unknown): value is StageTarget {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.folderUri === 'string' && typeof candidate.stageId === 'string';
}

/** Accepts a StageTarget, or anything carrying one as `target` (tree nodes). */
export function stageTargetOf(value: unknown): StageTarget | undefined {
  if (isStageTarget(value)) {
    return value;
  }
  if (typeof value === 'object' && value !== null && 'target' in value) {
    const inner = (value as { target: unknown }).target;
    return isStageTarget(inner) ? inner : undefined;
  }
  return undefined;
}

/**
 * How a view names one piece of advice to the advice commands (Dismiss): the plan's folder and
 * the advice's key (`adviceKey`). The commands look the advice up again in the current plan.
 */
export interface AdviceTarget {
  /** `WorkspaceFolder.uri.toString()` of the folder whose plan the advice is about. */
  readonly folderUri: string;
  readonly adviceKey: string;
}

export function isAdviceTarget(value: unknown): value is AdviceTarget {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.folderUri === 'string' && typeof candidate.adviceKey === 'string';
}

/** Accepts an AdviceTarget, or anything carrying one as `adviceTarget` (the tree's Next step node). */
export function adviceTargetOf(value: unknown): AdviceTarget | undefined {
  if (isAdviceTarget(value)) {
    return value;
  }
  if (typeof value === 'object' && value !== null && 'adviceTarget' in value) {
    const inner = (value as { adviceTarget: unknown }).adviceTarget;
    return isAdviceTarget(inner) ? inner : undefined;
  }
  return undefined;
}
