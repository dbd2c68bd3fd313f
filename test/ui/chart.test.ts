// The effort chart in the real workbench page: the webview is an iframe inside the page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { fixtureSource, frameContaining, openWorkbench, runCommand, saveScreenshot, scratchCopy } from './workbench';

/** The course cheat sheet, row by row, stage columns in lifecycle order (cheat-sheet-chart.md). */
const CHEAT_SHEET_ROWS: readonly [string, readonly string[]][] = [
  ['Training duration', ['Days to weeks to months', 'Not required', 'Minutes to hours', 'Minutes to hours, similar to fine-tuning', 'Minutes to hours']],
  [
    'Customization',
    [
      'Determine model architecture, size and tokenizer. Choose vocabulary size and # of tokens for input/context. Large amount of domain training data',
      'No model weights. Only prompt customization',
      'Tune for specific tasks. Add domain-specific data. Update LLM model or adapter weights',
      'Need separate reward model to align with human goals (helpful, honest, harmless). Update LLM model or adapter weights',
      'Reduce model size through model pruning, weight quantization, distillation. Smaller size, faster inference',
    ],
  ],
  ['Objective', ['Next-token prediction', 'Increase task performance', 'Increase task performance', 'Increase alignment with human preferences', 'Increase inference performance']],
  ['Expertise', ['High', 'Low', 'Medium', 'Medium-High', 'Medium']],
];

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';

