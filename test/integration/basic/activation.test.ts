import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from '../../../src/model/planFile/parse';
import { diskText } from '../files';
import { activateExtension, EXTENSION_ID, fixtureUri, workspaceFolder } from '../helpers';
import { hostKindUnderTest } from '../runner';

/** True in a web worker: the global scope is a WorkerGlobalScope (Node has no such class). */
function inWebWorker(): boolean {
  const scope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;
  return scope !== undefined && globalThis instanceof scope;
}

describe('activation in the basic fixture', () => {
  it('activates because the workspace contains lifecycle.yaml', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension is loaded');
    const api = await activateExtension();
    assert.equal(extension.isActive, true);
    assert.ok(api.services.store);
  });

  it('runs in the extension host this run is for, from the entry that host loads', async () => {
    const api = await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive && api.services.store, 'activated');
    if (hostKindUnderTest() === 'web') {
      // A web worker host loads only `browser` (dist/web/extension.js): activated here means that entry ran.
      assert.equal(inWebWorker(), true, 'the suites and the extension run in a web worker');
      assert.equal(typeof process, 'undefined', 'no Node process');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'the web worker host runs on the UI side');
    } else {
      assert.equal(inWebWorker(), false, 'not a web worker');
      assert.equal(typeof process.versions.node, 'string', 'a Node process');
      assert.equal(extension.extensionKind, vscode.ExtensionKind.Workspace, 'the Node host of the server runs on the workspace side');
    }
  });

  it('registers every command it contributes', async () => {
    await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const manifest = extension?.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length >= 13, `expected the full command set, got ${contributed.length}`);
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed commands without a handler');
  });

  it('holds the parsed plan of the fixture', async () => {
    const api = await activateExtension();
    const folderPlan = api.services.store.get(workspaceFolder().uri);
    assert.ok(folderPlan?.exists, 'plan file found');
    const expected = parse(await diskText(fixtureUri('basic', 'lifecycle.yaml')));
    assert.deepEqual(folderPlan.result, expected);
    assert.equal(folderPlan.errorCount, 0);
    assert.deepEqual(
      folderPlan.plan?.stages.map((s) => [s.id, s.status]),
      [
        ['pre-training', 'skipped'],
        ['prompt-engineering', 'done'],
        ['fine-tuning', 'in-progress'],
        ['rlhf', 'not-started'],
        ['deployment', 'not-started'],
        ['eval-harness', 'blocked'],
      ],
    );
  });
});
