import * as vscode from 'vscode';
import { statusBarAdviceMarkdown } from '../model/presentation/advice';
import { FOCUS_STAGES_COMMAND } from '../model/presentation/commandIds';
import { escapeMarkdown } from '../model/presentation/markdown';
import { statusBarPresentation } from '../model/presentation/treeLabels';
import { Disposable } from '../util/disposable';
import { CONFIG_SECTION, statusBarEnabled } from '../workspace/config';
import type { PlanStore } from '../workspace/planStore';
import { focusedFolderPlan } from './focus';
import type { AdviceSource } from './stagesTreeProvider';

export const STATUS_BAR_ITEM_ID = 'genaiLifecycle.status';

/**
 * One status bar item: the current stage and progress of the plan in focus, e.g.
 * "$(milestone) Fine-tuning · 2/5"; its tooltip adds the advisor's next step and the effort
 * roll-up. Hidden without a plan or when turned off in settings.
 */
export class LifecycleStatusBar extends Disposable {
  readonly item: vscode.StatusBarItem;
  private shown = false;

  constructor(
    private readonly store: PlanStore,
    private readonly advisor: AdviceSource,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50));
    // The product's name, the same in every language.
    this.item.name = 'GenAI Lifecycle';
    this.item.command = { title: vscode.l10n.t('Show Lifecycle Stages'), command: FOCUS_STAGES_COMMAND };
    this.register(store.onDidChange(() => this.update()));
    this.register(advisor.onDidChange(() => this.update()));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${CONFIG_SECTION}.statusBar.enabled`)) {
          this.update();
        }
      }),
    );
    this.update();
  }

  /** Whether the item is on the status bar now (StatusBarItem has no getter for this). */
  get visible(): boolean {
    return this.shown;
  }

  private update(): void {
    const folderPlan = focusedFolderPlan(this.store);
    const plan = folderPlan?.plan;
    if (!folderPlan || !plan || !statusBarEnabled()) {
      this.shown = false;
      this.item.hide();
      return;
    }
    const multiRoot = this.store.existing().length > 1;
    const presentation = statusBarPresentation(plan, multiRoot ? folderPlan.folder.name : undefined);
    this.item.text = presentation.text;
    // Untrusted: plan text is escaped, and the tooltip needs no command links.
    const tooltip = new vscode.MarkdownString(`${escapeMarkdown(presentation.tooltip)}\n\n${statusBarAdviceMarkdown(plan, this.advisor.adviceFor(folderPlan)[0])}`, true);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: presentation.accessibilityLabel };
    this.shown = true;
    this.item.show();
  }
}
