// The five statuses a stage can have, and how people read them.

import * as l10n from '@vscode/l10n';

export const STAGE_STATUSES = ['not-started', 'in-progress', 'blocked', 'done', 'skipped'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export function isStageStatus(value: unknown): value is StageStatus {
  return typeof value === 'string' && (STAGE_STATUSES as readonly string[]).includes(value);
}

/** Human labels for statuses, shared by tree, chart and hovers; translated when read. */
export const STATUS_LABELS: Readonly<Record<StageStatus, string>> = {
  get 'not-started'() {
    return l10n.t('Not started');
  },
  get 'in-progress'() {
    return l10n.t('In progress');
  },
  get blocked() {
    return l10n.t('Blocked');
  },
  get done() {
    return l10n.t({ message: 'Done', comment: ['A stage status'] });
  },
  get skipped() {
    return l10n.t('Skipped');
  },
};
