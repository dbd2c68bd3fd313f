// How failures reach people: the message of whatever was thrown, and the one way a failure
// is both logged (for a bug report) and shown (so the user knows what to do).
import * as vscode from 'vscode';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Logs the message as a warning and shows it as an error; `false`, so a command can return it. */
export function showError(log: vscode.LogOutputChannel, message: string): false {
  log.warn(message);
  void vscode.window.showErrorMessage(message);
  return false;
}
