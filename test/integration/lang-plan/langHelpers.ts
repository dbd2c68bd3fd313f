// Shared by the lang-plan suites: the fixture's files, and edits that tests make and undo.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diskText } from '../files';
import { activateExtension, fixtureUri, workspaceFolder } from '../helpers';

export function fileUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...segments);
}

export function planUri(): vscode.Uri {
  return fileUri('lifecycle.yaml');
}

/** The fixture's plan as the repository has it: what every test starts from, whatever the last one left. */
export async function pristinePlanText(): Promise<string> {
  return diskText(fixtureUri('lang-plan', 'lifecycle.yaml'));
}

export interface PlanDocumentFixture {
  /** The plan's document, open and equal to `original` (saved) when each test starts. */
  readonly document: vscode.TextDocument;
  readonly original: string;
}

/**
 * The one setup of the suites that edit the plan: before each test the extension is active,
 * the plan is back to the fixture's text on disk and in its document, and no editor is open;
 * after each test, also a failed one, the same again. So no test depends on what another did.
 */
export function planDocumentPerTest(): PlanDocumentFixture {
  let document: vscode.TextDocument | undefined;
  let original: string | undefined;
  const reset = async (): Promise<void> => {
    original ??= await pristinePlanText();
    // A failed test may have deleted or changed the file, or left its document dirty.
    const onDisk = await diskText(planUri()).catch(() => undefined);
    if (onDisk !== original) {
      await vscode.workspace.fs.writeFile(planUri(), new TextEncoder().encode(original));
    }
    await restore(await vscode.workspace.openTextDocument(planUri()), original);
    // Clean now, so closing asks nothing; reopened, so the handle is never a disposed document.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    document = await vscode.workspace.openTextDocument(planUri());
  };
  beforeEach(async () => {
    await activateExtension();
    await reset();
  });
  afterEach(reset);
  return {
    get document(): vscode.TextDocument {
      if (!document) {
        throw new Error('the plan document is opened before each test');
      }
      return document;
    },
    get original(): string {
      if (original === undefined) {
        throw new Error('the plan text is read before each test');
      }
      return original;
    },
  };
}

/** Replaces the whole text of an open document (as typing would), without saving. */
export async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
}

/** Puts an edited document back to `text` and saves it, so the next test starts from the fixture. */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() !== text) {
    await replaceAll(document, text);
  }
  if (document.isDirty) {
    assert.ok(await document.save(), 'saved');
  }
}

/** The plain text of a hover's contents. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n---\n');
}

/** Our hovers at a position (other providers' hovers, if any, are left out). */
export async function ourHovers(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.filter((hover) => hoverText(hover).includes('command:genaiLifecycle.showChart'));
}

export function rangeOf(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** The text after applying a WorkspaceEdit's edits for `uri` to `text` (without touching the document). */
export function applyToText(document: vscode.TextDocument, edit: vscode.WorkspaceEdit): string {
  const edits = edit.get(document.uri).map((textEdit) => ({ start: document.offsetAt(textEdit.range.start), end: document.offsetAt(textEdit.range.end), newText: textEdit.newText }));
  let text = document.getText();
  for (const textEdit of [...edits].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, textEdit.start) + textEdit.newText + text.slice(textEdit.end);
  }
  return text;
}
