import type * as vscode from 'vscode';
import type { ChartData, HostMessage } from '../model/presentation/chart';
import { CHART_PAGE } from './chartPage';
import { PagePanel } from './panelBase';

/** The chart's panel (created by the command or restored after a reload). */
export class ChartPanel extends PagePanel<HostMessage> {
  constructor(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, onMessage: (message: unknown) => void) {
    super(webviewPanel, extensionUri, CHART_PAGE, onMessage);
  }

  /** The chart data most recently posted to the webview. */
  get lastPosted(): ChartData | undefined {
    return this.lastPostedMessage?.chart;
  }
}
