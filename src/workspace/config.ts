import * as vscode from 'vscode';

export const CONFIG_SECTION = 'genaiLifecycle';
export const DEFAULT_PLAN_FILE = 'lifecycle.yaml';

/** The configured plan path for a folder, relative to it; falls back to the default on bad values. */
export function planFileSetting(folder: vscode.WorkspaceFolder): string {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION, folder.uri).get<unknown>('planFile');
  if (typeof value !== 'string') {
    return DEFAULT_PLAN_FILE;
  }
  const trimmed = value.trim().replace(/^\.?[\\/]+/, '');
  // A path that climbs out of the folder is not a plan of this folder.
  if (trimmed === '' || trimmed.split(/[\\/]/).includes('..')) {
    return DEFAULT_PLAN_FILE;
  }
  return trimmed;
}

export function planUriFor(folder: vscode.WorkspaceFolder): vscode.Uri {
  // One `/`-separated segment (joinPath splits it) rather than a spread of unbounded length.
  return vscode.Uri.joinPath(folder.uri, planFileSetting(folder).replace(/\\/g, '/'));
}

export function statusBarEnabled(): boolean {
  return vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('statusBar.enabled', true);
}

/** The advice's limit when the setting is unset or not a number of days. */
export const DEFAULT_BLOCKED_TOO_LONG_DAYS = 14;

/** `advice.blockedTooLongDays`: a stage blocked for more days than this is worth a word of advice. */
export function blockedTooLongDays(folder: vscode.WorkspaceFolder | undefined): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION, folder?.uri).get<unknown>('advice.blockedTooLongDays');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : DEFAULT_BLOCKED_TOO_LONG_DAYS;
}