/** Evaluates `expression` in the frame until it returns `expected` (JSON-equal). */
async function waitForFrameValue<T>(frame: Frame, expression: string, expected: T, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await frame.evaluate<unknown>(expression).catch((error: unknown) => `evaluate failed: ${String(error)}`);
    if (JSON.stringify(last) === JSON.stringify(expected)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits until `file` matches `pattern`: the badge follows the edited document, which the
 * extension saves afterwards, so on a busy machine the disk can lag behind the chart.
 */
async function waitForFileMatch(file: string, pattern: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(fs.readFileSync(file, 'utf8')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.match(fs.readFileSync(file, 'utf8'), pattern);
}

const badgeOf = (stageId: string): string =>
  `(() => { const b = Array.from(document.querySelectorAll('td[data-stage-id]')).find((td) => td.dataset.stageId === ${JSON.stringify(stageId)} && td.querySelector('.badge')); return b ? b.querySelector('.badge').textContent : null; })()`;

/** Picks in the quick input open now: waits for `placeholder`, types `filter`, takes the first row. */
async function pickInQuickInput(page: Page, placeholder: string, filter: string): Promise<void> {
  const input = page.locator(`.quick-input-widget input[placeholder^="${placeholder}"]`);
  await input.waitFor({ timeout: 15_000 });
  await input.fill(filter);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: filter }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Runs a palette command that opens a quick pick with `placeholder`. The palette closing and
 * the command's quick pick opening can race in the web workbench (the new pick stays hidden),
 * so a pick that does not turn up editable is dismissed and the command run again.
 */
async function runCommandToQuickPick(page: Page, title: string, placeholder: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    const input = page.locator(`.quick-input-widget input[placeholder^="${placeholder}"]`);
    try {
      await input.waitFor({ timeout: 10_000 });
      await input.fill('', { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
}

async function openChart(page: Page): Promise<Frame> {
  await runCommand(page, 'GenAI Lifecycle: Show Effort Chart');
  return frameContaining(page, 'Next-token prediction');
}

let darkBackground = '';

describe('effort chart (workbench page)', () => {
  it('shows the cheat sheet, the plan and hostile titles as text, and follows status commands (dark theme)', async () => {
    const folder = scratchCopy(fixtureSource('chart-plan'));
    const page = await openWorkbench({ folder, theme: 'Default Dark Modern' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const frame = await openChart(page);

    // Table semantics: caption, column and row headers.
    assert.equal(
      await frame.evaluate<string>('document.querySelector("table.chart caption").textContent'),
      'Effort per lifecycle stage: training duration, customization, objective and expertise, with the plan’s status, owners, dates and open tasks',
    );
    assert.deepEqual(await frame.evaluate<string[]>('Array.from(document.querySelectorAll("thead th[scope=col] .stage-title")).map((e) => e.textContent)'), [
      'Pre-training',
      'Prompt engineering',
      'Prompt tuning and fine-tuning',
      'Reinforcement learning / human feedback',
      'Compression / optimization / deployment',
      'Evaluation harness',
      HOSTILE_TITLE,
    ]);
    assert.deepEqual(await frame.evaluate<string[]>('Array.from(document.querySelectorAll("tbody th[scope=row]")).map((e) => e.textContent)'), [
      'Effort',
      'Training duration',
      'Customization',
      'Objective',
      'Expertise',
      'Status',
      'Owner',
      'Dates',
      'Open tasks',
      'GPU memory',
    ]);

    // The five stages' exact cheat-sheet cells; the custom stage's declared cells.
    const rows = await frame.evaluate<Record<string, string[]>>(
      'Object.fromEntries(Array.from(document.querySelectorAll("tbody tr")).map((tr) => [tr.querySelector("th").textContent, Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)]))',
    );
    for (const [label, cells] of CHEAT_SHEET_ROWS) {
      assert.deepEqual(rows[label].slice(0, 5), cells, label);
    }
    assert.deepEqual(
      CHEAT_SHEET_ROWS.map(([label]) => rows[label][5]),
      ['Hours to days', '—not declared', 'Catch quality regressions', 'Medium'],
    );
    assert.deepEqual(
      CHEAT_SHEET_ROWS.map(([label]) => rows[label][6]),
      ['—not declared', '—not declared', '—not declared', '—not declared'],
    );
    assert.deepEqual(rows.Status, [
      'SkippedWe start from an existing foundation modelReset',
      'DoneReset',
      'In progressComplete',
      'Not startedStart',
      'Not startedStart',
      'BlockedWaiting for the labelled test setResume',
      'Not startedStart',
    ]);
    assert.deepEqual(rows.Owner, ['—no owner', 'sam', 'dana', '—no owner', '—no owner', '<b>lee</b>', '—no owner']);
    assert.deepEqual(rows.Dates, ['—no dates', 'Started 2026-11-02Completed 2026-11-10', 'Started 2026-11-20', '—no dates', '—no dates', '—no dates', '—no dates']);
    assert.deepEqual(rows['Open tasks'], ['—no tasks', '—no tasks', '2 of 3 open', '—no tasks', '—no tasks', '—no tasks', '—no tasks']);
    assert.deepEqual(rows.Effort.slice(0, 5), [
      'ExpertiseHigh, level 4 of 4TrainingDays to months, step 4 of 4',
      'ExpertiseLow, level 1 of 4TrainingNot required, step 0 of 4',
      'ExpertiseMedium, level 2 of 4TrainingMinutes to hours, step 2 of 4',
      'ExpertiseMedium-High, level 3 of 4TrainingMinutes to hours, step 2 of 4',
      'ExpertiseMedium, level 2 of 4TrainingMinutes to hours, step 2 of 4',
    ]);
    // The picture: filled expertise bars per stage, in lifecycle order.
    assert.deepEqual(
      await frame.evaluate<number[]>('Array.from(document.querySelectorAll("tr.row-effort td")).map((td) => td.querySelectorAll(".meter-expertise rect.on").length)'),
      [4, 1, 2, 3, 2, 2, 0],
    );
    // Current, skipped and the stage buttons (keyboard and screen readers).
    assert.deepEqual(await frame.evaluate<string[]>('Array.from(document.querySelectorAll("thead th.is-current")).map((th) => th.dataset.stageId)'), ['fine-tuning']);
    assert.deepEqual(await frame.evaluate<string[]>('Array.from(document.querySelectorAll("thead th.is-skipped")).map((th) => th.dataset.stageId)'), ['pre-training']);
    assert.deepEqual(await frame.evaluate<string[]>('Array.from(document.querySelectorAll("button.stage-button")).map((b) => b.getAttribute("aria-label"))'), [
      'Pre-training: Skipped. Choose a status…',
      'Prompt engineering: Done. Choose a status…',
      'Prompt tuning and fine-tuning: In progress, current stage. Choose a status…',
      'Reinforcement learning / human feedback: Not started. Choose a status…',
      'Compression / optimization / deployment: Not started. Choose a status…',
      'Evaluation harness: Blocked. Choose a status…',
      `${HOSTILE_TITLE}: Not started. Choose a status…`,
    ]);

    // The hostile title is text: no element was made from it and no script ran.
    assert.equal(await frame.evaluate<number>('document.querySelectorAll("img, b, [onerror]").length'), 0);
    assert.equal(await frame.evaluate<string>('document.querySelector("thead th[data-stage-id=hostile] .stage-title").textContent'), HOSTILE_TITLE);
    await waitForFrameValue(frame, 'document.body.classList.contains("vscode-dark")', true, 'the dark theme');
    await saveScreenshot(page, 'chart-dark');
    darkBackground = await frame.evaluate<string>('getComputedStyle(document.body).backgroundColor');

    // A status change by command (palette, then the quick picks) shows in the chart's badge.
    await runCommandToQuickPick(page, 'GenAI Lifecycle: Set Stage Status...', 'Set the status of which stage?');
    await pickInQuickInput(page, 'Set the status of which stage?', 'Compression');
    await pickInQuickInput(page, 'New status of Compression', 'Done');
    await waitForFrameValue(frame, badgeOf('deployment'), 'Done', 'the deployment badge to say Done');
    await waitForFileMatch(path.join(folder, 'lifecycle.yaml'), /- id: deployment\n {4}status: done\n {4}completed: \d{4}-\d{2}-\d{2}\n/);

    // A stage heading is a button: from the keyboard it offers the status quick pick.
    await frame.locator('button[aria-label^="Evaluation harness: Blocked"]').focus();
    await page.keyboard.press('Enter');
    await pickInQuickInput(page, 'New status of Evaluation harness', 'Done');
    await waitForFrameValue(frame, badgeOf('eval-harness'), 'Done', 'the evaluation harness badge to say Done');

    // The chart's own button goes through the same command and writer.
    await frame.locator('button[aria-label="Start Reinforcement learning / human feedback"]').click();
    await waitForFrameValue(frame, badgeOf('rlhf'), 'In progress', 'the RLHF badge to say In progress');
    await waitForFileMatch(path.join(folder, 'lifecycle.yaml'), /- id: rlhf\n {4}status: in-progress\n {4}started: \d{4}-\d{2}-\d{2}\n/);

    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await frame.evaluate<number>('document.querySelectorAll("img").length'), 0);
  });

  it('follows the light theme, fits a narrow panel, keeps its scroll position across live updates and comes back after a reload', async () => {
    const folder = scratchCopy(fixtureSource('chart-plan'));
    const page = await openWorkbench({ folder, theme: 'Default Light Modern', viewport: { width: 1000, height: 800 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const frame = await openChart(page);
    // The workbench applies the workspace's theme just after start-up: wait for the page to follow.
    if (darkBackground) {
      await waitForFrameValue(frame, `getComputedStyle(document.body).backgroundColor !== ${JSON.stringify(darkBackground)}`, true, 'the light theme');
    }
    assert.equal(await frame.evaluate<string>('document.body.classList.contains("vscode-light")'), true);
    // Narrow: the table scrolls sideways inside its region, the page itself does not.
    const widths = await frame.evaluate<{ page: number; viewport: number; table: number; region: number }>(
      '({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, table: document.querySelector("table.chart").scrollWidth, region: document.getElementById("chart-scroll").clientWidth })',
    );
    assert.ok(widths.page <= widths.viewport + 1, `the page does not scroll sideways: ${JSON.stringify(widths)}`);
    assert.ok(widths.table > widths.region, `the table scrolls within its region at this width: ${JSON.stringify(widths)}`);
    await frame.evaluate<number>('(document.getElementById("chart-scroll").scrollLeft = 120)');
    await page.waitForTimeout(300);

    // An edit on disk (another tool, git) reaches the chart by message, in place.
    const planFile = path.join(folder, 'lifecycle.yaml');
    const text = fs.readFileSync(planFile, 'utf8');
    // The server's file watcher subscribes asynchronously after the window opens; a write in
    // that first moment can go unseen, so the check writes again (as a later save would).
    const blocked = text.replace('  - id: rlhf\n    status: not-started', '  - id: rlhf\n    status: blocked');
    for (let attempt = 1; ; attempt++) {
      fs.writeFileSync(planFile, blocked);
      try {
        await waitForFrameValue(frame, badgeOf('rlhf'), 'Blocked', 'the RLHF badge to say Blocked', 8_000);
        break;
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
      }
    }
    assert.equal(await frame.evaluate<number>('document.getElementById("chart-scroll").scrollLeft'), 120, 'the scroll position survived the update');
    await frame.evaluate<number>('(document.getElementById("chart-scroll").scrollLeft = 0)');
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'chart-light');

    // Hidden behind an editor, the page is dropped (no retained context); shown again, it
    // restores its scroll position from getState.
    await frame.evaluate<number>('(document.getElementById("chart-scroll").scrollLeft = 150)');
    await page.waitForTimeout(300);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'lifecycle.yaml' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'lifecycle.yaml' }).waitFor();
    await runCommand(page, 'GenAI Lifecycle: Show Effort Chart');
    const shownAgain = await frameContaining(page, 'Next-token prediction');
    await waitForFrameValue(shownAgain, 'document.getElementById("chart-scroll").scrollLeft', 150, 'the restored scroll position');
    await waitForFrameValue(shownAgain, badgeOf('rlhf'), 'Blocked', 'the restored page to show the current plan');

    // A window reload brings the panel back through the WebviewPanelSerializer, with the live
    // plan. (Its saved scroll position is not asserted here: when the web workbench flushes
    // webview state to browser storage during a page unload is up to the browser.)
    // Reload as a user does: the command runs the workbench's shutdown, which saves the open
    // editors (a bare page reload may not get to).
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Lifecycle Effort Chart' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Lifecycle Effort Chart' }).first().click();
    const restored = await frameContaining(page, 'Next-token prediction', 60_000);
    await waitForFrameValue(restored, badgeOf('rlhf'), 'Blocked', 'the reloaded chart to show the plan');
    assert.deepEqual(dialogs, []);
  });
});
