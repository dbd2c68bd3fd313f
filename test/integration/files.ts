// File access for the suites through vscode.workspace.fs, so the same code runs in the Node
// extension host and in the web worker one (which has no node:fs). A write here goes through
// VS Code's file service to the disk, like a save from another tool: the extension only learns
// of it from its file watchers, never from a text document.
import * as vscode from 'vscode';

export async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Writes `text` to `uri`, creating the folders it needs. */
export async function writeDiskText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function existsOnDisk(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Removes a file or a whole folder; nothing to remove is fine. */
export async function removeFromDisk(uri: vscode.Uri): Promise<void> {
  if (await existsOnDisk(uri)) {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  }
}
