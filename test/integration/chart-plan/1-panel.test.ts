// The effort chart panel in the real host: one panel, revealed again, a strict CSP with a
// fresh nonce per load, data by postMessage, live updates without reloading, restoration.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleApi } from '../../../src/lifecycleExtension';
import { parse } from '../../../src/model/planFile/parse';
import { buildChart } from '../../../src/model/presentation/chart';
import { diskText } from '../files';
import { activateExtension, fixtureUri, waitFor, workspaceFolder } from '../helpers';

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('genaiLifecycle.chart'));
}

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, `the HTML has a CSP meta tag:\n${html}`);
  return match[1];
}

function nonceOf(html: string): string {
  const fromCsp = /script-src 'nonce-([^']+)'/.exec(cspOf(html));
  assert.ok(fromCsp, 'the CSP allows scripts by nonce');
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'one script tag');
  const fromTag = /\bnonce="([^"]+)"/.exec(scripts[0]);
  assert.ok(fromTag, 'the script tag carries a nonce');
  assert.equal(fromTag[1], fromCsp[1], 'the script tag uses the CSP nonce');
  return fromCsp[1];
}

async function closeChart(api: LifecycleApi): Promise<void> {
  api.chart.panel?.webviewPanel.dispose();
  await waitFor(() => api.chart.panel === undefined && chartTabs().length === 0, 'the chart to close');
}

