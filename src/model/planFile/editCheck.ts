// The check every edit passes before it is returned: the edited text is parsed again and must
// read back as the plan before it with exactly the intended change. Every field of every stage
// is compared, the edited stage's included, so a splice that disturbs a neighbouring value (a
// kept block scalar's blank lines, a previous task's title) is refused instead of saved.

import * as l10n from '@vscode/l10n';
import type { PlanStage, PlanTask } from '../domain/types';
import type { PlanAnalysis } from './analysis';
import { analyzePlan } from './parse';

/** A task as the plan says it, without its position. */
export type TaskContent = Omit<PlanTask, 'range'>;

/** A stage as the plan says it, without positions (they move with every edit). */
export type StageContent = Omit<PlanStage, 'range' | 'idRange' | 'statusRange' | 'index' | 'tasks'> & { readonly tasks: readonly TaskContent[] };

/** What the edited stage must read: its content before, with the intended change made. */
export type Expectation = (before: StageContent) => StageContent;

const POSITION_KEYS: ReadonlySet<string> = new Set(['range', 'idRange', 'statusRange', 'index']);

/** A stage's content: every field it has except positions, whatever fields stages gain later. */
export function contentOf(stage: PlanStage): StageContent {
  return JSON.parse(JSON.stringify(stage, (key: string, value: unknown) => (POSITION_KEYS.has(key) ? undefined : value))) as StageContent;
}

/** Re-parses the edited text; returns why it is wrong, or undefined when it is right. */
export function checkEdit(before: PlanAnalysis, editedText: string, stageId: string, expectation: Expectation): string | undefined {
  return checkReading(before, analyzePlan(editedText), new Map([[stageId, expectation]]));
}

/**
 * Compares the reading of the edited text with the reading before: every stage must read as
 * it did, except those in `expectations`, which must read as their expectation says. Returns
 * why the result is wrong, or undefined when it is right. The caller parsed `after` once, and
 * that parse is also the reading of the new text (the views' refresh does not parse again).
 */
export function checkReading(before: PlanAnalysis, after: PlanAnalysis, expectations: ReadonlyMap<string, Expectation>): string | undefined {
  if (after.hasSyntaxErrors || !after.plan || !before.plan) {
    return l10n.t('YAML error');
  }
  if (after.diagnostics.length > before.diagnostics.length) {
    return l10n.t('new problems');
  }
  if (after.plan.version !== before.plan.version || after.plan.project !== before.plan.project) {
    return l10n.t('the project or version changed');
  }
  const stagesBefore = before.plan.stages;
  const stagesAfter = after.plan.stages;
  if (stagesAfter.length !== stagesBefore.length) {
    return l10n.t('stage count changed');
  }
  for (let index = 0; index < stagesBefore.length; index++) {
    const old = contentOf(stagesBefore[index]);
    const now = contentOf(stagesAfter[index]);
    if (old.id !== now.id) {
      return l10n.t('stage order changed');
    }
    const expectation = expectations.get(old.id);
    const wanted = expectation ? expectation(old) : old;
    const changed = firstDifference(wanted, now);
    if (changed) {
      return expectation ? l10n.t('{0} would read differently', changed) : l10n.t('{0} of stage "{1}" would change', changed, old.id);
    }
  }
  return undefined;
}

/** The first field whose value differs (absent and undefined are the same). */
function firstDifference(wanted: StageContent, actual: StageContent): string | undefined {
  const fields = new Set([...Object.keys(wanted), ...Object.keys(actual)]);
  const valueOf = (content: StageContent, field: string): string | undefined => canonical((content as unknown as Record<string, unknown>)[field]);
  for (const field of fields) {
    if (valueOf(wanted, field) !== valueOf(actual, field)) {
      return field === 'tasks' ? describeTaskDifference(wanted.tasks, actual.tasks) : field;
    }
  }
  return undefined;
}

function describeTaskDifference(wanted: readonly TaskContent[], actual: readonly TaskContent[]): string {
  if (wanted.length !== actual.length) {
    return l10n.t('the number of tasks');
  }
  const index = wanted.findIndex((task, at) => canonical(task) !== canonical(actual[at]));
  return l10n.t('task {0}', index + 1);
}

/** JSON with object keys sorted, so the order fields were written in does not count. */
function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key: string, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
