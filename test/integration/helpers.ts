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
