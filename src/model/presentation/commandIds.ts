// Every command id the extension declares, in one place: registrations, CodeLens, tree items,
// hover links and the chart name commands through these. Plain strings (no `vscode`), so the
// model's presentation can build `command:` links; a unit test holds them to package.json.

import type { Advice } from '../domain/advice';
import { STAGE_ACTIONS, type StageAction } from '../domain/statusActions';

export const COMMAND_IDS = {
  initPlan: 'genaiLifecycle.initPlan',
  openPlan: 'genaiLifecycle.openPlan',
  setStageStatus: 'genaiLifecycle.setStageStatus',
  startStage: 'genaiLifecycle.startStage',
  completeStage: 'genaiLifecycle.completeStage',
  blockStage: 'genaiLifecycle.blockStage',
  skipStage: 'genaiLifecycle.skipStage',
  resetStage: 'genaiLifecycle.resetStage',
  advance: 'genaiLifecycle.advance',
  addTask: 'genaiLifecycle.addTask',
  revealCurrentStage: 'genaiLifecycle.revealCurrentStage',
  refresh: 'genaiLifecycle.refresh',
  showChart: 'genaiLifecycle.showChart',
  revealStage: 'genaiLifecycle.revealStage',
  openStagePlan: 'genaiLifecycle.openStagePlan',
  whatNext: 'genaiLifecycle.whatNext',
  dismissAdvice: 'genaiLifecycle.dismissAdvice',
  restoreDismissedAdvice: 'genaiLifecycle.restoreDismissedAdvice',
  estimateMemory: 'genaiLifecycle.estimateMemory',
  copyStatusReport: 'genaiLifecycle.copyStatusReport',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];

/** VS Code generates this one from the stages view's id, so package.json does not declare it. */
export const FOCUS_STAGES_COMMAND = 'genaiLifecycle.stages.focus';

/**
 * The "Show more" row's command in the Stages tree (the next page of a long list). Internal:
 * registered but not declared in package.json, so it is in no menu and not in the palette.
 */
export const SHOW_MORE_COMMAND = 'genaiLifecycle.stages.showMore';

/** The command that takes each action. Resuming is starting a blocked stage, so it is Start Stage too. */
export const ACTION_COMMANDS: Readonly<Record<StageAction, CommandId>> = {
  start: COMMAND_IDS.startStage,
  resume: COMMAND_IDS.startStage,
  complete: COMMAND_IDS.completeStage,
  block: COMMAND_IDS.blockStage,
  skip: COMMAND_IDS.skipStage,
  reset: COMMAND_IDS.resetStage,
};

/** The actions a command takes, in STAGE_ACTIONS order (Start Stage: start, resume). */
export function actionsOfCommand(command: CommandId): readonly StageAction[] {
  return STAGE_ACTIONS.filter((action) => ACTION_COMMANDS[action] === command);
}

/** How a piece of advice is taken: its action's command on the action's stage, else Reveal Stage on the stage it is about. */
export function adviceCommand(advice: Advice): { readonly command: CommandId; readonly stageId: string } {
  return advice.action ? { command: ACTION_COMMANDS[advice.action.command], stageId: advice.action.stageId } : { command: COMMAND_IDS.revealStage, stageId: advice.stageId };
}
