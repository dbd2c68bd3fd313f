import * as vscode from 'vscode';
import type { ChartData, HostMessage } from '../model/presentation/chart';
import { Disposable } from '../util/disposable';
import { chartHtml, newNonce } from './html';

export const CHART_VIEW_TYPE = 'genaiLifecycle.chart';

/** Scripts on, and only media/ readable: the chart's script and stylesheet live there. */
export function chartWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

/**
 * One chart panel (created by the command or restored after a reload). It loads the HTML
 * shell with a fresh nonce and forwards the webview's messages; the data it shows comes from
 * `post`, and only after the script has said it is ready (a hidden panel's page is torn down,
 * since the panel does not retain its context, and says ready again when shown).
 */
export class ChartPanel extends Disposable {
  private htmlText = '';
  private ready = false;
  private readyMessages = 0;
  private lastJson: string | undefined;
  private lastData: ChartData | undefined;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());

  /** Fires once, when the panel closes (by the user or by `dispose`). */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    onMessage: (message: unknown) => void,
  ) {
    super();
    webviewPanel.webview.options = chartWebviewOptions(extensionUri);
    webviewPanel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'activitybar.svg');
    this.register(webviewPanel.webview.onDidReceiveMessage(onMessage));
    this.register(
      webviewPanel.onDidChangeViewState(({ webviewPanel: panel }) => {
        if (!panel.visible) {
          // Its page is gone; the next page says ready and gets the data again.
          this.ready = false;
          this.lastJson = undefined;
        }
      }),
    );
    this.register(webviewPanel.onDidDispose(() => this.dispose()));
    this.load();
  }

  /** The HTML most recently given to the webview. */
  get html(): string {
    return this.htmlText;
  }

  /** The chart data most recently posted to the webview. */
  get lastPosted(): ChartData | undefined {
    return this.lastData;
  }

  /** How many times a page of this panel said it was ready (once per load or re-show). */
  get readyCount(): number {
    return this.readyMessages;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Sets a new HTML shell (with a new nonce): the page reloads and says ready again. */
  load(): void {
    const webview = this.webviewPanel.webview;
    this.ready = false;
    this.lastJson = undefined;
    this.htmlText = chartHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'chart.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'chart.css')).toString(),
      nonce: newNonce(),
    });
    webview.html = this.htmlText;
  }

  /** The page has loaded its script: from now on it can receive data. */
  markReady(): void {
    this.ready = true;
    this.readyMessages++;
    this.lastJson = undefined;
  }

  /** Sends `data` to the page unless it is not ready or already shows exactly this. */
  post(data: ChartData): void {
    if (this.isDisposed || !this.ready) {
      return;
    }
    const json = JSON.stringify(data);
    if (json === this.lastJson) {
      return;
    }
    this.lastJson = json;
    this.lastData = data;
    const message: HostMessage = { type: 'chart', chart: data };
    void this.webviewPanel.webview.postMessage(message);
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.disposeEmitter.fire();
    super.dispose();
    // Closing the panel when the extension goes away; a no-op when the user closed it.
    this.webviewPanel.dispose();
  }
}
