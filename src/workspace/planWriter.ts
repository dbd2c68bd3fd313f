import * as vscode from 'vscode';
import type { PlanChange } from '../model/domain/types';
import { edit } from '../model/planFile/edit';
import { editSequence, type PlanEditStep } from '../model/planFile/editSequence';
import type { EditResult } from '../model/planFile/types';
import { errorMessage } from '../util/errors';
import type { FolderPlan, PlanStore } from './planStore';

export type WriteOutcome = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly reason: string };

/**
 * The single writer of plan files: every change (tree, palette, CodeLens, chart) becomes the
 * model's minimal text edits, applied as one `WorkspaceEdit` on the plan's `TextDocument`.
 * An editor with unsaved changes receives the edit (one undo step reverts it); a document
 * that was clean is saved afterwards so the file on disk is current.
 */
export class PlanWriter {
  constructor(private readonly store: PlanStore) {}

  apply(target: FolderPlan, stageId: string, change: PlanChange): Promise<WriteOutcome> {
    return this.applyEdits(target, (text) => edit(text, stageId, change));
  }

  /** Several changes as one edit, so one undo step reverts them all (block with a reason, advance). */
  applySteps(target: FolderPlan, steps: readonly PlanEditStep[]): Promise<WriteOutcome> {
    return this.applyEdits(target, (text) => editSequence(text, steps));
  }

  private async applyEdits(target: FolderPlan, computeEdits: (text: string) => EditResult): Promise<WriteOutcome> {
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(target.uri);
    } catch (error) {
      return { ok: false, reason: `Could not open ${vscode.workspace.asRelativePath(target.uri)}: ${errorMessage(error)}` };
    }
    const wasDirty = document.isDirty;
    const result = computeEdits(document.getText());
    if (!result.ok) {
      return { ok: false, reason: result.reason };
    }
    if (result.edits.length === 0) {
      return { ok: true, changed: false };
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    for (const textEdit of result.edits) {
      const range = new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end));
      workspaceEdit.replace(document.uri, range, textEdit.newText);
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
      return { ok: false, reason: `VS Code refused the edit to ${vscode.workspace.asRelativePath(target.uri)} (is the file read-only?).` };
    }
    if (!wasDirty && !(await document.save())) {
      return { ok: false, reason: `The change was made but ${vscode.workspace.asRelativePath(target.uri)} could not be saved.` };
    }
    await this.store.reload(target.folder);
    return { ok: true, changed: true };
  }

  /** Writes a new plan file; refuses to overwrite one that exists. */
  async create(folder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string): Promise<WriteOutcome> {
    try {
      await vscode.workspace.fs.stat(uri);
      return { ok: false, reason: `${vscode.workspace.asRelativePath(uri)} already exists.` };
    } catch {
      // Absent: the normal case.
    }
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (error) {
      return { ok: false, reason: `Could not write ${vscode.workspace.asRelativePath(uri)}: ${errorMessage(error)}` };
    }
    await this.store.reload(folder);
    return { ok: true, changed: true };
  }
}
