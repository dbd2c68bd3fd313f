// The effort chart's data, built from the catalog and a plan, and the messages the chart's
// webview and the extension exchange. Pure: no `vscode`, so it is unit-tested in plain Node,
// and everything here is plain JSON (it crosses the webview boundary by `postMessage`).

import { adviceKey, type Advice } from '../domain/advice';
import { CATALOG, DURATION_SCALE, durationScaleLabels, EFFORT_COLUMNS, EXPERTISE_LEVELS, expertiseLabel, type ExpertiseLabel } from '../domain/catalog';
import { currentStage } from '../domain/progress';
import { STAGE_ACTION_SPECS, actionFor, primaryAction, type StageAction } from '../domain/statusActions';
import { STATUS_LABELS, isStageStatus, type StageStatus } from '../domain/statuses';
import type { EstimateSettings } from '../domain/estimateSettings';
import type { EffortCells, Plan, PlanStage } from '../domain/types';
import { adviceActionLabel, adviceStageTitle, planEffortSummary } from './advice';
import { chartMemory, type ChartMemory } from './chartMemory';

/** Expertise labels in increasing order (index + 1 = level). */
export const EXPERTISE_SCALE: readonly ExpertiseLabel[] = (Object.keys(EXPERTISE_LEVELS) as ExpertiseLabel[]).sort(
  (a, b) => EXPERTISE_LEVELS[a] - EXPERTISE_LEVELS[b],
);

/** A move the chart offers for a stage: the status table's action, its word and where it leads. */
export interface ChartAction {
  readonly action: StageAction;
  readonly label: string;
  /** The status the page asks for (the `setStatus` message). */
  readonly status: StageStatus;
}

/** One stage of the chart: a column of the table. */
export interface ChartColumn {
  readonly id: string;
  readonly title: string;
  readonly builtIn: boolean;
  /** False for a built-in stage the plan does not list (or when there is no plan). */
  readonly inPlan: boolean;
  /** The cheat-sheet cells; a missing key is an empty cell (custom stages without `effort`). */
  readonly cells: EffortCells;
  /** Expertise on the 1..4 scale, undefined when unknown (a custom stage's free text). */
  readonly expertiseLevel?: number;
  /** Training duration on the 0..4 scale of `DURATION_SCALE`, undefined when unknown. */
  readonly durationLevel?: number;
  /** Undefined when the stage is not in the plan. */
  readonly status?: StageStatus;
  readonly statusLabel?: string;
  /** The one-click button under the status (the table's primary action); undefined when not in the plan. */
  readonly primaryAction?: ChartAction;
  /** The stage to work on now (see `currentStage`). */
  readonly current: boolean;
  readonly skipped: boolean;
  readonly owner?: string;
  readonly started?: string;
  readonly completed?: string;
  readonly note?: string;
  readonly openTasks: number;
  readonly totalTasks: number;
}

/** One piece of advice in the chart header (the advisor's, first few only). */
export interface ChartAdvice {
  /** `adviceKey`: what the page's button sends back (`runAdvice`); the host looks the advice up again. */
  readonly key: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly message: string;
  /** The button's words, e.g. "Skip Pre-training"; undefined when the advice has no action (the button then shows the stage). */
  readonly actionLabel?: string;
}

/** How many pieces of advice the chart header lists. */
export const CHART_ADVICE_LIMIT = 3;

export interface ChartData {
  /** True when the folder has a plan file with a usable plan. */
  readonly hasPlan: boolean;
  /** `WorkspaceFolder.uri.toString()` of the plan's folder, when there is a folder. */
  readonly folderUri?: string;
  readonly folderName?: string;
  readonly project?: string;
  /** Errors in the latest parse: the chart then shows the last plan that had none. */
  readonly errorCount: number;
  readonly rows: typeof EFFORT_COLUMNS;
  readonly columns: readonly ChartColumn[];
  readonly expertiseScale: readonly string[];
  readonly durationScale: readonly string[];
  /** The first few pieces of current advice (empty without a plan). */
  readonly advice: readonly ChartAdvice[];
  /** How many pieces of advice there are in all (the header says when it shows fewer). */
  readonly adviceCount: number;
  /** The effort roll-up line, e.g. "3 stages open · up to Medium-High expertise · longest: minutes to hours"; only with a plan. */
  readonly effortSummary?: string;
  /** The "GPU memory" row: each plan stage's estimate against the plan's GPUs (with a plan only). */
  readonly memory?: ChartMemory;
}

export interface ChartSource {
  readonly plan?: Plan;
  /** The advisor's current advice on `plan` (the host derives it: it knows today and the dismissals). */
  readonly advice?: readonly Advice[];
  readonly folderUri?: string;
  readonly folderName?: string;
  readonly errorCount?: number;
  /** The figures the memory row is estimated with (the defaults when not given). */
  readonly estimateSettings?: EstimateSettings;
}

