import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATALOG } from '../../../src/model/domain/catalog';
import { STAGE_KEYS } from '../../../src/model/planFile/planLines';
import { catalogStageMarkdown } from '../../../src/model/presentation/hoverContent';
import { planDocumentPerTest, planUri, rangeOf, restore } from './langHelpers';

/** Completion items from our provider (word-based suggestions and others are left out). */
async function ourItems(uri: vscode.Uri, position: vscode.Position, ours: readonly string[]): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text && ours.includes(typeof item.label === 'string' ? item.label : item.label.label));
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function replaceRange(item: vscode.CompletionItem): number[] | undefined {
  const range = item.range;
  if (!range) {
    return undefined;
  }
  return rangeOf(range instanceof vscode.Range ? range : range.replacing);
}

function documentation(item: vscode.CompletionItem): string | undefined {
  const docs = item.documentation;
  return typeof docs === 'string' ? docs : docs?.value;
}

const STATUSES = ['not-started', 'in-progress', 'blocked', 'done', 'skipped'];
const IDS = CATALOG.map((stage) => stage.id);
const KEYS: readonly string[] = STAGE_KEYS;
const METHODS = ['full', 'lora', 'qlora', 'prompt-tuning'];

describe('completion in lifecycle.yaml', () => {
  const plan = planDocumentPerTest();

  it('offers the five statuses after status:, replacing the word being typed', async () => {
    const items = await ourItems(planUri(), new vscode.Position(20, 22), STATUSES);
    assert.deepEqual(
      items.map((item) => [label(item), item.detail, documentation(item), replaceRange(item), item.kind]),
      [
        ['not-started', 'Not started', 'Planned, no work yet.', [20, 12, 20, 22], vscode.CompletionItemKind.EnumMember],
        ['in-progress', 'In progress', 'Work is under way.', [20, 12, 20, 22], vscode.CompletionItemKind.EnumMember],
        ['blocked', 'Blocked', 'Waiting on something outside the stage; say what in `note`.', [20, 12, 20, 22], vscode.CompletionItemKind.EnumMember],
        ['done', 'Done', 'Finished.', [20, 12, 20, 22], vscode.CompletionItemKind.EnumMember],
        [
          'skipped',
          'Skipped',
          'Deliberately not done, for example pre-training when you start from a foundation model.',
          [20, 12, 20, 22],
          vscode.CompletionItemKind.EnumMember,
        ],
      ],
    );
  });

  it('offers the built-in stage ids after id:, documented from the catalog', async () => {
    const items = await ourItems(planUri(), new vscode.Position(23, 8), IDS);
    assert.deepEqual(
      items.map((item) => [label(item), item.detail, documentation(item), replaceRange(item)]),
      CATALOG.map((stage) => [stage.id, stage.title, catalogStageMarkdown(stage), [23, 8, 23, 18]]),
    );
  });

  it('offers the keys a stage does not have yet at a key position', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(plan.document.uri, new vscode.Position(10, 0), '    \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const items = await ourItems(planUri(), new vscode.Position(10, 4), KEYS);
      assert.deepEqual(
        items.map((item) => [label(item), item.kind, typeof item.insertText === 'string' ? item.insertText : item.insertText?.value]),
        [
          ['title', vscode.CompletionItemKind.Property, 'title: '],
          ['note', vscode.CompletionItemKind.Property, 'note: '],
          ['started', vscode.CompletionItemKind.Property, 'started: '],
          ['completed', vscode.CompletionItemKind.Property, 'completed: '],
          ['blocked', vscode.CompletionItemKind.Property, 'blocked: '],
          ['plan', vscode.CompletionItemKind.Property, 'plan: '],
          ['tasks', vscode.CompletionItemKind.Property, 'tasks:\n\t- title: $0'],
          ['effort', vscode.CompletionItemKind.Property, 'effort:\n\tduration: $1\n\tcustomization: $2\n\tobjective: $3\n\texpertise: ${4|Low,Medium,Medium-High,High|}'],
          // Prompt engineering trains nothing: method, trainable and reward-model are not offered.
          ['evidence', vscode.CompletionItemKind.Property, 'evidence:\n\t- $0'],
          ['precision', vscode.CompletionItemKind.Property, 'precision: '],
        ],
      );
      assert.equal(documentation(items[0]), 'Display name. Required for a custom stage; overrides the built-in name otherwise.');
    } finally {
      await restore(plan.document, plan.original);
    }
  });

  it('offers the keys fine-tuning reads (not RLHF\'s reward-model), and the methods after method:', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(plan.document.uri, new vscode.Position(14, 0), '    \n');
    edit.insert(plan.document.uri, new vscode.Position(22, 0), '    method: \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const keys = (await ourItems(planUri(), new vscode.Position(14, 4), KEYS)).map(label);
      assert.deepEqual(keys.slice(-4), ['evidence', 'method', 'precision', 'trainable']);
      assert.ok(!keys.includes('reward-model'));
      const methods = await ourItems(planUri(), new vscode.Position(23, 12), METHODS);
      assert.deepEqual(
        methods.map((item) => [label(item), replaceRange(item), item.kind]),
        METHODS.map((method) => [method, [23, 12, 23, 12], vscode.CompletionItemKind.EnumMember]),
      );
      assert.equal(documentation(methods[1]), 'LoRA: the model is frozen and small low-rank adapters are trained.');
    } finally {
      await restore(plan.document, plan.original);
    }
  });

  it('offers nothing in a task or at the top level', async () => {
    assert.deepEqual(await ourItems(planUri(), new vscode.Position(17, 20), [...STATUSES, ...IDS, ...KEYS]), []);
    assert.deepEqual(await ourItems(planUri(), new vscode.Position(1, 0), [...STATUSES, ...IDS, ...KEYS]), []);
  });
});
