// What the rest of the plan will take: the stages still open, the most expertise they need and
// the longest training they involve, from the cheat-sheet cells (the catalog's for built-in
// stages, the plan's `effort` for custom ones).
//
// Ranking. Expertise: Low < Medium < Medium-High < High; a custom cell must name one of these
// (case, spaces, `-` and `_` aside), anything else is left unranked. Training duration: the
// catalog's 0..4 scale (`DURATION_SCALE`, the chart's too), on which the cheat sheet's three
// classes sit as Not required (0) < Minutes to hours (2, with "..., similar to fine-tuning")
// < Days to weeks to months (4). A custom cell that spells a catalog cell or a scale step takes
// its level; otherwise the longest unit it names decides: months or weeks 4, days 3, hours 2,
// minutes 1, "not required"/"none"/"no training" 0. A cell naming none of these is unranked.
// Unranked stages still count as open; their rank is left undefined so a view can say so.

import * as l10n from '@vscode/l10n';
import { CATALOG, DURATION_SCALE, EXPERTISE_LEVELS, catalogStage, durationScaleLabels, expertiseLabel, type ExpertiseLabel } from './catalog';
import { isFinished } from './progress';
import type { Plan, PlanStage } from './types';

/** A place on a scale and its name (as people read it: translated). */
export interface EffortRank {
  readonly level: number;
  readonly label: string;
}

/** The top of a scale among the open stages, and which stages reach it (file order). */
export interface EffortPeak extends EffortRank {
  readonly stageIds: readonly string[];
}

/** One open stage on both scales; a rank is undefined when its cell is missing or on no scale. */
export interface OpenStageEffort {
  readonly stageId: string;
  readonly expertise?: EffortRank;
  readonly duration?: EffortRank;
}

export interface EffortRollup {
  /** Stages neither done nor skipped, in file order. */
  readonly open: readonly OpenStageEffort[];
  /** The highest expertise still needed; undefined when no open stage has a ranked cell. */
  readonly expertise?: EffortPeak;
  /** The longest training duration still ahead; undefined when no open stage has a ranked cell. */
  readonly longest?: EffortPeak;
}

export function effortRollup(plan: Plan): EffortRollup {
  const open = plan.stages
    .filter((stage) => !isFinished(stage))
    .map((stage): OpenStageEffort => {
      const expertise = stageExpertise(stage);
      const duration = stageDuration(stage);
      return { stageId: stage.id, ...(expertise && { expertise }), ...(duration && { duration }) };
    });
  const expertise = peak(open, (entry) => entry.expertise);
  const longest = peak(open, (entry) => entry.duration);
  return { open, ...(expertise && { expertise }), ...(longest && { longest }) };
}

/** An expertise cell on the Low..High scale (level 1..4), or undefined when it names no step. */
export function rankExpertise(text: string | undefined): EffortRank | undefined {
  const wanted = normalize(text);
  // The English labels, or the labels as translated for this display language.
  const label = (Object.keys(EXPERTISE_LEVELS) as ExpertiseLabel[]).find((candidate) => normalize(candidate) === wanted || normalize(expertiseLabel(candidate)) === wanted);
  return label === undefined ? undefined : { level: EXPERTISE_LEVELS[label], label: expertiseLabel(label) };
}

/** A training-duration cell on the 0..4 scale (see the rule at the top of this file). */
export function rankDuration(text: string | undefined): EffortRank | undefined {
  const wanted = normalize(text);
  if (wanted === '') {
    return undefined;
  }
  const translatedScale = durationScaleLabels();
  const known =
    CATALOG.find((entry) => normalize(entry.trainingDuration) === wanted)?.durationLevel ??
    indexOrUndefined(DURATION_SCALE.findIndex((step, index) => normalize(step) === wanted || normalize(translatedScale[index]) === wanted));
  const level = known ?? DURATION_KEYWORDS.find(([pattern]) => pattern.test(wanted))?.[1];
  return level === undefined ? undefined : { level, label: durationLabel(level) };
}

/** Longest unit first: "hours to days" is days. */
const DURATION_KEYWORDS: readonly (readonly [RegExp, number])[] = [
  [/\b(?:months?|weeks?)\b/, 4],
  [/\bdays?\b/, 3],
  [/\bhours?\b/, 2],
  [/\bminutes?\b/, 1],
  [/\b(?:not required|none|no training)\b/, 0],
];

/** The cheat sheet's own words where it has a class at this level (its shortest cell), else the scale's step. */
export function durationLabel(level: number): string {
  const cells = CATALOG.filter((entry) => entry.durationLevel === level).map((entry) => entry.trainingDuration);
  const shortest = cells.sort((a, b) => a.length - b.length)[0];
  return shortest ?? durationScaleLabels()[level] ?? l10n.t('Level {0}', level);
}

function stageExpertise(stage: PlanStage): EffortRank | undefined {
  const entry = stage.builtIn ? catalogStage(stage.id) : undefined;
  return entry ? { level: entry.expertiseLevel, label: entry.expertise } : rankExpertise(stage.effort?.expertise);
}

function stageDuration(stage: PlanStage): EffortRank | undefined {
  const entry = stage.builtIn ? catalogStage(stage.id) : undefined;
  return entry ? { level: entry.durationLevel, label: durationLabel(entry.durationLevel) } : rankDuration(stage.effort?.trainingDuration);
}

function peak(open: readonly OpenStageEffort[], rankOf: (entry: OpenStageEffort) => EffortRank | undefined): EffortPeak | undefined {
  const levels = open.map((entry) => rankOf(entry)?.level).filter((level): level is number => level !== undefined);
  if (levels.length === 0) {
    return undefined;
  }
  const top = Math.max(...levels);
  const atTop = open.filter((entry) => rankOf(entry)?.level === top);
  return { level: top, label: rankOf(atTop[0])?.label ?? '', stageIds: atTop.map((entry) => entry.stageId) };
}

function indexOrUndefined(index: number): number | undefined {
  return index < 0 ? undefined : index;
}

function normalize(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}
