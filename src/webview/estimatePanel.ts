import type * as vscode from 'vscode';
import type { EstimatePanelData } from '../model/presentation/estimatePanel';
import type { LocalizedEstimateMessage } from '../model/presentation/pageStrings';
import type { PageSpec } from './html';
import { PagePanel } from './panelBase';

/** The estimate's panel (opened by the command or restored after a reload). */
export class EstimatePanel extends PagePanel<LocalizedEstimateMessage> {
  constructor(webviewPanel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: PageSpec, onMessage: (message: unknown) => void) {
    super(webviewPanel, extensionUri, page, onMessage);
  }

  /** The estimate most recently posted to the webview. */
  get lastPosted(): EstimatePanelData | undefined {
    const message = this.lastPostedMessage;
    return message?.type === 'estimate' ? message.data : undefined;
  }
}
