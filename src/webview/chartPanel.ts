import type * as vscode from 'vscode';
import type { ChartData } from '../model/presentation/chart';
import type { LocalizedChartMessage } from '../model/presentation/pageStrings';
import type { PageSpec } from './html';
import { PagePanel } from './panelBase';

/** The chart's panel (created by the command or restored after a reload). */
export class ChartPanel extends PagePanel<LocalizedChartMessage> {
  constructor(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: PageSpec, onMessage: (message: unknown) => void) {
    super(webviewPanel, extensionUri, page, onMessage);
  }

  /** The chart data most recently posted to the webview. */
  get lastPosted(): ChartData | undefined {
    return this.lastPostedMessage?.chart;
  }
}
