// The lifecycle advisor: small rules that read a plan and say what to do next, each in one
// line of our own words. Pure (no `vscode`, no file system): the adapter turns an advice's
// domain action into its command and checks evidence files itself.
//
// Order of the list, most important first (a rule's rank, then the stage's place in the file):
//   1. blocked-too-long          work has stalled now
//   2. check-after-compressing   a model in (or on its way to) production may have lost quality
//   3. prompt-first              training effort that prompting might have made unnecessary
//   4. skip-pre-training         the heaviest stage, probably not needed (also on a fresh plan
//                                whose next stage it is: most teams name a base model instead)
//   5. reward-model-long-pole    a slow stage ahead, to plan early
//   6. reuse-reward-model        a cheaper way through RLHF
//   7. start-next-stage          the routine next step
//
// The reward-model rule has two ids ("reuse" when no reward model is recorded, "long pole" when
// the plan says it will train one) so that dismissing one does not hide the other once the plan
// changes: they are different pieces of advice.

import * as l10n from '@vscode/l10n';
import { daysBetween } from './dates';
import { isIsoDate } from './dates';
import { isFinished } from './progress';
import type { StageAction } from './statusActions';
import type { StageStatus } from './statuses';
import type { Plan, PlanStage } from './types';

export const ADVICE_RULE_IDS = [
  'blocked-too-long',
  'check-after-compressing',
  'prompt-first',
  'skip-pre-training',
  'reward-model-long-pole',
  'reuse-reward-model',
  'start-next-stage',
] as const;
export type AdviceRuleId = (typeof ADVICE_RULE_IDS)[number];

/** A status change the advice proposes, as a domain action (the adapter maps it to a command). */
export interface AdviceAction {
  readonly command: StageAction;
  readonly stageId: string;
}

export interface Advice {
  readonly id: AdviceRuleId;
  /** The stage the advice is about. */
  readonly stageId: string;
  /** One line, our own words; never contains text from the plan file. */
  readonly message: string;
  readonly action?: AdviceAction;
}

export interface AdviceOptions {
  /** YYYY-MM-DD; when not a real date, blocked-too-long stays quiet (it cannot count days). */
  readonly today: string;
  /** A stage blocked for more than this many days is reported (exactly this many is not). */
  readonly blockedTooLongDays: number;
  /** Keys (see `adviceKey`) of advice the user dismissed. */
  readonly dismissed?: ReadonlySet<string>;
}

/** The fixed messages, translated when read; blocked-too-long's is built by `blockedTooLongMessage`. */
export const ADVICE_MESSAGES = {
  get skipPreTrainingBase() {
    return l10n.t('The plan builds on an existing foundation model, so pre-training can most likely be skipped.');
  },
  get skipPreTrainingLater() {
    return l10n.t('Later stages are already working with a model, so pre-training can most likely be skipped.');
  },
  get skipPreTrainingFresh() {
    return l10n.t('Most teams skip pre-training and build on an existing foundation model: name it as the base under model: in the plan.');
  },
  get promptFirst() {
    return l10n.t('Fine-tuning began before prompting was assessed: see what the base model does with good prompts first; it may be enough.');
  },
  get rewardModelLongPole() {
    return l10n.t('Training a reward model means gathering human feedback first, so RLHF is likely the longest stage left: start collecting early.');
  },
  get reuseRewardModel() {
    return l10n.t('No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.');
  },
  get checkAfterCompressing() {
    return l10n.t('The model is pruned, quantized or distilled here, but nothing shows task performance was checked afterwards: evaluate it again.');
  },
  get startFirstStage() {
    return l10n.t('Nothing comes before this stage: start here.');
  },
  get startNextStage() {
    return l10n.t('Every earlier stage is done or skipped: this one is next.');
  },
};

export function blockedTooLongMessage(days: number, limit: number): string {
  return l10n.t('Blocked for {0} days, more than the {1} allowed: unblock it, change the plan or skip the stage.', days, limit);
}

/** How a dismissal names one piece of advice: the rule and the stage, e.g. `prompt-first:prompt-engineering`. */
export function adviceKey(advice: Pick<Advice, 'id' | 'stageId'>): string {
  return `${advice.id}:${advice.stageId}`;
}

/** The current advice, most important first (see the order at the top of this file), without dismissed keys. */
export function adviseOn(plan: Plan, options: AdviceOptions): Advice[] {
  const found = [
    ...blockedTooLong(plan, options),
    ...checkAfterCompressing(plan),
    ...promptFirst(plan),
    ...skipPreTraining(plan),
    ...rewardModel(plan),
  ];
  const dismissed = options.dismissed ?? new Set<string>();
  const kept = uniqueByKey(found).filter((advice) => !dismissed.has(adviceKey(advice)));
  // The routine "start it" gives way to any other rule that already proposes an action on the
  // same stage (skip pre-training, start prompting): two buttons for one stage would contradict
  // or repeat each other. Checked after dismissals, so dismissing "skip" brings "start" back.
  const next = startNextStage(plan).filter((advice) => !dismissed.has(adviceKey(advice)) && !kept.some((other) => other.action?.stageId === advice.stageId));
  return sortAdvice([...kept, ...next], plan);
}

const UNDERWAY: readonly StageStatus[] = ['in-progress', 'done', 'blocked'];
const PLANNED: readonly StageStatus[] = ['not-started', 'in-progress'];
const AHEAD: readonly StageStatus[] = ['not-started', 'in-progress', 'blocked'];

