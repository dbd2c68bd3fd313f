// The estimates in the real workbench page: the chart's GPU memory row (screenshot
// test-artifacts/chart-memory-row.png) and the Estimate GPU Memory... panel, asked through
// the palette as a user would.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, fixtureSource, frameContaining, openWorkbench, runCommand, saveScreenshot, scratchCopy } from './workbench';

/** Enter on the quick input showing `placeholder` (or, for the input box, holding `value`). */
async function acceptQuickInput(page: Page, selector: string): Promise<void> {
  const input = page.locator(selector);
  await input.waitFor({ timeout: 20_000 });
  await input.focus();
  await page.keyboard.press('Enter');
}

const SIZE_INPUT = '.quick-input-widget input[placeholder="e.g. 8B, 70B, 1.5T or 7e9"]';

describe('GPU memory estimates (workbench page)', () => {
  it('the chart’s GPU memory row: figures, bars against the plan’s GPU and marks where it does not fit', async () => {
    const folder = scratchCopy(fixtureSource('estimates'));
    const page = await openWorkbench({ folder, theme: 'Default Dark Modern' });
    await runCommand(page, 'GenAI Lifecycle: Show Effort Chart');
    const frame = await frameContaining(page, 'Next-token prediction');
    await frame.waitForFunction('document.querySelectorAll("tr.row-memory td .memory").length === 5', undefined, { timeout: 30_000 });
    // innerText includes the screen-reader text (", 24% of the GPU memory") after each bar.
    const cells = await frame.evaluate<string[]>('Array.from(document.querySelectorAll("tr.row-memory td")).map((td) => td.dataset.stageId + ": " + td.innerText.replace(/\\s+/g, " ").trim())');
    assert.deepEqual(cells, [
      'pre-training: ✖ 160 GB of 80 GB , 200% of the GPU memory bf16 Needs 2 GPUs of 80 GB',
      'prompt-engineering: 19.2 GB of 80 GB , 24% of the GPU memory bf16 Fits on 1 GPU',
      'fine-tuning: 17.3 GB of 80 GB , 22% of the GPU memory LoRA, bf16 Fits on 1 GPU',
      'rlhf: ✖ 192 GB of 80 GB , 240% of the GPU memory full fine-tuning, bf16 Needs 3 GPUs of 80 GB',
      'deployment: 9.6 GB of 80 GB , 12% of the GPU memory int8 Fits on 1 GPU',
      'eval-harness: No estimate for a custom stage',
    ]);
    assert.deepEqual(
      await frame.evaluate<string[]>('Array.from(document.querySelectorAll("tr.row-memory [role=img]")).map((mark) => mark.closest("td").dataset.stageId + ": " + mark.getAttribute("aria-label"))'),
      ['pre-training: Does not fit', 'rlhf: Does not fit'],
    );
    // Bars: a share of the track, clipped at its end when it does not fit.
    assert.deepEqual(
      await frame.evaluate<number[]>('Array.from(document.querySelectorAll("tr.row-memory .memory-bar rect.fill")).map((rect) => Number(rect.getAttribute("width")))'),
      [100, 24, 21.6, 100, 12],
    );
    // Theme colours only: the fill of a fitting bar is the theme's chart green, not a literal.
    const fill = await frame.evaluate<string>('getComputedStyle(document.querySelector(".memory-bar.fits rect.fill")).fill');
    const green = await frame.evaluate<string>('getComputedStyle(document.documentElement).getPropertyValue("--vscode-charts-green").trim()');
    assert.ok(green !== '', 'the theme defines its chart green');
    assert.notEqual(fill, 'none');
    await saveScreenshot(page, 'chart-memory');
    await frame.locator('tr.row-memory').scrollIntoViewIfNeeded();
    await frame.locator('tr.row-memory').screenshot({ path: path.join(ARTIFACTS_DIR, 'chart-memory-row.png') });
  });

  it('Estimate GPU Memory... asks size, precision and method (prefilled from the plan) and shows the table', async () => {
    const folder = scratchCopy(fixtureSource('estimates'));
    const page = await openWorkbench({ folder, theme: 'Default Light Modern' });
    // The palette closing and the command's input opening can race in the web workbench: retry.
    for (let attempt = 1; ; attempt++) {
      await runCommand(page, 'GenAI Lifecycle: Estimate GPU Memory...');
      try {
        await page.locator(SIZE_INPUT).waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
        await page.keyboard.press('Escape');
      }
    }
    assert.equal(await page.locator(SIZE_INPUT).inputValue(), '8B', 'the plan’s size');
    await page.keyboard.press('Enter');
    await acceptQuickInput(page, '.quick-input-widget input[placeholder="Precision of the weights"]');
    await acceptQuickInput(page, '.quick-input-widget input[placeholder="How fine-tuning and RLHF train the model"]');
    const frame = await frameContaining(page, 'GPU memory estimate: 8B parameters, bf16, LoRA', 60_000);
    const rows = await frame.evaluate<string[]>('Array.from(document.querySelectorAll("table.estimates tbody tr")).map((tr) => tr.dataset.stageId + ": " + tr.querySelector("td.memory").innerText.replace(/\\s+/g, " ").trim())');
    assert.deepEqual(rows, ['pre-training: 160 GB', 'prompt-engineering: 19.2 GB', 'fine-tuning: 17.3 GB', 'rlhf: 49.3 GB', 'deployment: 9.6 GB', 'eval-harness: — no estimate']);
    assert.equal(await frame.evaluate<boolean>('document.body.classList.contains("vscode-light")'), true);
    assert.ok((await frame.evaluate<string>('document.body.innerText')).includes('Rajbhandari et al. (2019), ZeRO'));
    await saveScreenshot(page, 'estimate-panel');
  });
});
