import * as vscode from 'vscode';
import { CATALOG } from '../model/domain/catalog';
import { STATUS_LABELS, STAGE_STATUSES } from '../model/domain/statuses';
import { PRECISIONS, TUNING_METHODS } from '../model/domain/types';
import {
  completionSpotAt,
  METHOD_DOCS,
  PRECISION_DOCS,
  REWARD_MODEL_DOCS,
  REWARD_MODEL_WORDS,
  splitLines,
  STAGE_KEY_DOCS,
  STAGE_KEYS,
  stageReadsKey,
  STATUS_DOCS,
  type CompletionSpot,
  type StageKey,
} from '../model/planFile/planLines';
import { catalogStageMarkdown } from '../model/presentation/hoverContent';
import type { PlanDocuments } from './planDocuments';

/** Typing a space after a key with values (`status:`, `id:`, `method:`...) opens them. */
export const COMPLETION_TRIGGER_CHARACTERS = [' '];

/** Keys whose value is a list or mapping, inserted with their first nested line. */
const BLOCK_KEY_SNIPPETS: Partial<Record<StageKey, string>> = {
  tasks: 'tasks:\n\t- title: $0',
  effort: 'effort:\n\tduration: $1\n\tcustomization: $2\n\tobjective: $3\n\texpertise: ${4|Low,Medium,Medium-High,High|}',
  evidence: 'evidence:\n\t- $0',
};

/** Keys whose values we complete: after inserting the key, the value list opens. */
const KEYS_WITH_VALUE_COMPLETION: ReadonlySet<StageKey> = new Set<StageKey>(['id', 'status', 'method', 'precision', 'reward-model']);

/** Completion in the plan file: status, method, precision and reward-model values, built-in stage ids and the keys a stage may have. */
export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly documents: PlanDocuments) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    context: vscode.CompletionContext,
  ): vscode.CompletionItem[] | undefined {
    if (token.isCancellationRequested || !this.documents.planOf(document)) {
      return undefined;
    }
    const spot = completionSpotAt(splitLines(document.getText()), position.line, position.character);
    if (!spot) {
      return undefined;
    }
    const range = new vscode.Range(position.line, spot.start, position.line, spot.end);
    switch (spot.kind) {
      case 'status':
        return wordItems(STAGE_STATUSES, STATUS_DOCS, range, STATUS_LABELS);
      case 'id':
        return CATALOG.map((stage, index) => {
          const item = new vscode.CompletionItem(stage.id, vscode.CompletionItemKind.Module);
          item.detail = stage.title;
          item.documentation = new vscode.MarkdownString(catalogStageMarkdown(stage));
          item.range = range;
          item.sortText = String(index);
          return item;
        });
      case 'method':
        return wordItems(TUNING_METHODS, METHOD_DOCS, range);
      case 'precision':
        return wordItems(PRECISIONS, PRECISION_DOCS, range);
      case 'reward-model':
        return wordItems(REWARD_MODEL_WORDS, REWARD_MODEL_DOCS, range);
      case 'stage-key':
        // A space typed while indenting is not a request for keys.
        return context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? undefined : keyItems(spot, range);
    }
  }
}

/** The fixed words a key takes, in their documented order. */
function wordItems<T extends string>(words: readonly T[], docs: Readonly<Record<T, string>>, range: vscode.Range, details?: Readonly<Record<T, string>>): vscode.CompletionItem[] {
  return words.map((word, index) => {
    const item = new vscode.CompletionItem(word, vscode.CompletionItemKind.EnumMember);
    if (details) {
      item.detail = details[word];
    }
    item.documentation = new vscode.MarkdownString(docs[word]);
    item.range = range;
    item.sortText = String(index);
    return item;
  });
}

function keyItems(spot: Extract<CompletionSpot, { kind: 'stage-key' }>, range: vscode.Range): vscode.CompletionItem[] {
  // Keys this stage would ignore (reward-model on deployment...) are not offered.
  const offered = STAGE_KEYS.filter((key) => !spot.present.includes(key) && stageReadsKey(key, spot.stageId));
  return offered.map((key, index) => {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
    item.documentation = new vscode.MarkdownString(STAGE_KEY_DOCS[key]);
    item.range = range;
    item.sortText = String(index).padStart(2, '0');
    const snippet = BLOCK_KEY_SNIPPETS[key];
    item.insertText = snippet ? new vscode.SnippetString(snippet) : `${key}: `;
    if (KEYS_WITH_VALUE_COMPLETION.has(key)) {
      item.command = { title: vscode.l10n.t('Suggest values'), command: 'editor.action.triggerSuggest' };
    }
    return item;
  });
}
