import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceFolder } from '../helpers';
import { diskText } from '../files';
import { planDocumentPerTest, planUri, rangeOf } from './langHelpers';

type LensSummary = [number, string, string, unknown[]];

function target(stageId: string): { folderUri: string; stageId: string } {
  return { folderUri: workspaceFolder().uri.toString(), stageId };
}

async function lenses(): Promise<LensSummary[]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri());
  return found.map((lens) => [lens.range.start.line, lens.command?.title ?? '', lens.command?.command ?? '', lens.command?.arguments ?? []]);
}

function stageLenses(line: number, stageId: string, status: string, ...actions: [string, string][]): LensSummary[] {
  return [
    [line, status, 'genaiLifecycle.revealStage', [target(stageId)]],
    ...actions.map(([title, command]): LensSummary => [line, title, command, [target(stageId)]]),
  ];
}

const START: [string, string] = ['Start', 'genaiLifecycle.startStage'];
const SKIP: [string, string] = ['Skip', 'genaiLifecycle.skipStage'];
const COMPLETE: [string, string] = ['Complete', 'genaiLifecycle.completeStage'];
const RESUME: [string, string] = ['Resume', 'genaiLifecycle.startStage'];
const RESET: [string, string] = ['Reset', 'genaiLifecycle.resetStage'];

const FIXTURE_LENSES: LensSummary[] = [
  ...stageLenses(4, 'pre-training', '$(debug-step-over) Skipped', RESET),
  ...stageLenses(7, 'prompt-engineering', '$(pass-filled) Done', RESET),
  ...stageLenses(10, 'fine-tuning', '$(play-circle) In progress', COMPLETE),
  ...stageLenses(19, 'rlhf', '$(circle-large-outline) Not started', START, SKIP),
  ...stageLenses(23, 'deploymnet', '$(circle-large-outline) Not started', START, SKIP),
  ...stageLenses(26, 'eval-harness', '$(error) Blocked', RESUME),
];

describe('CodeLens and document symbols', () => {
  const plan = planDocumentPerTest();

  afterEach(async () => {
    await waitFor(async () => JSON.stringify(await lenses()) === JSON.stringify(FIXTURE_LENSES), 'the fixture\'s lenses');
  });

  it('shows each stage\'s status and its next actions above its id line', async () => {
    assert.deepEqual(await lenses(), FIXTURE_LENSES);
  });

  it('follows edits: the lenses match the text being typed', async () => {
    const api = await activateExtension();
    let changes = 0;
    const listener = api.language.codeLenses.onDidChangeCodeLenses(() => changes++);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(plan.document.uri, new vscode.Range(20, 12, 20, 22), 'in-progress');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Asked straight after the edit, the provider waits for the store's debounced parse.
      const after = await lenses();
      assert.deepEqual(
        after.filter((lens) => lens[0] === 19),
        stageLenses(19, 'rlhf', '$(play-circle) In progress', COMPLETE),
      );
      assert.ok(changes > 0, 'onDidChangeCodeLenses fired');
    } finally {
      listener.dispose();
    }
  });

  it('Start runs the same command as the sidebar and writes the plan', async () => {
    const start = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri())).find(
      (lens) => lens.range.start.line === 19 && lens.command?.title === 'Start',
    );
    assert.ok(start?.command);
    const written = await vscode.commands.executeCommand<boolean>(start.command.command, ...(start.command.arguments ?? []));
    assert.equal(written, true);
    const text = await diskText(planUri());
    assert.match(text.split('\n')[20], /^ {4}status: in-progress$/);
  });

  it('lists the stages and their tasks as document symbols', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', planUri());
    const summary = (symbol: vscode.DocumentSymbol): unknown => [
      symbol.name,
      symbol.detail,
      vscode.SymbolKind[symbol.kind],
      rangeOf(symbol.range),
      rangeOf(symbol.selectionRange),
      symbol.children.map(summary),
    ];
    assert.deepEqual(symbols.map(summary), [
      ['Pre-training', 'Skipped', 'Module', [4, 4, 6, 108], [4, 8, 4, 20], []],
      ['Prompt engineering', 'Done', 'Module', [7, 4, 9, 14], [7, 8, 7, 26], []],
      [
        'Prompt tuning and fine-tuning',
        'In progress',
        'Module',
        [10, 4, 18, 19],
        [10, 8, 10, 19],
        [
          ['Collect 1,000 labelled support dialogues', 'Done', 'Field', [15, 8, 16, 18], [15, 8, 16, 18], []],
          ['Train a LoRA adapter', 'To do', 'Field', [17, 8, 18, 19], [17, 8, 18, 19], []],
        ],
      ],
      ['Reinforcement learning / human feedback', 'Not started', 'Module', [19, 4, 20, 22], [19, 8, 19, 12], []],
      ['deploymnet', 'Not started', 'Module', [23, 4, 25, 13], [23, 8, 23, 18], []],
      ['Evaluation harness', 'Blocked', 'Module', [26, 4, 30, 43], [26, 8, 26, 20], []],
    ]);
  });
});
