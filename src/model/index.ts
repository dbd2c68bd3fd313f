// The model's public API: pure functions over plan text, no `vscode`.
// Three rooms: `domain` (what a plan is), `planFile` (reading and changing lifecycle.yaml),
// `presentation` (how plans read to people: hovers, chart, tree labels, glossary).

export * from './domain/types';
export * from './domain/statuses';
export * from './domain/catalog';
export * from './planFile/types';
export { parse, MAX_PLAN_BYTES, SUPPORTED_VERSION } from './planFile/parse';
export { edit } from './planFile/edit';
export { editSequence } from './planFile/editSequence';
export type { PlanEditStep } from './planFile/editSequence';
export { applyEdits } from './planFile/textEdits';
export { localToday } from './domain/dates';
export { scaffold, DEFAULT_PROJECT_NAME } from './planFile/scaffold';
export type { ScaffoldOptions } from './planFile/scaffold';
export { currentStage, nextStageAfter, progress, isFinished } from './domain/progress';
export type { PlanProgress } from './domain/progress';
export { formatScalar } from './planFile/scalar';
export { LineIndex, detectEol } from './planFile/text';
export type { Eol } from './planFile/text';
export { adviseOn, adviceKey, ADVICE_RULE_IDS, ADVICE_MESSAGES, blockedTooLongMessage } from './domain/advice';
export type { Advice, AdviceAction, AdviceOptions, AdviceRuleId } from './domain/advice';
export { effortRollup, rankExpertise, rankDuration, durationLabel } from './domain/effortRollup';
export type { EffortRollup, EffortRank, EffortPeak, OpenStageEffort } from './domain/effortRollup';
export { checkEvidenceEntry, isGlobPattern, EVIDENCE_MESSAGES } from './domain/evidence';
export type { EvidenceEntryCheck, EvidenceResult } from './domain/evidence';
export { daysBetween } from './domain/dates';
export { effortSummary } from './presentation/effortSummary';
export { statusReport, escapeTableCell } from './presentation/statusReport';
export { configureTranslations } from './localization';
export type { TranslationBundle } from './localization';
export type { StatusReportOptions } from './presentation/statusReport';
