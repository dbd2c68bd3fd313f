// The base of the extension's webview panels (the effort chart, and the next ones), so each
// gets the same safety and life cycle without copying it: one panel per kind, a strict CSP
// with a fresh nonce, only its own files readable, no retained context (pages keep their UI
// state with getState/setState), restoration after a reload, and page messages checked on
// arrival before anything acts on them.

import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { truncateText } from '../model/presentation/truncate';
import { errorMessage, showError } from '../util/errors';
import { newNonce, pageHtml, type PageSpec } from './html';

/** Every page posts this once its script runs: on each load, and again when shown after being hidden. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** What became of a message from a page. */
export type MessageOutcome = 'handled' | 'refused' | 'failed';

/** Scripts on, and only the folders of the page's script and stylesheets readable. */
export function pageWebviewOptions(extensionUri: vscode.Uri, page: PageSpec): vscode.WebviewOptions {
  const folders = new Set([page.script, ...page.styles].map((file) => file.slice(0, -1).join('/')));
  return { enableScripts: true, localResourceRoots: [...folders].map((folder) => vscode.Uri.joinPath(extensionUri, folder)) };
}

/**
 * One webview panel showing a page: it sets the panel's options and HTML shell (a fresh nonce
 * per load) and posts to the page. Posts wait until the page has said it is ready: a hidden
 * panel's page is torn down (the panel does not retain its context) and says ready again
 * when shown.
 */
export class PagePanel<ToPage> extends Disposable {
  private htmlText = '';
  private ready = false;
  private readyMessages = 0;
  private lastJson: string | undefined;
  private lastMessage: ToPage | undefined;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());

  /** Fires once, when the panel closes (by the user or by `dispose`). */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly page: PageSpec,
    onMessage: (message: unknown) => void,
  ) {
    super();
    // Set on every adoption: a panel restored after a reload comes back without them.
    webviewPanel.webview.options = pageWebviewOptions(extensionUri, page);
    if (page.icon) {
      webviewPanel.iconPath = vscode.Uri.joinPath(extensionUri, ...page.icon);
    }
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

  /** The message most recently posted to the page. */
  get lastPostedMessage(): ToPage | undefined {
    return this.lastMessage;
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
    const uri = (file: readonly string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...file)).toString();
    this.ready = false;
    this.lastJson = undefined;
    this.htmlText = pageHtml({
      title: this.page.title,
      body: this.page.body,
      cspSource: webview.cspSource,
      scriptUri: uri(this.page.script),
      styleUris: this.page.styles.map(uri),
      nonce: newNonce(),
      language: vscode.env.language,
    });
    webview.html = this.htmlText;
  }

  /** The page has loaded its script: from now on it can receive messages. */
  markReady(): void {
    this.ready = true;
    this.readyMessages++;
    this.lastJson = undefined;
  }

  /**
   * Sends `message` unless the page is not ready or was just sent exactly this (pages draw
   * from the latest message, so the same one again is wasted work).
   */
  post(message: ToPage): void {
    if (this.isDisposed || !this.ready) {
      return;
    }
    const json = JSON.stringify(message);
    if (json === this.lastJson) {
      return;
    }
    this.lastJson = json;
    this.lastMessage = message;
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

/**
 * The one panel of a kind. `show` opens it or reveals the open one, the serializer takes over
 * a panel VS Code restores after a reload, `refresh` posts what `render` says, and everything
 * the page sends goes through `parseMessage` first: what it refuses is logged and dropped.
 *
 * A subclass says how to wrap a webview panel, check and act on messages, and draw.
 */
export abstract class SingletonPanel<ToPage, FromPage extends { readonly type: string }, P extends PagePanel<ToPage>> extends Disposable {
  private current: P | undefined;

  constructor(
    protected readonly page: PageSpec,
    protected readonly extensionUri: vscode.Uri,
    protected readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(page.viewType, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => this.restore(panel),
      }),
    );
    this.register({ dispose: () => this.current?.dispose() });
  }

  /** The open panel, if any. */
  get panel(): P | undefined {
    return this.current;
  }

  /** Opens the panel beside the active editor (keeping the focus there), or reveals it where it is. */
  show(): P {
    if (this.current) {
      this.current.webviewPanel.reveal(undefined, true);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(
      this.page.viewType,
      this.page.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      pageWebviewOptions(this.extensionUri, this.page),
    );
    return this.adopt(panel);
  }

  /** Takes over a panel VS Code restored after a reload (the page restores its own UI state). */
  restore(panel: vscode.WebviewPanel): void {
    if (this.current) {
      // One panel per kind: the one already open wins.
      panel.dispose();
      return;
    }
    this.adopt(panel);
  }

  /** Posts the current state to the open page (skipped when it already shows it). */
  refresh(): void {
    this.current?.post(this.render());
  }

  /** Everything a page sends comes in here: checked, then acted on only if well-formed. */
  async handleMessage(message: unknown): Promise<MessageOutcome> {
    const parsed = this.parseMessage(message);
    if (!parsed) {
      this.log.warn(`${this.page.logName}: refused a message from its page: ${describeRefused(message)}`);
      return 'refused';
    }
    if (parsed.type === 'ready') {
      this.current?.markReady();
      this.refresh();
      return 'handled';
    }
    try {
      // Not 'ready' (answered above); TypeScript cannot narrow a type parameter by its tag.
      await this.act(parsed as Exclude<FromPage, ReadyMessage>);
      return 'handled';
    } catch (error) {
      this.reportFailure(error);
      return 'failed';
    }
  }

  /** Wraps a new or restored webview panel; `onMessage` must receive everything its page sends. */
  protected abstract createPanel(webviewPanel: vscode.WebviewPanel, onMessage: (message: unknown) => void): P;

  /** The message when `message` is exactly one the page may send (and allowed now), else undefined. */
  protected abstract parseMessage(message: unknown): FromPage | undefined;

  /** The message that draws the current state: posted when the page says ready and on `refresh`. */
  protected abstract render(): ToPage;

  /** Acts on a checked message. Throwing reports a failure to the user. */
  protected abstract act(message: Exclude<FromPage, ReadyMessage>): Promise<void>;

  protected reportFailure(error: unknown): void {
    showError(this.log, vscode.l10n.t('{0}: that action could not run ({1}).', this.page.title, errorMessage(error)));
  }

  private adopt(webviewPanel: vscode.WebviewPanel): P {
    const panel = this.createPanel(webviewPanel, (message) => void this.handleMessage(message));
    panel.onDidDispose(() => {
      if (this.current === panel) {
        this.current = undefined;
      }
    });
    this.current = panel;
    return panel;
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
  return text.length > 200 ? `${truncateText(text, 200)} (${text.length} characters)` : text;
}
