// Shared helpers for suites running inside the real extension host.
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../src/lifecycleExtension';

export const EXTENSION_ID = 'genai-lifecycle-tools.genai-lifecycle';

/** Activates the extension under test (if the workspace did not already) and returns its API. */
export async function activateExtension(): Promise<LifecycleApi> {
  const extension = vscode.extensions.getExtension<LifecycleApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  }
  const api = await extension.activate();
  await api.services.store.ready;
  return api;
}

/** A file of a fixture's original (under test/fixtures), read through the extension's own location. */
export function fixtureUri(...segments: string[]): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  }
  return vscode.Uri.joinPath(extension.extensionUri, 'test', 'fixtures', ...segments);
}

export function workspaceFolder(index = 0): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[index];
  if (!folder) {
    throw new Error(`no workspace folder #${index}`);
  }
  return folder;
}

/**
 * How long a condition may take to hold. Generous, since the suites must pass on a shared 2-core
 * machine with CPU-bound processes beside them: a condition that holds returns at once anyway.
 */
export const SETTLE_TIMEOUT_MS = 45_000;

/** Polls `condition` until it holds; for state that settles through debounced events. */
export async function waitFor<T>(condition: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The quick fixes VS Code gathers at `range`. The extension host sets a diagnostic at once, but
 * the workbench hears of it a moment later, and code actions are asked with the workbench's
 * diagnostics: until then a provider is given none. So this waits for the first answer with a
 * quick fix in it; `allowNone` asks once (after the caller has seen another fix arrive).
 */
export async function quickFixesAt(uri: vscode.Uri, range: vscode.Range, what: string, { allowNone = false }: { readonly allowNone?: boolean } = {}): Promise<vscode.CodeAction[]> {
  const ask = async (): Promise<vscode.CodeAction[]> => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    return actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
  };
  return allowNone ? ask() : waitFor(async () => {
    const fixes = await ask();
    return fixes.length > 0 ? fixes : undefined;
  }, `quick fixes for ${what}`);
}