/**
 * The chart: the five built-in stages in lifecycle order (with the plan's state when the plan
 * lists them), then the plan's custom stages in file order.
 */
export function buildChart(source: ChartSource = {}): ChartData {
  const { plan } = source;
  const stagesById = firstStagesById(plan);
  const currentId = plan ? currentStage(plan)?.id : undefined;
  const builtIns = [...CATALOG]
    .sort((a, b) => a.order - b.order)
    .map((entry): ChartColumn => {
      const stage = stagesById.get(entry.id);
      return {
        id: entry.id,
        title: stage?.title ?? entry.title,
        builtIn: true,
        cells: {
          trainingDuration: entry.trainingDuration,
          customization: entry.customization,
          objective: entry.objective,
          expertise: entry.expertise,
        },
        expertiseLevel: entry.expertiseLevel,
        durationLevel: entry.durationLevel,
        ...planState(stage, currentId),
      };
    });
  const customs = [...stagesById.values()]
    .filter((stage) => !stage.builtIn)
    .map((stage): ChartColumn => {
      const cells = declaredCells(stage.effort);
      const expertiseLevel = expertiseLevelOf(cells.expertise);
      const durationLevel = durationLevelOf(cells.trainingDuration);
      return {
        id: stage.id,
        title: stage.title,
        builtIn: false,
        cells,
        ...(expertiseLevel !== undefined && { expertiseLevel }),
        ...(durationLevel !== undefined && { durationLevel }),
        ...planState(stage, currentId),
      };
    });
  return {
    hasPlan: plan !== undefined,
    ...(source.folderUri !== undefined && { folderUri: source.folderUri }),
    ...(source.folderName !== undefined && { folderName: source.folderName }),
    ...(plan?.project !== undefined && { project: plan.project }),
    errorCount: source.errorCount ?? 0,
    // Plain copies: the labels are translated getters, and the page gets JSON.
    rows: EFFORT_COLUMNS.map(({ key, label }) => ({ key, label })),
    columns: [...builtIns, ...customs],
    expertiseScale: EXPERTISE_SCALE.map(expertiseLabel),
    durationScale: durationScaleLabels(),
    ...chartAdvice(plan, plan ? (source.advice ?? []) : []),
    ...(plan !== undefined && { memory: chartMemory(plan, source.estimateSettings) }),
  };
}

function chartAdvice(plan: Plan | undefined, advice: readonly Advice[]): Pick<ChartData, 'advice' | 'adviceCount' | 'effortSummary'> {
  if (!plan) {
    return { advice: [], adviceCount: 0 };
  }
  const shown = advice.slice(0, CHART_ADVICE_LIMIT).map((entry): ChartAdvice => {
    const actionLabel = adviceActionLabel(plan, entry);
    return { key: adviceKey(entry), stageId: entry.stageId, stageTitle: adviceStageTitle(plan, entry), message: entry.message, ...(actionLabel !== undefined && { actionLabel }) };
  });
  return { advice: shown, adviceCount: advice.length, effortSummary: planEffortSummary(plan) };
}

/** The plan's stages by id. A duplicated id is a diagnostic elsewhere; the chart takes the first, like the editor's edits do. */
function firstStagesById(plan: Plan | undefined): Map<string, PlanStage> {
  const stagesById = new Map<string, PlanStage>();
  for (const stage of plan?.stages ?? []) {
    if (!stagesById.has(stage.id)) {
      stagesById.set(stage.id, stage);
    }
  }
  return stagesById;
}

/** Each stage's status, as the chart shows it: what `parseWebviewMessage` checks requests against. */
export function chartStageStatuses(plan: Plan | undefined): ReadonlyMap<string, StageStatus> {
  return new Map([...firstStagesById(plan)].map(([id, stage]) => [id, stage.status]));
}

function chartAction(action: StageAction): ChartAction {
  const spec = STAGE_ACTION_SPECS[action];
  return { action, label: spec.label, status: spec.to };
}

type PlanState = Pick<ChartColumn, 'inPlan' | 'status' | 'statusLabel' | 'primaryAction' | 'current' | 'skipped' | 'owner' | 'started' | 'completed' | 'note' | 'openTasks' | 'totalTasks'>;

function planState(stage: PlanStage | undefined, currentId: string | undefined): PlanState {
  if (!stage) {
    return { inPlan: false, current: false, skipped: false, openTasks: 0, totalTasks: 0 };
  }
  return {
    inPlan: true,
    status: stage.status,
    statusLabel: STATUS_LABELS[stage.status],
    primaryAction: chartAction(primaryAction(stage.status)),
    current: stage.id === currentId,
    skipped: stage.status === 'skipped',
    ...(stage.owner !== undefined && { owner: stage.owner }),
    ...(stage.started !== undefined && { started: stage.started }),
    ...(stage.completed !== undefined && { completed: stage.completed }),
    ...(stage.note !== undefined && { note: stage.note }),
    openTasks: stage.tasks.filter((task) => !task.done).length,
    totalTasks: stage.tasks.length,
  };
}

