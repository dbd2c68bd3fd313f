import * as vscode from 'vscode';
import { STATUS_LABELS, type StageStatus } from '../model/domain/statuses';
import type { PlanStage } from '../model/domain/types';
import { COMMAND_IDS } from '../model/presentation/commandIds';
import { STATUS_LOOKS } from '../model/presentation/treeLabels';
import { Disposable } from '../util/disposable';
import type { PlanStore } from '../workspace/planStore';
import { stageTarget } from './convert';
import type { PlanDocuments } from './planDocuments';

/** The next likely actions per status, as (lens title, command, tooltip verb). Same commands as the sidebar. */
const ACTIONS: Readonly<Record<StageStatus, readonly (readonly [string, string, string])[]>> = {
  'not-started': [
    ['Start', COMMAND_IDS.startStage, 'Start'],
    ['Skip', COMMAND_IDS.skipStage, 'Skip'],
  ],
  'in-progress': [['Complete', COMMAND_IDS.completeStage, 'Complete']],
  blocked: [['Start', COMMAND_IDS.startStage, 'Resume']],
  done: [],
  skipped: [],
};

/** Above each stage of the plan file: its status (reveals it in the sidebar), then Start, Complete or Skip. */
export class PlanCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changeEmitter.event;

  constructor(
    store: PlanStore,
    private readonly documents: PlanDocuments,
  ) {
    super();
    this.register(store.onDidChange(() => this.changeEmitter.fire()));
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const folderPlan = await this.documents.settledPlanOf(document, token);
    const plan = folderPlan?.result?.plan;
    if (!folderPlan || !plan || token.isCancellationRequested) {
      return [];
    }
    return plan.stages.flatMap((stage) => lensesFor(stage, [stageTarget(folderPlan, stage.id)]));
  }
}

function lensesFor(stage: PlanStage, args: readonly unknown[]): vscode.CodeLens[] {
  const line = stage.range.start.line;
  const range = new vscode.Range(line, 0, line, 0);
  const status = new vscode.CodeLens(range, {
    title: `$(${STATUS_LOOKS[stage.status].icon}) ${STATUS_LABELS[stage.status]}`,
    command: COMMAND_IDS.revealStage,
    arguments: [...args],
    tooltip: `${stage.title} is ${STATUS_LABELS[stage.status].toLowerCase()}. Reveal it in the GenAI Lifecycle sidebar`,
  });
  const actions = ACTIONS[stage.status].map(
    ([title, command, verb]) => new vscode.CodeLens(range, { title, command, arguments: [...args], tooltip: `${verb} ${stage.title}` }),
  );
  return [status, ...actions];
}
