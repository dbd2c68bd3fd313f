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
  return hasStrings(value, 'folderUri', 'stageId');
}

/** Accepts a StageTarget, or anything carrying one as `target` (tree nodes). */
export function stageTargetOf(value: unknown): StageTarget | undefined {
  return targetOf(value, isStageTarget, 'target');
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
  return hasStrings(value, 'folderUri', 'adviceKey');
}

/** Accepts an AdviceTarget, or anything carrying one as `adviceTarget` (the tree's Next step node). */
export function adviceTargetOf(value: unknown): AdviceTarget | undefined {
  return targetOf(value, isAdviceTarget, 'adviceTarget');
}

function hasStrings(value: unknown, ...keys: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return keys.every((key) => typeof candidate[key] === 'string');
}

/** The target itself, or the one an object carries under `carrier`. */
function targetOf<T>(value: unknown, isTarget: (candidate: unknown) => candidate is T, carrier: string): T | undefined {
  if (isTarget(value)) {
    return value;
  }
  if (typeof value === 'object' && value !== null && carrier in value) {
    const inner = (value as Record<string, unknown>)[carrier];
    return isTarget(inner) ? inner : undefined;
  }
  return undefined;
}