function skipPreTraining(plan: Plan): Advice[] {
  const stage = stageById(plan, 'pre-training');
  if (!stage || !PLANNED.includes(stage.status)) {
    return [];
  }
  // Only built-in stages count: prompting, tuning, RLHF and deployment all need a model to work
  // on, while a custom stage (an eval harness, data labelling) says nothing about having one.
  const hasBase = (plan.model?.base ?? '').trim() !== '';
  const laterUnderway = plan.stages.some((other) => other.builtIn && other.id !== stage.id && UNDERWAY.includes(other.status));
  // A fresh plan whose next stage is pre-training would otherwise be told to start it, which
  // is what the course says most projects should not do.
  const isNext = stage.status === 'not-started' && plan.stages.find((other) => !isFinished(other)) === stage;
  if (!hasBase && !laterUnderway && !isNext) {
    return [];
  }
  const message = hasBase ? ADVICE_MESSAGES.skipPreTrainingBase : laterUnderway ? ADVICE_MESSAGES.skipPreTrainingLater : ADVICE_MESSAGES.skipPreTrainingFresh;
  return [{ id: 'skip-pre-training', stageId: stage.id, message, action: { command: 'skip', stageId: stage.id } }];
}

/** About the prompt-engineering stage, since that is where the work is; offers Start only when it has not begun. */
function promptFirst(plan: Plan): Advice[] {
  const tuning = stageById(plan, 'fine-tuning');
  const prompting = stageById(plan, 'prompt-engineering');
  if (!tuning || !prompting || !UNDERWAY.includes(tuning.status) || isFinished(prompting)) {
    return [];
  }
  const advice: Advice = { id: 'prompt-first', stageId: prompting.id, message: ADVICE_MESSAGES.promptFirst };
  return [prompting.status === 'not-started' ? { ...advice, action: { command: 'start', stageId: prompting.id } } : advice];
}

function rewardModel(plan: Plan): Advice[] {
  const stage = stageById(plan, 'rlhf');
  if (!stage || !AHEAD.includes(stage.status) || stage.rewardModel?.kind === 'existing') {
    return [];
  }
  return stage.rewardModel?.kind === 'train'
    ? [{ id: 'reward-model-long-pole', stageId: stage.id, message: ADVICE_MESSAGES.rewardModelLongPole }]
    : [{ id: 'reuse-reward-model', stageId: stage.id, message: ADVICE_MESSAGES.reuseRewardModel }];
}

/** Pruning, quantization and distillation, in their usual spellings (quantise, distil...). */
const COMPRESSION = /\b(?:prun(?:e|es|ed|ing)|quanti[sz](?:e|es|ed|ing|ation)|distill?(?:s|ed|ing|ation)?)\b/i;
/** What a task that checks task performance says. */
const PERFORMANCE_CHECK = /\b(?:eval\w*|benchmark\w*|accuracy|task[\s-]+performance)\b/i;

function checkAfterCompressing(plan: Plan): Advice[] {
  const stage = stageById(plan, 'deployment');
  if (!stage || (stage.status !== 'in-progress' && stage.status !== 'done')) {
    return [];
  }
  const texts = [...stage.tasks.map((task) => task.title), stage.note ?? ''];
  // Any task that names a check counts, done or not: the plan has it, and the advice is about
  // plans that have none. Listed evidence counts as a check too (the adapter verifies the files).
  const compressed = texts.some((text) => COMPRESSION.test(text));
  const checked = stage.tasks.some((task) => PERFORMANCE_CHECK.test(task.title)) || (stage.evidence ?? []).length > 0;
  return compressed && !checked ? [{ id: 'check-after-compressing', stageId: stage.id, message: ADVICE_MESSAGES.checkAfterCompressing }] : [];
}

/** Counted from the `blocked` date, else `started`; a stage with neither (or neither a real date) is not judged. */
function blockedTooLong(plan: Plan, options: AdviceOptions): Advice[] {
  return plan.stages.flatMap((stage): Advice[] => {
    if (stage.status !== 'blocked') {
      return [];
    }
    const since = [stage.blocked, stage.started].find((date): date is string => date !== undefined && isIsoDate(date));
    const days = since === undefined ? undefined : daysBetween(since, options.today);
    return days !== undefined && days > options.blockedTooLongDays
      ? [{ id: 'blocked-too-long', stageId: stage.id, message: blockedTooLongMessage(days, options.blockedTooLongDays) }]
      : [];
  });
}

/** The first stage still open, when it has not started and everything before it is finished. */
function startNextStage(plan: Plan): Advice[] {
  const index = plan.stages.findIndex((stage) => !isFinished(stage));
  const stage = plan.stages[index];
  if (stage === undefined || stage.status !== 'not-started') {
    return [];
  }
  const message = index === 0 ? ADVICE_MESSAGES.startFirstStage : ADVICE_MESSAGES.startNextStage;
  return [{ id: 'start-next-stage', stageId: stage.id, message, action: { command: 'start', stageId: stage.id } }];
}

/** The first stage with this id: a duplicated id is a diagnostic elsewhere, and edits act on the first too. */
function stageById(plan: Plan, id: string): PlanStage | undefined {
  return plan.stages.find((stage) => stage.id === id);
}

function uniqueByKey(list: readonly Advice[]): Advice[] {
  const seen = new Set<string>();
  return list.filter((advice) => {
    const key = adviceKey(advice);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function sortAdvice(list: readonly Advice[], plan: Plan): Advice[] {
  const position = (advice: Advice): number => plan.stages.findIndex((stage) => stage.id === advice.stageId);
  return [...list].sort((a, b) => ADVICE_RULE_IDS.indexOf(a.id) - ADVICE_RULE_IDS.indexOf(b.id) || position(a) - position(b));
}
