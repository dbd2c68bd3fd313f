// The extension's commands are reachable from the command palette of the real workbench.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { fixtureSource, openWorkbench, saveScreenshot, scratchCopy } from './workbench';

/** Opens the palette, types `query` and returns the rendered rows' labels (the list is virtualised). */
async function paletteLabels(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(query);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  return rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
}

describe('command palette (workbench page)', () => {
  it('lists the GenAI Lifecycle commands when the category is typed', async () => {
    const page = await openWorkbench({ folder: scratchCopy(fixtureSource('basic')) });
    // Stage commands join the palette once the extension has activated and set its context
    // keys, which can follow the page load by a few seconds: look again until they are there.
    let labels: string[] = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      labels = await paletteLabels(page, '>GenAI Lifecycle:');
      if (labels.some((label) => label.includes('Start Stage'))) {
        break;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
    await saveScreenshot(page, 'command-palette');
    const ours = labels.filter((label) => label.includes('GenAI Lifecycle:'));
    assert.ok(ours.length >= 8, `expected the palette to list our commands, saw: ${labels.join(' | ')}`);
    for (const title of ['Show Effort Chart', 'Start Stage', 'Complete Stage', 'Open Lifecycle Plan']) {
      assert.ok(ours.some((label) => label.includes(`GenAI Lifecycle: ${title}`)), `"${title}" is in the palette`);
    }
    // Commands whose `when` clause is false here stay out of the palette.
    assert.ok(!ours.some((label) => label.includes('Reveal Stage in Sidebar')), 'internal commands are hidden');
    await page.keyboard.press('Escape');
  });
});
