import * as vscode from 'vscode';
import type { EstimateSettings } from '../model/domain/estimateSettings';
import type { PlanDiagnostic } from '../model/planFile/types';
import { estimateDiagnostics } from '../model/presentation/estimateDiagnostics';
import { Disposable } from '../util/disposable';
import type { EstimateConfig } from '../workspace/estimateConfig';
import type { FolderPlan, PlanStore } from '../workspace/planStore';
import { DIAGNOSTIC_SOURCE, toVsRange, toVsSeverity } from './convert';

export const DIAGNOSTIC_COLLECTION_NAME = 'genaiLifecycle';

export function toVsDiagnostic(diagnostic: PlanDiagnostic): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toVsRange(diagnostic.range), diagnostic.message, toVsSeverity(diagnostic.severity));
  result.source = DIAGNOSTIC_SOURCE;
  result.code = diagnostic.code;
  return result;
}

/**
 * What the Problems panel shows for a folder's plan: the reader's diagnostics, then the
 * estimates' (a stage too big for the plan's hardware), computed from the same parse.
 */
export function planDiagnosticsOf(folderPlan: FolderPlan, settings: EstimateSettings): readonly PlanDiagnostic[] {
  if (!folderPlan.exists) {
    return [];
  }
  const read = folderPlan.result?.diagnostics ?? [];
  const plan = folderPlan.result?.plan;
  return plan === undefined ? read : [...read, ...estimateDiagnostics(plan, settings)];
}

/**
 * Shows the model's diagnostics in the Problems panel. The store parses (debounced while
 * typing, from the editor's text when the file is open, from disk otherwise), so following its
 * events keeps the problems in step with the text and clears them when the file is fixed,
 * deleted, or closed with its broken edits unsaved.
 */
export class PlanDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION_NAME));
  /** The plan URI each folder's diagnostics were last set for (the plan path is a setting). */
  private readonly uriByFolder = new Map<string, vscode.Uri>();

  constructor(
    store: PlanStore,
    private readonly estimates: EstimateConfig,
  ) {
    super();
    this.register(store.onDidChange((folderPlan) => this.update(folderPlan)));
    // New figures can tip an estimate over (or under) the hardware.
    this.register(estimates.onDidChange(() => store.all().forEach((folderPlan) => this.update(folderPlan))));
    this.register(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          this.forget(folder.uri.toString());
        }
      }),
    );
    for (const folderPlan of store.all()) {
      this.update(folderPlan);
    }
  }

  private update(folderPlan: FolderPlan): void {
    const key = folderPlan.folder.uri.toString();
    const previous = this.uriByFolder.get(key);
    if (previous && previous.toString() !== folderPlan.uri.toString()) {
      this.collection.delete(previous);
    }
    this.uriByFolder.set(key, folderPlan.uri);
    const diagnostics = planDiagnosticsOf(folderPlan, this.estimates.settings);
    if (diagnostics.length === 0) {
      this.collection.delete(folderPlan.uri);
    } else {
      this.collection.set(folderPlan.uri, diagnostics.map(toVsDiagnostic));
    }
  }

  private forget(folderKey: string): void {
    const uri = this.uriByFolder.get(folderKey);
    if (uri) {
      this.collection.delete(uri);
      this.uriByFolder.delete(folderKey);
    }
  }
}
