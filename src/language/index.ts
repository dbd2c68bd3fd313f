import * as vscode from 'vscode';
import type { LifecycleServices } from '../services';
import { Disposable } from '../util/disposable';
import { PlanCodeActionProvider } from './codeActions';
import { PlanCodeLensProvider } from './codeLens';
import { COMPLETION_TRIGGER_CHARACTERS, PlanCompletionProvider } from './completion';
import { PlanDiagnostics } from './diagnostics';
import { PlanHoverProvider } from './hover';
import { PlanDocuments } from './planDocuments';
import { PlanDocumentSymbolProvider } from './symbols';

/**
 * The plan file may be any YAML path (a setting), so providers register for YAML documents and
 * answer only for a folder's plan file; plain-text-mode `.yaml` files are covered by pattern.
 */
const YAML_DOCUMENTS: vscode.DocumentFilter[] = [{ language: 'yaml' }, { pattern: '**/*.{yaml,yml}' }];
/** Markdown plans are told apart by the `hover.planFilePatterns` setting inside the provider. */
const MARKDOWN_DOCUMENTS: vscode.DocumentFilter[] = [{ language: 'markdown' }];

/** Registers hovers, diagnostics, quick fixes, completion, CodeLens and symbols on plan files. */
export class LanguageFeatures extends Disposable {
  readonly documents: PlanDocuments;
  readonly diagnostics: PlanDiagnostics;
  readonly codeLenses: PlanCodeLensProvider;

  constructor(readonly services: LifecycleServices) {
    super();
    const { store } = services;
    this.documents = this.register(new PlanDocuments(store));
    this.diagnostics = this.register(new PlanDiagnostics(store, services.estimates));
    this.codeLenses = this.register(new PlanCodeLensProvider(store, this.documents));
    this.register(vscode.languages.registerHoverProvider([...YAML_DOCUMENTS, ...MARKDOWN_DOCUMENTS], new PlanHoverProvider(this.documents, services.estimates, services.evidence)));
    this.register(
      vscode.languages.registerCodeActionsProvider(YAML_DOCUMENTS, new PlanCodeActionProvider(this.documents, services.estimates), PlanCodeActionProvider.metadata),
    );
    this.register(
      vscode.languages.registerCompletionItemProvider(YAML_DOCUMENTS, new PlanCompletionProvider(this.documents), ...COMPLETION_TRIGGER_CHARACTERS),
    );
    this.register(vscode.languages.registerCodeLensProvider(YAML_DOCUMENTS, this.codeLenses));
    this.register(
      vscode.languages.registerDocumentSymbolProvider(YAML_DOCUMENTS, new PlanDocumentSymbolProvider(this.documents), { label: vscode.l10n.t('Lifecycle stages') }),
    );
  }
}
