// Hovering a technique term in a markdown plan shows the lifecycle card, in the real workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { fixtureSource, openWorkbench, saveScreenshot, scratchCopy } from './workbench';

/** Opens a file by Quick Open, as a user would (Ctrl+P, type, Enter). */
async function quickOpen(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

/** Screen coordinates of the middle of `word` in the first editor line showing it. */
async function wordCenter(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  // A string expression: this project's TypeScript has no DOM library.
  return page.evaluate<{ x: number; y: number } | null>(`(() => {
    const lines = Array.from(document.querySelectorAll('.monaco-editor .view-line'));
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent.indexOf(${JSON.stringify(word)});
        if (index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + ${word.length});
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
    }
    return null;
  })()`);
}

/**
 * Moves the mouse onto `word` until a hover containing `expected` shows. The extension may
 * still be activating when the editor opens, so the mouse leaves and comes back between tries.
 */
async function hoverWord(page: Page, word: string, expected: string): Promise<string> {
  const hover = page.locator('.monaco-hover', { hasText: expected }).first();
  for (let attempt = 0; attempt < 20; attempt++) {
    const center = await wordCenter(page, word);
    if (center) {
      await page.mouse.move(center.x - 2, center.y);
      await page.mouse.move(center.x, center.y, { steps: 3 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 2500 });
        return await hover.innerText();
      } catch {
        // Not yet: move away and try again.
      }
    }
    await page.mouse.move(5, 5);
    await page.waitForTimeout(750);
  }
  throw new Error(`no hover with "${expected}" appeared over "${word}"`);
}

describe('hover card in a markdown plan (workbench page)', () => {
  it('shows the card for LoRA in docs/PLAN.md, with the plan\'s status and navigation links', async () => {
    const page = await openWorkbench({ folder: scratchCopy(fixtureSource('lang-plan')), theme: 'Default Light Modern' });
    await quickOpen(page, 'docs/PLAN.md');
    await page.locator('.monaco-editor .view-line', { hasText: 'LoRA' }).first().waitFor();
    const text = await hoverWord(page, 'LoRA', 'Low-rank adaptation');
    await saveScreenshot(page, 'hover');
    for (const expected of [
      'LoRA: Low-rank adaptation',
      'Belongs to Prompt tuning and fine-tuning (stage 3 of 5)',
      'Training duration: Minutes to hours',
      'Expertise: Medium',
      'When prompting falls short',
      'In this plan: In progress · owner dana',
      'Reveal in sidebar',
      'Open effort chart',
    ]) {
      assert.ok(text.includes(expected), `the card shows "${expected}":\n${text}`);
    }
  });

  it('activates for a markdown plan in a workspace without lifecycle.yaml', async () => {
    const folder = scratchCopy(fixtureSource('lang-plan'), 'plan-only');
    fs.rmSync(path.join(folder, 'lifecycle.yaml'));
    const page = await openWorkbench({ folder });
    await quickOpen(page, 'docs/PLAN.md');
    await page.locator('.monaco-editor .view-line', { hasText: 'quantization' }).first().waitFor();
    const text = await hoverWord(page, 'Quantization', 'Storing weights');
    assert.ok(text.includes('Belongs to Compression / optimization / deployment (stage 5 of 5)'), text);
    assert.ok(!text.includes('In this plan'), 'no plan, no plan line');
  });
});
