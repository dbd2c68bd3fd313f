// The extension as vscode.dev and github.dev run it: in the browser's web worker extension host,
// from its `browser` bundle (dist/web/extension.js). The same workbench and Chromium as the other
// checks; only the extension host differs.
import * as assert from 'node:assert/strict';
import { fixtureSource, frameContaining, openWorkbench, runCommand, runningExtensionHost, saveScreenshot, scratchCopy, showLifecycleSidebar } from './workbench';

describe('the extension in the web worker extension host (workbench page)', () => {
  it('runs there, and the tree and the chart render', async () => {
    const folder = scratchCopy(fixtureSource('chart-plan'));
    const page = await openWorkbench({ folder, extensionKind: 'web' });
    assert.equal(await runningExtensionHost(page), 'web worker');

    await showLifecycleSidebar(page);
    const tree = page.locator('[id="workbench.view.extension.genaiLifecycle"] .monaco-list[aria-label="Stages"]');
    const firstStage = tree.locator('.monaco-list-row[aria-level="1"] .label-name').first();
    await firstStage.waitFor({ timeout: 60_000 });
    const labels = await tree.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
    assert.ok(labels.includes('Pre-training'), `the tree lists the plan's stages: ${labels.join(', ')}`);

    await runCommand(page, 'GenAI Lifecycle: Show Effort Chart');
    const chart = await frameContaining(page, 'Next-token prediction', 60_000);
    const text = await chart.evaluate<string>('document.body.innerText');
    for (const expected of ['Pre-training', 'Prompt engineering', 'Increase alignment with human preferences']) {
      assert.ok(text.includes(expected), `the chart shows "${expected}"`);
    }
    await saveScreenshot(page, 'web-worker-host');
  });
});
