// The lifecycle advisor in the real workbench page: the Next step line atop the Stages tree with
// its inline action, and the chart header's next steps and effort roll-up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { frameContaining, openWorkbench, runCommand, saveScreenshot, scratchCopy, showLifecycleSidebar } from './workbench';

const VIEWLET = '[id="workbench.view.extension.genaiLifecycle"]';

/** A fresh plan: every stage still to do, no base model named. */
const FRESH_PLAN = [
  'version: 1',
  'project: fresh-assistant',
  'stages:',
  '  - id: pre-training',
  '    status: not-started',
  '  - id: prompt-engineering',
  '    status: not-started',
  '  - id: fine-tuning',
  '    status: not-started',
  '  - id: rlhf',
  '    status: not-started',
  '    reward-model: existing',
  '  - id: deployment',
  '    status: not-started',
  '',
].join('\n');

const SKIP_ADVICE = 'Most teams skip pre-training and build on an existing foundation model: name it as the base under model: in the plan.';

function freshFolder(): string {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'genai-lifecycle-fresh-'));
  const folder = path.join(source, 'fresh-assistant');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'lifecycle.yaml'), FRESH_PLAN);
  const copy = scratchCopy(folder);
  fs.rmSync(source, { recursive: true, force: true });
  return copy;
}

async function waitForFileText(page: Page, file: string, includes: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (fs.readFileSync(file, 'utf8').includes(includes)) {
      return;
    }
    await page.waitForTimeout(200);
  }
  assert.ok(fs.readFileSync(file, 'utf8').includes(includes), `the plan has ${JSON.stringify(includes)}`);
}

/** Drags the side bar's edge so the advice line fits in the screenshot. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) {
    return;
  }
  await page.mouse.move(box.x + box.width, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

async function frameText(frame: Frame, selector: string): Promise<string[]> {
  return frame.evaluate<string[]>(`Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((e) => e.textContent)`);
}

describe('the lifecycle advisor (workbench page)', () => {
  it('shows the Next step atop the tree with its action inline, and next steps with the roll-up in the chart header', async () => {
    const folder = freshFolder();
    const planFile = path.join(folder, 'lifecycle.yaml');
    const page = await openWorkbench({ folder, theme: 'Default Light Modern' });
    await showLifecycleSidebar(page);
    const tree = page.locator(`${VIEWLET} .monaco-list[aria-label="Stages"]`);

    // The first row: the advice on a fresh plan is to skip pre-training, not to start it.
    const nextStep = tree.locator('.monaco-list-row[aria-level="1"]').first();
    await nextStep.locator('.label-name', { hasText: 'Next step' }).waitFor({ timeout: 60_000 });
    await widenSideBar(page, 640);
    assert.equal(await nextStep.locator('.label-description').innerText(), SKIP_ADVICE);
    assert.equal(await nextStep.getAttribute('aria-label'), `Next step: ${SKIP_ADVICE}`);
    await nextStep.hover();
    const skip = nextStep.locator('.action-label[aria-label="Skip Stage"]');
    await skip.waitFor();
    assert.equal(await nextStep.locator('.action-label[aria-label="Dismiss Advice"]').count(), 1);
    await saveScreenshot(page, 'advisor-sidebar');

    // The inline action writes the plan; the next advice takes the line.
    await skip.click();
    await waitForFileText(page, planFile, '  - id: pre-training\n    status: skipped\n');
    await nextStep.locator('.label-description', { hasText: 'Every earlier stage is done or skipped: this one is next.' }).waitFor();

    // The chart header: next steps with their buttons, and the effort still ahead.
    await runCommand(page, 'GenAI Lifecycle: Show Effort Chart');
    const frame = await frameContaining(page, 'Effort ahead');
    assert.deepEqual(await frameText(frame, '.effort-summary'), ['Effort ahead: 4 stages open · up to Medium-High expertise · longest: minutes to hours']);
    assert.deepEqual(await frameText(frame, '.advice-item .advice-message'), ['Prompt engineering: Every earlier stage is done or skipped: this one is next.']);
    assert.deepEqual(await frameText(frame, '.advice-item button'), ['Start Prompt engineering']);
    await page.mouse.move(900, 700);
    await saveScreenshot(page, 'advisor-chart');

    // Its button runs the advice through the same command and writer.
    await frame.locator('.advice-item button', { hasText: 'Start Prompt engineering' }).click();
    await waitForFileText(page, planFile, '  - id: prompt-engineering\n    status: in-progress\n    started: ');
    await frameContaining(page, 'No next-step advice right now.');
  });
});
