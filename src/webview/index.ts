import * as vscode from 'vscode';
import { buildChart, chartStageStatuses, parseWebviewMessage, type ChartData, type WebviewMessage } from '../model/presentation/chart';
import { adviceKey } from '../model/domain/advice';
import { adviceCommand, COMMAND_IDS } from '../model/presentation/commandIds';
import type { LifecycleServices } from '../services';
import { errorMessage, showError } from '../util/errors';
import { stageTargetIn, type FolderPlan } from '../workspace/planStore';
import { ChartPanel } from './chartPanel';
import type { LocalizedChartMessage } from '../model/presentation/pageStrings';
import { chartPage } from './chartPage';
import { chartStrings } from './pageStrings';
import { SingletonPanel, type ReadyMessage } from './panelBase';

/**
 * The effort chart: the Show Effort Chart command and the single chart panel (its
 * life cycle is `SingletonPanel`'s), with its live data.
 *
 * Which folder it shows: the folder of the last active text editor whose folder has a plan
 * file, else the first folder with a plan file, else the first folder (the chart then shows
 * the catalog alone and offers to create the plan).
 *
 * Data flows one way: store (or advisor) change -> `buildChart` -> `postMessage`; the page's requests come
 * back as messages, are checked by `parseWebviewMessage` (against the status table too), and
 * run the same commands as the sidebar (so every write goes through the commands and the
 * plan writer).
 */
export class ChartFeature extends SingletonPanel<LocalizedChartMessage, WebviewMessage, ChartPanel> {
  /** `folder.uri.toString()` of the last active editor's folder, when that folder has a plan. */
  private editorFolder: string | undefined;

  constructor(readonly services: LifecycleServices) {
    super(chartPage({ title: vscode.l10n.t('Lifecycle Effort Chart'), loading: vscode.l10n.t('Loading the effort chart…') }), services.context.extensionUri, services.log);
    this.register(
      vscode.commands.registerCommand(COMMAND_IDS.showChart, () => {
        this.show();
        return true;
      }),
    );
    this.register(services.store.onDidChange(() => this.refresh()));
    this.register(services.advisor.onDidChange(() => this.refresh()));
    this.register(services.estimates.onDidChange(() => this.refresh()));
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && this.noteEditorFolder(editor.document.uri)) {
          this.refresh();
        }
      }),
    );
    const active = vscode.window.activeTextEditor;
    if (active) {
      this.noteEditorFolder(active.document.uri);
    }
  }

  /** The data the chart shows now. */
  chartData(): ChartData {
    const folderPlan = this.chartFolderPlan();
    if (!folderPlan) {
      return buildChart();
    }
    return buildChart({
      ...(folderPlan.exists && folderPlan.plan && { plan: folderPlan.plan, advice: this.services.advisor.adviceFor(folderPlan) }),
      folderUri: folderPlan.folder.uri.toString(),
      folderName: folderPlan.folder.name,
      errorCount: folderPlan.exists ? folderPlan.errorCount : 0,
      estimateSettings: this.services.estimates.settings,
    });
  }

  /** The folder plan the chart shows (see the class comment). */
  chartFolderPlan(): FolderPlan | undefined {
    const plans = this.services.store.all();
    const fromEditor = this.editorFolder === undefined ? undefined : plans.find((p) => p.exists && p.folder.uri.toString() === this.editorFolder);
    return fromEditor ?? plans.find((p) => p.exists && p.plan !== undefined) ?? plans.find((p) => p.exists) ?? plans[0];
  }

  protected createPanel(webviewPanel: vscode.WebviewPanel, onMessage: (message: unknown) => void): ChartPanel {
    return new ChartPanel(webviewPanel, this.extensionUri, this.page, onMessage);
  }

  /** Only a well-formed message about a stage of the shown plan, making a move the status table allows. */
  protected parseMessage(message: unknown): WebviewMessage | undefined {
    const folderPlan = this.chartFolderPlan();
    const adviceKeys = new Set(this.services.advisor.adviceFor(folderPlan).map(adviceKey));
    return parseWebviewMessage(message, chartStageStatuses(folderPlan?.exists ? folderPlan.plan : undefined), adviceKeys);
  }

  protected render(): LocalizedChartMessage {
    return { type: 'chart', chart: this.chartData(), strings: chartStrings() };
  }

  protected async act(message: Exclude<WebviewMessage, ReadyMessage>): Promise<void> {
    const folderPlan = this.chartFolderPlan();
    switch (message.type) {
      case 'createPlan':
        // In the folder the chart shows; the command asks which stages to include.
        await vscode.commands.executeCommand(COMMAND_IDS.initPlan, ...(folderPlan ? [folderPlan.folder.uri.toString()] : []));
        return;
      case 'chooseStatus':
      case 'setStatus': {
        if (!folderPlan) {
          return;
        }
        const target = stageTargetIn(folderPlan, message.stageId);
        if (message.type === 'setStatus') {
          await vscode.commands.executeCommand<boolean>(COMMAND_IDS.setStageStatus, target, message.status);
        } else {
          await vscode.commands.executeCommand<boolean>(COMMAND_IDS.setStageStatus, target);
        }
        return;
      }
      case 'runAdvice': {
        // Found again in the current plan: the page names advice, never a command.
        const advice = this.services.advisor.find(folderPlan, message.key);
        if (!folderPlan || !advice) {
          return;
        }
        const { command, stageId } = adviceCommand(advice);
        await vscode.commands.executeCommand<boolean>(command, stageTargetIn(folderPlan, stageId));
        return;
      }
    }
  }

  protected override reportFailure(error: unknown): void {
    showError(this.services.log, vscode.l10n.t('The effort chart could not run that action ({0}). Try the same action from the GenAI Lifecycle sidebar.', errorMessage(error)));
  }

  /** Remembers the editor's folder when it has a plan; true when the shown folder may change. */
  private noteEditorFolder(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !this.services.store.get(folder.uri)?.exists) {
      return false;
    }
    const key = folder.uri.toString();
    if (key === this.editorFolder) {
      return false;
    }
    this.editorFolder = key;
    return true;
  }
}
