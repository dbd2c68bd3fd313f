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

export const BLOCKED_TOO_LONG_SETTING = 'advice.blockedTooLongDays';
export const DEFAULT_BLOCKED_TOO_LONG_DAYS = 14;

/** Days a stage may stay blocked before the advisor says so: a whole number of at least 1, else the default. */
export function blockedTooLongDays(folder: vscode.WorkspaceFolder): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION, folder.uri).get<unknown>(BLOCKED_TOO_LONG_SETTING);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_BLOCKED_TOO_LONG_DAYS;
}
