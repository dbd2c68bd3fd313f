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
