import type * as vscode from 'vscode';
import { LifecycleExtension, type LifecycleApi } from './lifecycleExtension';

export function activate(context: vscode.ExtensionContext): LifecycleApi {
  const extension = new LifecycleExtension(context);
  context.subscriptions.push(extension);
  return extension.api;
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