describe('effort chart panel', () => {
  const planUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceFolder().uri, 'lifecycle.yaml');

  before(async () => {
    const api = await activateExtension();
    await closeChart(api);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel beside the active editor, keeping the focus there', async () => {
    const api = await activateExtension();
    const document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    assert.equal(await vscode.commands.executeCommand('genaiLifecycle.showChart'), true);
    const panel = api.chart.panel;
    assert.ok(panel, 'the feature holds the panel');
    await waitFor(() => chartTabs().length === 1, 'one chart tab');
    assert.equal(panel.webviewPanel.viewType, 'genaiLifecycle.chart');
    assert.equal(panel.webviewPanel.title, 'Lifecycle Effort Chart');
    // Opened Beside, the panel learns its column when the workbench reports its view state, which
    // may come after its tab shows (measured in the web worker host).
    assert.equal(await waitFor(() => panel.webviewPanel.viewColumn, 'the panel to know its column'), vscode.ViewColumn.Two);
    assert.equal(chartTabs()[0].label, 'Lifecycle Effort Chart');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), planUri().toString(), 'the editor keeps the focus');
    // The bundled script's folder and the stylesheet's: nothing else of the extension is readable.
    assert.deepEqual(panel.webviewPanel.webview.options.localResourceRoots?.map((uri) => uri.path), [
      vscode.Uri.joinPath(api.services.context.extensionUri, 'dist', 'webview').path,
      vscode.Uri.joinPath(api.services.context.extensionUri, 'media').path,
    ]);
    assert.equal(panel.webviewPanel.webview.options.enableScripts, true);
    assert.notEqual(panel.webviewPanel.options.retainContextWhenHidden, true, 'UI state is kept by getState/setState instead');
  });

  it('reveals the same panel when asked again', async () => {
    const api = await activateExtension();
    const first = api.chart.panel;
    assert.ok(first);
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    assert.equal(api.chart.panel, first, 'the same panel object');
    assert.equal(chartTabs().length, 1, 'still one chart tab');
  });

  it('gives the page a strict CSP with a nonce on its only script, and no plan data in the HTML', async () => {
    const api = await activateExtension();
    const panel = api.chart.panel;
    assert.ok(panel);
    const html = panel.html;
    assert.equal(panel.webviewPanel.webview.html, html);
    const source = panel.webviewPanel.webview.cspSource;
    const nonce = nonceOf(html);
    assert.equal(cspOf(html), `default-src 'none'; img-src ${source}; style-src ${source}; script-src 'nonce-${nonce}'; font-src ${source};`);
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    const scriptUri = panel.webviewPanel.webview.asWebviewUri(vscode.Uri.joinPath(api.services.context.extensionUri, 'dist', 'webview', 'chart.js')).toString();
    const styleUri = panel.webviewPanel.webview.asWebviewUri(vscode.Uri.joinPath(api.services.context.extensionUri, 'media', 'chart.css')).toString();
    assert.ok(html.includes(`<script nonce="${nonce}" src="${scriptUri.replace(/&/g, '&amp;')}"></script>`), html);
    assert.ok(html.includes(`<link rel="stylesheet" href="${styleUri.replace(/&/g, '&amp;')}">`), html);
    assert.equal(/\son[a-z]+=/i.test(html), false, 'no inline event handlers');
    for (const planString of ['chart-demo', 'onerror', 'Evaluation harness', 'Next-token prediction']) {
      assert.equal(html.includes(planString), false, `"${planString}" reaches the page by message, not in the HTML`);
    }
  });

  it('runs its script under that CSP (the page says ready) and receives the chart by message', async () => {
    const api = await activateExtension();
    const panel = api.chart.panel;
    assert.ok(panel);
    await waitFor(() => panel.isReady, 'the page to say ready', 20_000);
    const posted = await waitFor(() => panel.lastPosted, 'the chart data to be posted');
    const folderPlan = api.services.store.get(workspaceFolder().uri);
    const expectedPlan = parse(await diskText(fixtureUri('chart-plan', 'lifecycle.yaml'))).plan;
    assert.ok(expectedPlan);
    const advice = api.services.advisor.adviceFor(folderPlan);
    assert.deepEqual(posted, buildChart({ plan: expectedPlan, advice, folderUri: workspaceFolder().uri.toString(), folderName: 'chart-plan', errorCount: 0 }));
    assert.equal(posted.effortSummary, '5 stages open · up to Medium-High expertise · longest: hours to days');
    assert.equal(folderPlan?.errorCount, 0);
    assert.deepEqual(
      posted.columns.map((c) => [c.id, c.status, c.current]),
      [
        ['pre-training', 'skipped', false],
        ['prompt-engineering', 'done', false],
        ['fine-tuning', 'in-progress', true],
        ['rlhf', 'not-started', false],
        ['deployment', 'not-started', false],
        ['eval-harness', 'blocked', false],
        ['hostile', 'not-started', false],
      ],
    );
  });

  it('follows edits to the plan live, by message, without reloading the page', async () => {
    const api = await activateExtension();
    const panel = api.chart.panel;
    assert.ok(panel);
    const htmlBefore = panel.html;
    const readyBefore = panel.readyCount;
    const document = await vscode.workspace.openTextDocument(planUri());
    const original = document.getText();
    const from = original.indexOf('  - id: rlhf\n    status: not-started');
    assert.ok(from > 0);
    const statusStart = document.positionAt(from + '  - id: rlhf\n    status: '.length);
    const statusRange = new vscode.Range(statusStart, statusStart.translate(0, 'not-started'.length));
    // Typing into the editor (unsaved): the chart follows the text, not only the disk.
    const typed = new vscode.WorkspaceEdit();
    typed.replace(document.uri, statusRange, 'blocked');
    assert.ok(await vscode.workspace.applyEdit(typed));
    await waitFor(() => panel.lastPosted?.columns.find((c) => c.id === 'rlhf')?.status === 'blocked', 'the chart to show rlhf blocked');
    assert.equal(panel.lastPosted?.columns.find((c) => c.id === 'rlhf')?.statusLabel, 'Blocked');
    assert.equal(panel.html, htmlBefore, 'the HTML was not set again');
    assert.equal(panel.readyCount, readyBefore, 'the page did not reload');
    // Undo by another edit, and save: the fixture is back as it was.
    const back = new vscode.WorkspaceEdit();
    back.replace(document.uri, new vscode.Range(statusStart, statusStart.translate(0, 'blocked'.length)), 'not-started');
    assert.ok(await vscode.workspace.applyEdit(back));
    assert.ok(await document.save());
    assert.equal(await diskText(planUri()), original);
    await waitFor(() => panel.lastPosted?.columns.find((c) => c.id === 'rlhf')?.status === 'not-started', 'the chart to show rlhf not started again');
  });

  it('drops its page when hidden and gets the data again when shown (no retained context)', async () => {
    const api = await activateExtension();
    const panel = api.chart.panel;
    assert.ok(panel);
    const column = panel.webviewPanel.viewColumn;
    const readyBefore = panel.readyCount;
    const document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
    await waitFor(() => !panel.webviewPanel.visible, 'the chart to be hidden behind the editor');
    assert.equal(panel.isReady, false);
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    assert.equal(api.chart.panel, panel);
    await waitFor(() => panel.webviewPanel.visible && panel.isReady && panel.readyCount > readyBefore, 'the shown page to say ready again', 20_000);
    assert.equal(panel.lastPosted?.hasPlan, true);
  });

  it('loads a new nonce each time the page loads', async () => {
    const api = await activateExtension();
    const firstNonce = nonceOf(api.chart.panel?.html ?? '');
    await closeChart(api);
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    const reopened = api.chart.panel;
    assert.ok(reopened);
    const secondNonce = nonceOf(reopened.html);
    assert.notEqual(secondNonce, firstNonce);
    reopened.load();
    const thirdNonce = nonceOf(reopened.html);
    assert.notEqual(thirdNonce, secondNonce);
    assert.notEqual(thirdNonce, firstNonce);
    await waitFor(() => reopened.isReady && reopened.lastPosted, 'the reloaded page to get its data', 20_000);
    await closeChart(api);
  });

  it('adopts a panel restored after a reload (the serializer path), and keeps a single chart', async () => {
    const api = await activateExtension();
    assert.equal(chartTabs().length, 0, 'no chart open');
    const restored = vscode.window.createWebviewPanel('genaiLifecycle.chart', 'Lifecycle Effort Chart', vscode.ViewColumn.One, {});
    api.chart.restore(restored);
    const panel = api.chart.panel;
    assert.ok(panel);
    assert.equal(panel.webviewPanel, restored);
    assert.equal(restored.webview.options.enableScripts, true, 'scripts enabled again on the restored webview');
    nonceOf(panel.html);
    await waitFor(() => panel.isReady && panel.lastPosted, 'the restored page to get its data', 20_000);

    // A second restored panel while one is open is closed: there is one chart.
    const extra = vscode.window.createWebviewPanel('genaiLifecycle.chart', 'Lifecycle Effort Chart', vscode.ViewColumn.One, {});
    let extraClosed = false;
    extra.onDidDispose(() => (extraClosed = true));
    api.chart.restore(extra);
    assert.equal(extraClosed, true);
    assert.equal(api.chart.panel, panel);
    await waitFor(() => chartTabs().length === 1, 'one chart tab');

    // The command reveals the adopted panel rather than opening another.
    await vscode.commands.executeCommand('genaiLifecycle.showChart');
    assert.equal(api.chart.panel, panel);
    assert.equal(chartTabs().length, 1);
    await closeChart(api);
  });
});
