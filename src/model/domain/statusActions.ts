// What each status allows: the one table that commands, CodeLens, the tree's menus (through
// `when` clauses checked against it in a test) and the chart all follow.

import * as l10n from '@vscode/l10n';
import { STAGE_STATUSES, type StageStatus } from './statuses';

/** Every way a person moves a stage along. `resume` is starting a blocked stage again. */
export const STAGE_ACTIONS = ['start', 'resume', 'complete', 'block', 'skip', 'reset'] as const;
export type StageAction = (typeof STAGE_ACTIONS)[number];

export interface StageActionSpec {
  /** The button, lens and menu word (translated when read). */
  readonly label: string;
  /** The status the stage has afterwards. */
  readonly to: StageStatus;
}

/** An action's spec whose label is translated when read: the model loads before the bundle is configured. */
function actionSpec(to: StageStatus, label: () => string): StageActionSpec {
  return {
    to,
    get label() {
      return label();
    },
  };
}

export const STAGE_ACTION_SPECS: Readonly<Record<StageAction, StageActionSpec>> = {
  start: actionSpec('in-progress', () => l10n.t('Start')),
  resume: actionSpec('in-progress', () => l10n.t('Resume')),
  complete: actionSpec('done', () => l10n.t('Complete')),
  block: actionSpec('blocked', () => l10n.t('Block')),
  skip: actionSpec('skipped', () => l10n.t('Skip')),
  reset: actionSpec('not-started', () => l10n.t('Reset')),
};

export interface StatusRules {
  /** Every action a stage with this status offers, in menu order. */
  readonly allowed: readonly StageAction[];
  /** The likely next moves, most likely first (the primary): CodeLens; the primary is the tree's inline button and the chart's. */
  readonly quick: readonly [StageAction, ...StageAction[]];
}

export const STATUS_RULES: Readonly<Record<StageStatus, StatusRules>> = {
  'not-started': { allowed: ['start', 'complete', 'block', 'skip'], quick: ['start', 'skip'] },
  'in-progress': { allowed: ['complete', 'block', 'skip', 'reset'], quick: ['complete'] },
  blocked: { allowed: ['resume', 'complete', 'skip', 'reset'], quick: ['resume'] },
  // Starting a finished stage again reopens it; reset clears its dates instead.
  done: { allowed: ['reset', 'start'], quick: ['reset'] },
  skipped: { allowed: ['reset', 'start'], quick: ['reset'] },
};

export function allowedActions(status: StageStatus): readonly StageAction[] {
  return STATUS_RULES[status].allowed;
}

export function isActionAllowed(status: StageStatus, action: StageAction): boolean {
  return STATUS_RULES[status].allowed.includes(action);
}

/** The one most likely move: the tree's inline button and the chart's button. */
export function primaryAction(status: StageStatus): StageAction {
  return STATUS_RULES[status].quick[0];
}

export function quickActions(status: StageStatus): readonly StageAction[] {
  return STATUS_RULES[status].quick;
}

/** The statuses from which `action` may be taken, in STAGE_STATUSES order (for `when` clauses). */
export function statusesAllowing(action: StageAction): readonly StageStatus[] {
  return STAGE_STATUSES.filter((status) => isActionAllowed(status, action));
}

/** The action that moves a stage of `from` to `to`, if the table allows one. */
export function actionFor(from: StageStatus, to: StageStatus): StageAction | undefined {
  return STATUS_RULES[from].allowed.find((action) => STAGE_ACTION_SPECS[action].to === to);
}
