import * as vscode from 'vscode';
import { quickActions, STAGE_ACTION_SPECS } from '../model/domain/statusActions';
import { STATUS_LABELS } from '../model/domain/statuses';
import type { PlanStage } from '../model/domain/types';
import { ACTION_COMMANDS, COMMAND_IDS } from '../model/presentation/commandIds';
import { STATUS_LOOKS } from '../model/presentation/treeLabels';
import { Disposable } from '../util/disposable';
import { stageTargetIn, type PlanStore } from '../workspace/planStore';
import type { PlanDocuments } from './planDocuments';

/** Above each stage of the plan file: its status (reveals it in the sidebar), then its quick actions from the status table. */
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
    return plan.stages.flatMap((stage) => lensesFor(stage, [stageTargetIn(folderPlan, stage.id)]));
  }
}

function lensesFor(stage: PlanStage, args: readonly unknown[]): vscode.CodeLens[] {
  const line = stage.range.start.line;
  const range = new vscode.Range(line, 0, line, 0);
  const status = new vscode.CodeLens(range, {
    title: `$(${STATUS_LOOKS[stage.status].icon}) ${STATUS_LABELS[stage.status]}`,
    command: COMMAND_IDS.revealStage,
    arguments: [...args],
    tooltip: vscode.l10n.t('{0} is {1}. Reveal it in the GenAI Lifecycle sidebar', stage.title, STATUS_LABELS[stage.status].toLowerCase()),
  });
  // The same commands as the sidebar's, so a lens refuses and writes exactly as the tree does.
  const actions = quickActions(stage.status).map((action) => {
    const { label } = STAGE_ACTION_SPECS[action];
    return new vscode.CodeLens(range, { title: label, command: ACTION_COMMANDS[action], arguments: [...args], tooltip: vscode.l10n.t({ message: '{0} {1}', args: [label, stage.title], comment: ['A CodeLens tooltip: {0} is an action such as "Start", {1} a stage title'] }) });
  });
  return [status, ...actions];
}
