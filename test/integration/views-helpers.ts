// Helpers shared by the views-* suites (sidebar and status commands), run in the real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../src/lifecycleExtension';
import type { LifecycleNode } from '../../src/views/nodes';
import { diskText, writeDiskText } from './files';
import { waitFor } from './helpers';

/** What a tree row shows, in plain data for deepEqual. */
export interface RowSnapshot {
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly icon?: string;
  readonly color?: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly checked?: boolean;
  readonly highlighted?: boolean;
}

export function labelText(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export function snapshotRow(item: vscode.TreeItem): RowSnapshot {
  const row: { -readonly [K in keyof RowSnapshot]: RowSnapshot[K] } = {
    label: labelText(item),
    collapsible:
      item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded ? 'expanded' : item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed ? 'collapsed' : 'none',
  };
  if (typeof item.description === 'string') {
    row.description = item.description;
  }
  if (item.contextValue !== undefined) {
    row.contextValue = item.contextValue;
  }
  if (item.iconPath instanceof vscode.ThemeIcon) {
    row.icon = item.iconPath.id;
    if (item.iconPath.color) {
      // ThemeColor keeps its id at run time; @types/vscode 1.90 does not declare it.
      row.color = (item.iconPath.color as unknown as { readonly id: string }).id;
    }
  }
  const checkbox = item.checkboxState;
  if (checkbox !== undefined) {
    const state = typeof checkbox === 'object' ? checkbox.state : checkbox;
    row.checked = state === vscode.TreeItemCheckboxState.Checked;
  }
  if (typeof item.label === 'object' && item.label.highlights && item.label.highlights.length > 0) {
    row.highlighted = true;
  }
  return row;
}

export function children(api: LifecycleApi, node?: LifecycleNode): LifecycleNode[] {
  return api.views.provider.getChildren(node);
}

export function rows(api: LifecycleApi, node?: LifecycleNode): RowSnapshot[] {
  return children(api, node).map((child) => snapshotRow(api.views.provider.getTreeItem(child)));
}

/** The root stage node with this label-independent id. */
export function stageNode(api: LifecycleApi, stageId: string, parent?: LifecycleNode): LifecycleNode {
  const node = children(api, parent).find((candidate) => candidate.kind === 'stage' && candidate.stage.id === stageId);
  assert.ok(node, `stage ${stageId} is in the tree`);
  return node;
}

/** `text` with `search` (which must occur exactly once) replaced. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search);
  assert.ok(first >= 0, `expected text contains ${JSON.stringify(search)}`);
  assert.equal(text.indexOf(search, first + 1), -1, `${JSON.stringify(search)} occurs more than once`);
  return text.slice(0, first) + replacement + text.slice(first + search.length);
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

/** Puts the plan back to `text` (document and disk, nothing dirty) and waits for the store. */
export async function restorePlan(api: LifecycleApi, folder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string): Promise<void> {
  const document = openDocument(uri);
  if (document) {
    if (document.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
      assert.ok(await vscode.workspace.applyEdit(edit), 'restore edit applied');
    }
    if (document.isDirty) {
      assert.ok(await document.save(), 'restored plan saved');
    }
  }
  if ((await diskText(uri)) !== text) {
    await writeDiskText(uri, text);
  }
  await waitFor(async () => {
    const folderPlan = await api.services.store.reload(folder);
    const open = openDocument(uri);
    return folderPlan?.exists && folderPlan.errorCount === 0 && (!open || open.getText() === text) && (await diskText(uri)) === text;
  }, 'the plan to be restored');
}

/** Runs a command that opens a quick pick and accepts what the quick pick starts on. */
export async function runAcceptingQuickPicks<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const running = vscode.commands.executeCommand<T>(command, ...args).then(
    (value) => {
      settled = true;
      return value;
    },
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  const deadline = Date.now() + 15_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!settled) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  }
  return running;
}

/** Runs a command that asks something, and dismisses the question (Escape). */
export async function runDismissingQuickInput<T>(command: string, ...args: unknown[]): Promise<T> {
  let settled = false;
  const running = vscode.commands.executeCommand<T>(command, ...args).then((value) => {
    settled = true;
    return value;
  });
  const deadline = Date.now() + 15_000;
  while (!settled && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!settled) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  }
  return running;
}
