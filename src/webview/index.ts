import * as vscode from 'vscode';
import type { StageTarget } from '../model/domain/stageTarget';
import { buildChart, chartStageStatuses, parseWebviewMessage, type ChartData, type WebviewMessage } from '../model/presentation/chart';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import type { FolderPlan } from '../workspace/planStore';
import { errorMessage } from '../workspace/planWriter';
import { ChartPanel, CHART_VIEW_TYPE, chartWebviewOptions } from './chartPanel';
import { CHART_TITLE } from './html';

export { CHART_VIEW_TYPE } from './chartPanel';

/** What became of a message from the chart's page. */
export type ChartMessageOutcome = 'handled' | 'refused' | 'failed';

/**
 * The effort chart: the `genaiLifecycle.showChart` command, the single chart panel, its
 * restoration after a reload, and its live data.
 *
 * Which folder it shows: the folder of the last active text editor whose folder has a plan
 * file, else the first folder with a plan file, else the first folder (the chart then shows
 * the catalog alone and offers to create the plan).
 *
 * Data flows one way: store change -> `buildChart` -> `postMessage`; the page's requests come
 * back as messages, are checked by `parseWebviewMessage`, and run the same commands as the
 * sidebar (so every write goes through the commands and the plan writer).
 */
export class ChartFeature extends Disposable {
  private chartPanel: ChartPanel | undefined;
  /** `folder.uri.toString()` of the last active editor's folder, when that folder has a plan. */
  private editorFolder: string | undefined;

  constructor(readonly services: LifecycleServices) {
    super();
    this.register(vscode.commands.registerCommand('genaiLifecycle.showChart', () => this.show()));
    this.register(
      vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
          this.restore(panel);
        },
      }),
    );
    this.register(services.store.onDidChange(() => this.refresh()));
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
    this.register({ dispose: () => this.chartPanel?.dispose() });
  }

  /** The open chart panel, if any. */
  get panel(): ChartPanel | undefined {
    return this.chartPanel;
  }

  /** Opens the chart beside the active editor, or reveals it where it is. */
  async show(): Promise<boolean> {
    if (this.chartPanel) {
      this.chartPanel.webviewPanel.reveal(undefined, true);
      return true;
    }
    const panel = vscode.window.createWebviewPanel(
      CHART_VIEW_TYPE,
      CHART_TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      chartWebviewOptions(this.services.context.extensionUri),
    );
    this.adopt(panel);
    return true;
  }

  /** Takes over a panel VS Code restored after a reload (the page restores its own UI state). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.chartPanel) {
      // One chart: the one already open wins.
      panel.dispose();
      return;
    }
    this.adopt(panel);
  }

  /** The data the chart shows now. */
  chartData(): ChartData {
    const folderPlan = this.chartFolderPlan();
    if (!folderPlan) {
      return buildChart();
    }
    return buildChart({
      ...(folderPlan.exists && folderPlan.plan && { plan: folderPlan.plan }),
      folderUri: folderPlan.folder.uri.toString(),
      folderName: folderPlan.folder.name,
      errorCount: folderPlan.exists ? folderPlan.errorCount : 0,
    });
  }

  /** The folder plan the chart shows (see the class comment). */
  chartFolderPlan(): FolderPlan | undefined {
    const plans = this.services.store.all();
    const fromEditor = this.editorFolder === undefined ? undefined : plans.find((p) => p.exists && p.folder.uri.toString() === this.editorFolder);
    return fromEditor ?? plans.find((p) => p.exists && p.plan !== undefined) ?? plans.find((p) => p.exists) ?? plans[0];
  }

  /**
   * Everything the page sends comes in here. Anything but a well-formed message about a
   * stage of the shown plan (and a move the status table allows it) is refused (and logged),
   * and nothing acts on it.
   */
  async handleMessage(message: unknown): Promise<ChartMessageOutcome> {
    const folderPlan = this.chartFolderPlan();
    const parsed = parseWebviewMessage(message, chartStageStatuses(folderPlan?.exists ? folderPlan.plan : undefined));
    if (!parsed) {
      this.services.log.warn(`Effort chart: refused a message from the chart page: ${describeRefused(message)}`);
      return 'refused';
    }
    if (parsed.type === 'ready') {
      this.chartPanel?.markReady();
      this.refresh();
      return 'handled';
    }
    try {
      await this.act(parsed, folderPlan);
      return 'handled';
    } catch (error) {
      const text = `The effort chart could not run that action (${errorMessage(error)}).`;
      this.services.log.error(text);
      void vscode.window.showErrorMessage(`${text} Try the same action from the GenAI Lifecycle sidebar.`);
      return 'failed';
    }
  }

  private async act(message: Exclude<WebviewMessage, { type: 'ready' }>, folderPlan: FolderPlan | undefined): Promise<void> {
    switch (message.type) {
      case 'createPlan':
        // In the folder the chart shows; the command asks which stages to include.
        await vscode.commands.executeCommand('genaiLifecycle.initPlan', ...(folderPlan ? [folderPlan.folder.uri.toString()] : []));
        return;
      case 'chooseStatus':
      case 'setStatus': {
        if (!folderPlan) {
          return;
        }
        const target: StageTarget = { folderUri: folderPlan.folder.uri.toString(), stageId: message.stageId };
        if (message.type === 'setStatus') {
          await vscode.commands.executeCommand<boolean>('genaiLifecycle.setStageStatus', target, message.status);
        } else {
          await vscode.commands.executeCommand<boolean>('genaiLifecycle.setStageStatus', target);
        }
        return;
      }
    }
  }

  private adopt(panel: vscode.WebviewPanel): void {
    const chartPanel = new ChartPanel(panel, this.services.context.extensionUri, (message) => void this.handleMessage(message));
    chartPanel.onDidDispose(() => {
      if (this.chartPanel === chartPanel) {
        this.chartPanel = undefined;
      }
    });
    this.chartPanel = chartPanel;
  }

  private refresh(): void {
    this.chartPanel?.post(this.chartData());
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

/** A short, safe description of a refused message for the log (it may be huge or hostile). */
function describeRefused(message: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = Object.prototype.toString.call(message);
  }
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
}
