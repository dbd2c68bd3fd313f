// The API VS Code gives a webview page, typed by what the page posts and what UI state it
// keeps. `acquireVsCodeApi` is a global of the webview and may be called once per page.

export interface VsCodeApi<Message, State> {
  postMessage(message: Message): void;
  /** Whatever an earlier page of this panel saved: check it before use. */
  getState(): unknown;
  setState(state: State): void;
}

declare function acquireVsCodeApi<Message, State>(): VsCodeApi<Message, State>;

export function vscodeApi<Message, State>(): VsCodeApi<Message, State> {
  return acquireVsCodeApi<Message, State>();
}
