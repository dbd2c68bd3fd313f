// The five statuses a stage can have, and how people read them.

export const STAGE_STATUSES = ['not-started', 'in-progress', 'blocked', 'done', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export function isStageStatus(value: unknown): value is StageStatus {
  return typeof value === 'string' && (STAGE_STATUSES as readonly string[]).includes(value);
}

/** Human labels for statuses, shared by tree, chart and hovers. */
export const STATUS_LABELS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  skipped: 'Skipped',
} as const;
