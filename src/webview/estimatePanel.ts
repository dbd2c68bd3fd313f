import type * as vscode from 'vscode';
import type { EstimateHostMessage, EstimatePanelData } from '../model/presentation/estimatePanel';
import { ESTIMATE_PAGE } from './estimatePage';
import { PagePanel } from './panelBase';

/** The estimate's panel (opened by the command or restored after a reload). */
export class EstimatePanel extends PagePanel<EstimateHostMessage> {
  constructor(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, onMessage: (message: unknown) => void) {
    super(webviewPanel, extensionUri, ESTIMATE_PAGE, onMessage);
  }

  /** The estimate most recently posted to the webview. */
  get lastPosted(): EstimatePanelData | undefined {
    const message = this.lastPostedMessage;
    return message?.type === 'estimate' ? message.data : undefined;
  }
}
