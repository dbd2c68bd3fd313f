import * as vscode from 'vscode';
import type { PlanChange, PlanEditStep } from '../model/domain/types';
import { errorMessage } from '../util/errors';
import type { PlanEngine } from './planEngine';
import { fileNameOf, type FolderPlan, type PlanStore } from './planStore';

export type WriteOutcome = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly reason: string };

/** Called between computing an edit and applying it; tests change the document there. */
export type BeforeApplyHook = (document: vscode.TextDocument) => Promise<void> | void;

/**
 * The single writer of plan files: every change (tree, palette, CodeLens, chart) becomes the
 * model's minimal text edits, applied as one `WorkspaceEdit` on the plan's `TextDocument`.
 * An editor with unsaved changes receives the edit (one undo step reverts it); a document
 * that was clean is saved afterwards so the file on disk is current.
 *
 * Edits are computed from the store's reading when it is of the very text being edited (no
 * parse but the one that checks the result), and that check's reading is handed back to the
 * store, so its refresh after the write does not parse again. An edit is only applied to the
 * document version it was computed on: if the document changed meanwhile (while the worker
 * computed it, say), it is computed once more on the new text, and refused if that happens again.
 */
export class PlanWriter {
  /** Tests only: runs after the edit is computed, before the version check and the apply. */
  beforeApplyForTests: BeforeApplyHook | undefined;

  constructor(
    private readonly store: PlanStore,
    private readonly engine: PlanEngine,
  ) {}

  apply(target: FolderPlan, stageId: string, change: PlanChange): Promise<WriteOutcome> {
    return this.applySteps(target, [{ stageId, change }]);
  }

  /** Several changes as one edit, so one undo step reverts them all (block with a reason, advance). */
  async applySteps(target: FolderPlan, steps: readonly PlanEditStep[]): Promise<WriteOutcome> {
    const file = vscode.workspace.asRelativePath(target.uri);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(target.uri);
    } catch (error) {
      return { ok: false, reason: vscode.l10n.t('Could not open {0}: {1}', file, errorMessage(error)) };
    }
    for (let attempt = 1; ; attempt++) {
      const wasDirty = document.isDirty;
      const version = document.version;
      const text = document.getText();
      const computed = await this.engine.edit(target.folder.uri.toString(), fileNameOf(target.uri), this.store.readingOf(target.folder), text, steps);
      if (!computed.ok) {
        return { ok: false, reason: computed.reason };
      }
      if (computed.edits.length === 0) {
        return { ok: true, changed: false };
      }
      await this.beforeApplyForTests?.(document);
      if (document.isClosed || document.version !== version) {
        if (attempt < 2) {
          // Computed on a text that is no longer the document's: once more, on the text it has now.
          document = document.isClosed ? await vscode.workspace.openTextDocument(target.uri) : document;
          continue;
        }
        return { ok: false, reason: vscode.l10n.t('{0} kept changing while the change was being prepared, so nothing was written. Please try again.', file) };
      }
      const workspaceEdit = new vscode.WorkspaceEdit();
      for (const textEdit of computed.edits) {
        const range = new vscode.Range(document.positionAt(textEdit.start), document.positionAt(textEdit.end));
        workspaceEdit.replace(document.uri, range, textEdit.newText);
      }
      if (computed.after) {
        this.store.acceptReading(target.folder, computed.after);
      }
      if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
        return { ok: false, reason: vscode.l10n.t('VS Code refused the edit to {0} (is the file read-only, or did it just change?).', file) };
      }
      if (!wasDirty && !(await document.save())) {
        return { ok: false, reason: vscode.l10n.t('The change was made but {0} could not be saved.', file) };
      }
      await this.store.reload(target.folder);
      return { ok: true, changed: true };
    }
  }

  /** Writes a new plan file; refuses to overwrite one that exists. */
  async create(folder: vscode.WorkspaceFolder, uri: vscode.Uri, text: string): Promise<WriteOutcome> {
    try {
      await vscode.workspace.fs.stat(uri);
      return { ok: false, reason: vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(uri)) };
    } catch {
      // Absent: the normal case.
    }
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (error) {
      return { ok: false, reason: vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), errorMessage(error)) };
    }
    await this.store.reload(folder);
    return { ok: true, changed: true };
  }
}
