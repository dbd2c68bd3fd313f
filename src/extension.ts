// The Node entry (`main`): desktop VS Code and remote extension hosts. extensionWeb.ts is the
// browser one; both wire the same LifecycleExtension and differ only in how the plan worker runs.
import * as vscode from 'vscode';
import { LifecycleExtension, type LifecycleApi } from './lifecycleExtension';
import { startNodeWorker } from './worker/nodeWorkers';

export function activate(context: vscode.ExtensionContext): LifecycleApi {
  const workerScript = vscode.Uri.joinPath(context.extensionUri, 'dist', 'planWorker.js').fsPath;
  const extension = new LifecycleExtension(context, { startPlanWorker: () => startNodeWorker(workerScript) });
  context.subscriptions.push(extension);
  return extension.api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
