import * as vscode from 'vscode';
import { progress } from '../model/domain/progress';
import { stageTargetOf, type StageTarget } from '../model/domain/stageTarget';
import { COMMAND_IDS, SHOW_MORE_COMMAND } from '../model/presentation/commandIds';
import { openStagesTooltip } from '../model/presentation/treeLabels';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import { errorMessage, showError } from '../util/errors';
import { noPlanMessage, stageTargetIn } from '../workspace/planStore';
import { focusedFolderPlan } from './focus';
import { isStageScoped, type LifecycleNode, type TaskNode } from './nodes';
import { StagesTreeProvider } from './stagesTreeProvider';
import { LifecycleStatusBar } from './statusBar';

export const STAGES_VIEW_ID = 'genaiLifecycle.stages';

/** Registers the sidebar tree, its badge and the status bar item. */
export class LifecycleViews extends Disposable {
  readonly provider: StagesTreeProvider;
  readonly treeView: vscode.TreeView<LifecycleNode>;
  readonly statusBar: LifecycleStatusBar;

  constructor(readonly services: LifecycleServices) {
    super();
    const { store } = services;
    this.provider = this.register(new StagesTreeProvider(store, services.advisor, services.evidence));
    this.treeView = this.register(
      vscode.window.createTreeView(STAGES_VIEW_ID, {
        treeDataProvider: this.provider,
        showCollapseAll: true,
        // Task checkboxes are independent of each other; stages have none.
        manageCheckboxStateManually: true,
      }),
    );
    this.statusBar = this.register(new LifecycleStatusBar(store, services.advisor));
    this.register(this.provider.onDidChangeTreeData(() => this.updateBadgeAndMessage()));
    this.register(this.treeView.onDidChangeCheckboxState((event) => void this.onCheckboxes(event)));
    this.register(vscode.commands.registerCommand(COMMAND_IDS.revealCurrentStage, () => this.revealCurrentStage()));
    this.register(vscode.commands.registerCommand(COMMAND_IDS.revealStage, (arg: unknown) => this.revealStage(stageTargetOf(arg))));
    this.register(vscode.commands.registerCommand(SHOW_MORE_COMMAND, (listKey: unknown) => this.provider.showMore(listKey)));
    this.updateBadgeAndMessage();
  }

  /** The stage of the first selected row that belongs to one (stage, task or stage plan row). */
  selectedTarget(): StageTarget | undefined {
    const node = this.treeView.selection.find(isStageScoped);
    return node?.target;
  }

  /** Shows, selects and focuses a stage in the sidebar. Navigation only: nothing is written. */
  async revealStage(target: StageTarget | undefined): Promise<boolean> {
    const node = target ? this.provider.stageNode(target) : undefined;
    if (!node) {
      return false;
    }
    // A stage beyond the shown page of a long plan: open the list as far first.
    this.provider.showStage(node);
    try {
      await this.treeView.reveal(node, { select: true, focus: true, expand: true });
      return true;
    } catch (error) {
      // A refresh can replace the node while VS Code resolves it; navigation just does not happen.
      this.services.log.warn(`Could not reveal stage ${node.stage.id}: ${errorMessage(error)}`);
      return false;
    }
  }

  /** Reveals the current stage of the plan in focus (active editor's folder, else the first). */
  async revealCurrentStage(): Promise<boolean> {
    const folderPlan = focusedFolderPlan(this.services.store);
    if (!folderPlan) {
      return showError(this.services.log, noPlanMessage());
    }
    const node = this.provider.currentStageNode(folderPlan.folder.uri.toString());
    if (!node) {
      const blocked = folderPlan.plan?.stages.find((stage) => stage.status === 'blocked');
      if (blocked) {
        return this.revealStage(stageTargetIn(folderPlan, blocked.id));
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Every stage of the plan is done or skipped: there is no current stage.'));
      return false;
    }
    return this.revealStage(node.target);
  }

  private updateBadgeAndMessage(): void {
    const plans = this.provider.folderPlans;
    const open = plans.reduce((sum, folderPlan) => sum + (folderPlan.plan ? progress(folderPlan.plan).open : 0), 0);
    this.treeView.badge = open > 0 ? { value: open, tooltip: openStagesTooltip(open) } : undefined;
    const empty = plans.length > 0 && plans.every((folderPlan) => folderPlan.errorCount === 0 && (folderPlan.plan?.stages.length ?? 0) === 0);
    const fileName = plans[0]?.uri.path.split('/').pop() ?? 'lifecycle.yaml';
    this.treeView.message = empty ? vscode.l10n.t('{0} lists no stages yet: add them under "stages:".', fileName) : undefined;
  }

  /** Ticking a task writes `done: true/false` back; the tree follows from the file. */
  async toggleTask(node: TaskNode, done: boolean): Promise<boolean> {
    const folderPlan = this.services.store.get(node.target.folderUri);
    let reason: string | undefined;
    try {
      const outcome = folderPlan
        ? await this.services.writer.apply(folderPlan, node.target.stageId, { kind: 'toggle-task', taskIndex: node.taskIndex, done })
        : { ok: false as const, reason: vscode.l10n.t('The plan is no longer in the workspace.') };
      if (outcome.ok) {
        return outcome.changed;
      }
      reason = outcome.reason;
    } catch (error) {
      reason = errorMessage(error);
    }
    showError(
      this.services.log,
      done ? vscode.l10n.t('Could not mark the task "{0}" as done: {1}', node.task.title, reason) : vscode.l10n.t('Could not mark the task "{0}" as not done: {1}', node.task.title, reason),
    );
    // Puts the checkbox back to what the file says.
    await this.services.store.reloadAll();
    return false;
  }

  private async onCheckboxes(event: vscode.TreeCheckboxChangeEvent<LifecycleNode>): Promise<void> {
    for (const [node, state] of event.items) {
      if (node.kind === 'task') {
        await this.toggleTask(node, state === vscode.TreeItemCheckboxState.Checked);
      }
    }
  }
}