/** Only non-blank cells count as declared; the rest are drawn as empty. */
function declaredCells(effort: EffortCells | undefined): EffortCells {
  const cells: { -readonly [K in keyof EffortCells]: string } = {};
  for (const { key } of EFFORT_COLUMNS) {
    const value = effort?.[key];
    if (typeof value === 'string' && value.trim() !== '') {
      cells[key] = value.trim();
    }
  }
  return cells;
}

/** Maps a custom stage's expertise text onto the catalog scale when it names a level (in English or as translated). */
export function expertiseLevelOf(text: string | undefined): number | undefined {
  const wanted = normalize(text);
  const label = EXPERTISE_SCALE.find((candidate) => normalize(candidate) === wanted || normalize(expertiseLabel(candidate)) === wanted);
  return label === undefined ? undefined : EXPERTISE_LEVELS[label];
}

/** Maps a custom stage's duration text onto `DURATION_SCALE` when it names a step (in English or as translated). */
export function durationLevelOf(text: string | undefined): number | undefined {
  const wanted = normalize(text);
  const translated = durationScaleLabels();
  const index = DURATION_SCALE.findIndex((candidate, step) => normalize(candidate) === wanted || normalize(translated[step]) === wanted);
  return index < 0 ? undefined : index;
}

function normalize(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

// ---------------------------------------------------------------------------------------
// Messages. The webview is untrusted input: what it sends is checked by `parseWebviewMessage`
// before the extension acts on it.

/** Extension -> webview. */
export type HostMessage = { readonly type: 'chart'; readonly chart: ChartData };

/** Webview -> extension. */
export type WebviewMessage =
  /** The script has loaded (first load, or again after the panel was hidden and shown). */
  | { readonly type: 'ready' }
  /** Offer the stage's status actions (the Set Stage Status quick pick). */
  | { readonly type: 'chooseStatus'; readonly stageId: string }
  /** Set the stage's status directly (one of the moves the status table allows from its status). */
  | { readonly type: 'setStatus'; readonly stageId: string; readonly status: StageStatus }
  /** Run "Initialize Lifecycle Plan" (the chart was opened without a plan). */
  | { readonly type: 'createPlan' }
  /** Take a piece of advice shown in the header (its action, else show its stage); the host finds it again by key. */
  | { readonly type: 'runAdvice'; readonly key: string };

export type WebviewMessageType = WebviewMessage['type'];

/** The exact keys each message carries; anything else is refused. */
const MESSAGE_KEYS: Readonly<Record<WebviewMessageType, readonly string[]>> = {
  ready: ['type'],
  chooseStatus: ['type', 'stageId'],
  setStatus: ['type', 'stageId', 'status'],
  createPlan: ['type'],
  runAdvice: ['type', 'key'],
};

/** No real stage id is this long; longer strings are refused before any lookup. */
export const MAX_STAGE_ID_LENGTH = 200;

/**
 * The message when `value` is exactly one of `WebviewMessage` (known type, no extra keys,
 * a stage id the plan has, a status the status table lets that stage move to), else undefined.
 * `stages` maps the shown plan's stage ids to their statuses (`chartStageStatuses`);
 * `adviceKeys` holds the keys of the shown plan's current advice (a `runAdvice` must name one).
 */
export function parseWebviewMessage(value: unknown, stages: ReadonlyMap<string, StageStatus>, adviceKeys: ReadonlySet<string> = new Set()): WebviewMessage | undefined {
  if (!isPlainObject(value)) {
    return undefined;
  }
  const type = value.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(MESSAGE_KEYS, type)) {
    return undefined;
  }
  const expectedKeys = MESSAGE_KEYS[type as WebviewMessageType];
  const keys = Object.keys(value);
  if (keys.length !== expectedKeys.length || !keys.every((key) => expectedKeys.includes(key))) {
    return undefined;
  }
  const known = (id: unknown): id is string => typeof id === 'string' && id.length <= MAX_STAGE_ID_LENGTH && stages.has(id);
  switch (type as WebviewMessageType) {
    case 'ready':
      return { type: 'ready' };
    case 'createPlan':
      return { type: 'createPlan' };
    case 'runAdvice': {
      const { key } = value;
      return typeof key === 'string' && key.length <= MAX_STAGE_ID_LENGTH * 2 && adviceKeys.has(key) ? { type: 'runAdvice', key } : undefined;
    }
    case 'chooseStatus':
      return known(value.stageId) ? { type: 'chooseStatus', stageId: value.stageId } : undefined;
    case 'setStatus': {
      const { stageId, status } = value;
      if (!known(stageId) || !isStageStatus(status)) {
        return undefined;
      }
      // The page may be a step behind the file: a move the stage's status does not allow now is refused.
      const from = stages.get(stageId);
      return from !== undefined && actionFor(from, status) !== undefined ? { type: 'setStatus', stageId, status } : undefined;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
