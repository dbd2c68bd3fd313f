// The browser entry (`browser`): the web worker extension host of vscode.dev, github.dev and
// VS Code served to a browser. Its bundle (dist/web/extension.js) is built for the browser with
// nothing external but `vscode`, so no Node built-in can reach it. extension.ts is the Node one.
import * as vscode from 'vscode';
import { LifecycleExtension, type LifecycleApi } from './lifecycleExtension';
import { startWebWorker } from './worker/webWorkers';

export function activate(context: vscode.ExtensionContext): LifecycleApi {
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'planWorker.js');
  const extension = new LifecycleExtension(context, { startPlanWorker: () => startWebWorker(() => vscode.workspace.fs.readFile(workerScript)) });
  context.subscriptions.push(extension);
  return extension.api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
