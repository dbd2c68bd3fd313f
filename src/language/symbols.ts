import * as vscode from 'vscode';
import { STATUS_LABELS } from '../model/domain/statuses';
import { toVsRange } from './convert';
import type { PlanDocuments } from './planDocuments';

/** The outline and breadcrumbs of the plan file: its stages, each with its tasks. */
export class PlanDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: PlanDocuments) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    const folderPlan = await this.documents.settledPlanOf(document, token);
    const plan = folderPlan?.result?.plan;
    if (!plan || token.isCancellationRequested) {
      return undefined;
    }
    return plan.stages.map((stage) => {
      const symbol = new vscode.DocumentSymbol(stage.title, STATUS_LABELS[stage.status], vscode.SymbolKind.Module, toVsRange(stage.range), toVsRange(stage.idRange));
      symbol.children = stage.tasks.map((task) => {
        const range = toVsRange(task.range);
        return new vscode.DocumentSymbol(task.title, task.done ? vscode.l10n.t('Done') : vscode.l10n.t('To do'), vscode.SymbolKind.Field, range, range);
      });
      return symbol;
    });
  }
}
