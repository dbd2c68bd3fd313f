// The Stages sidebar in the real workbench page: what a user sees, and what their clicks write.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { localToday } from '../../src/model';
import { fixtureSource, openWorkbench, PROJECT_ROOT, saveScreenshot, scratchCopy, showLifecycleSidebar } from './workbench';

const VIEWLET = '[id="workbench.view.extension.genaiLifecycle"]';

async function openSidebar(page: Page): Promise<Locator> {
  await showLifecycleSidebar(page);
  return page.locator(`${VIEWLET} .monaco-list[aria-label="Stages"]`);
}

/** Label and description of each rendered row at a tree level (the list is virtualised: all fit here). */
async function rowTexts(tree: Locator, level: number): Promise<string[][]> {
  const rows = tree.locator(`.monaco-list-row[aria-level="${level}"]`);
  const texts: string[][] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    const description = row.locator('.label-description');
    texts.push([await row.locator('.label-name').innerText(), (await description.count()) > 0 ? await description.innerText() : '']);
  }
  return texts;
}

async function waitForFile(file: string, expected: string, what: string, page: Page): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === expected) {
      return;
    }
    await page.waitForTimeout(200);
  }
  assert.equal(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)', expected, what);
}

function replaceOnce(text: string, search: string, replacement: string): string {
  assert.equal(text.split(search).length, 2, `${JSON.stringify(search)} occurs once`);
  return text.replace(search, replacement);
}

/** Drags the side bar's edge so long stage titles and their status fit in the screenshot. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) {
    return;
  }
  const edge = box.x + box.width;
  await page.mouse.move(edge, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

describe('the Stages sidebar (workbench page)', () => {
  it('lists the stages with their status; an inline action and a task checkbox change the file', async () => {
    const folder = scratchCopy(fixtureSource('views-basic'));
    const planFile = path.join(folder, 'lifecycle.yaml');
    const original = fs.readFileSync(planFile, 'utf8');
    const page = await openWorkbench({ folder, theme: 'Default Light Modern' });
    const tree = await openSidebar(page);
    await tree.locator('.monaco-list-row[aria-level="1"]').nth(5).waitFor({ timeout: 60_000 });
    await widenSideBar(page, 500);

    assert.deepEqual(await rowTexts(tree, 1), [
      ['Next step', 'No reward model is recorded: reusing an existing one keeps RLHF to minutes or hours of training.'],
      ['Pre-training', 'Skipped'],
      ['Prompt engineering', 'Done · sam'],
      ['Prompt tuning and fine-tuning', 'In progress · dana · current'],
      ['Reinforcement learning / human feedback', 'Not started · priya'],
      ['Compression / optimization / deployment', 'Not started'],
      ['Evaluation harness', 'Blocked'],
    ]);
    assert.deepEqual(await rowTexts(tree, 2), [
      ['docs/finetune-plan.md', 'stage plan'],
      ['Collect 1,000 labelled support dialogues', ''],
      ['Train a LoRA adapter', 'dana'],
    ]);
    // The current stage is announced as such, and highlighted.
    const current = tree.locator('.monaco-list-row[aria-label="Prompt tuning and fine-tuning, In progress, owner dana, current stage"]');
    assert.equal(await current.locator('.label-name .highlight').count(), 1);

    // The inline action of a not-started stage is Start Stage; clicking it writes the plan.
    const rlhf = tree.locator('.monaco-list-row[aria-label^="Reinforcement learning / human feedback,"]');
    await rlhf.hover();
    await rlhf.locator('.action-label[aria-label="Start Stage"]').click();
    const started = replaceOnce(original, '  - id: rlhf\n    status: not-started\n', `  - id: rlhf\n    status: in-progress\n    started: ${localToday()}\n`);
    await waitForFile(planFile, started, 'Start Stage wrote the plan', page);
    await rlhf.locator('.label-description', { hasText: 'In progress · priya' }).waitFor();

    // Ticking a task writes `done: true`.
    const task = tree.locator('.monaco-list-row[aria-label^="Train a LoRA adapter,"]');
    await task.locator('.monaco-checkbox').click();
    const ticked = replaceOnce(started, '        done: false\n        owner: dana\n', '        done: true\n        owner: dana\n');
    await waitForFile(planFile, ticked, 'the task checkbox wrote the plan', page);
    await tree.locator('.monaco-list-row[aria-label="Train a LoRA adapter, done, owner dana"] .monaco-checkbox.checked').waitFor();

    await page.mouse.move(900, 600);
    await saveScreenshot(page, 'sidebar');
  });

  it('shows the bundled example project (what npm start serves) with its status bar item', async () => {
    const folder = scratchCopy(path.join(PROJECT_ROOT, 'examples', 'support-assistant'));
    const page = await openWorkbench({ folder });
    const tree = await openSidebar(page);
    await tree.locator('.monaco-list-row[aria-level="1"]').nth(5).waitFor({ timeout: 60_000 });
    await widenSideBar(page, 520);
    const stages = (await rowTexts(tree, 1)).slice(0, 6);
    assert.deepEqual(stages, [
      ['Pre-training', 'Skipped'],
      ['Prompt engineering', 'Done · sam'],
      ['Prompt tuning and fine-tuning', 'In progress · dana · current'],
      ['Reinforcement learning / human feedback', 'Not started · priya'],
      ['Compression / optimization / deployment', 'Not started'],
      ['Evaluation harness', 'Blocked · lee'],
    ]);
    // One status bar item: the current stage and how many of the six are finished.
    await page.locator('.statusbar-item', { hasText: 'Fine-tuning · 2/6' }).first().waitFor();
    await page.mouse.move(900, 600);
    await saveScreenshot(page, 'example-project');
  });

  it('explains the lifecycle without a plan, and its button creates one', async () => {
    const folder = scratchCopy(fixtureSource('views-noplan'));
    const page = await openWorkbench({ folder });
    await showLifecycleSidebar(page);
    const welcome = page.locator(`${VIEWLET} .welcome-view`);
    await welcome.getByText('Generative AI projects move through five stages', { exact: false }).waitFor({ timeout: 60_000 });
    await page.mouse.move(900, 600);
    await saveScreenshot(page, 'sidebar-welcome');

    await welcome.getByRole('button', { name: 'Create lifecycle.yaml' }).click();
    // All stages come ticked: accept them.
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
    const planFile = path.join(folder, 'lifecycle.yaml');
    // Waits for the whole text: a file can be seen between its creation and its last write.
    const created = () => fs.existsSync(planFile) && fs.readFileSync(planFile, 'utf8').includes('\nstages:\n');
    for (let attempt = 0; attempt < 150 && !created(); attempt++) {
      await page.waitForTimeout(200);
    }
    assert.ok(created(), 'lifecycle.yaml was created');
    assert.ok(fs.readFileSync(planFile, 'utf8').includes('stages:\n  - id: pre-training\n    status: skipped\n'));
    const tree = page.locator(`${VIEWLET} .monaco-list[aria-label="Stages"]`);
    await tree.locator('.monaco-list-row[aria-label="Prompt engineering, Not started, current stage"]').waitFor();
  });
});
