import * as vscode from 'vscode';
import { quickFixes } from '../model/planFile/fixes';
import type { PlanDiagnosticCode } from '../model/planFile/types';
import type { EstimateConfig } from '../workspace/estimateConfig';
import { DIAGNOSTIC_SOURCE, fromVsRange } from './convert';
import { planDiagnosticsOf } from './diagnostics';
import type { PlanDocuments } from './planDocuments';

const FIXABLE_CODES: ReadonlySet<string> = new Set<PlanDiagnosticCode>(['unknown-status', 'unknown-stage', 'duplicate-id', 'estimate-exceeds-hardware']);

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Quick fixes for the plan's own diagnostics; the edits come from the pure `quickFixes`. */
export class PlanCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly documents: PlanDocuments,
    private readonly estimates: EstimateConfig,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): vscode.CodeAction[] | undefined {
    const folderPlan = this.documents.planOf(document);
    if (!folderPlan || token.isCancellationRequested) {
      return undefined;
    }
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      return undefined;
    }
    const text = document.getText();
    const stageIds = folderPlan.result?.plan?.stages.map((stage) => stage.id) ?? [];
    const actions: vscode.CodeAction[] = [];
    const modelDiagnostics = planDiagnosticsOf(folderPlan, this.estimates.settings);
    for (const diagnostic of context.diagnostics) {
      const code = codeOf(diagnostic);
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || code === undefined || !FIXABLE_CODES.has(code)) {
        continue;
      }
      const range = fromVsRange(diagnostic.range);
      // The model's own diagnostic carries the facts (the value as read); match it by code and range.
      const modelDiagnostic = modelDiagnostics.find(
        (candidate) => candidate.code === code && candidate.range.start.line === range.start.line && candidate.range.start.character === range.start.character,
      );
      const fixes = quickFixes(text, { code: code as PlanDiagnosticCode, range, ...(modelDiagnostic?.data && { data: modelDiagnostic.data }) }, { stageIds });
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
        }
        actions.push(action);
      }
    }
    return actions;
  }
}
