// Nothing the extension shows bypasses localization: the workbench runs in a pseudo locale
// (every English string of the extension accented, see pseudoLocale.ts) and the Stages tree, the
// palette titles of our commands and the effort chart's text and labels must hold no plain
// ASCII letters, except the plan's own data (titles, owners, notes, tasks, ids), the folder
// name, and numbers with their units.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parse } from 'yaml';
import { installStandInLanguagePack, planStrings, pseudoLocaleServer, pseudoLocalizedExtension, unlocalizedLines, type PseudoLocaleServer, type PseudoStrings } from './pseudoLocale';
import { fixtureSource, frameContaining, openWorkbench, saveScreenshot, scratchCopy, showLifecycleSidebar } from './workbench';

const FIXTURE = 'chart-plan';
const VIEWLET = '[id="workbench.view.extension.genaiLifecycle"]';

interface ManifestCommand {
  readonly command: string;
  readonly title: string;
}

interface PaletteEntry {
  readonly command: string;
  readonly when?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: readonly ManifestCommand[]; menus: { commandPalette: readonly PaletteEntry[] } };
};

/** `%key%` -> key. */
function nlsKey(placeholder: string): string {
  return placeholder.replace(/^%|%$/g, '');
}

/**
 * Labels VS Code writes itself around what the extension gives it: a tree row's inline action
 * bar is named "Actions for <row label>" by the workbench (its own messages stay English here,
 * see installStandInLanguagePack); the actions inside it keep their titles, which are ours.
 */
const VSCODE_OWN_LABELS = '.monaco-action-bar > .actions-container[role="toolbar"]';

/** The text a frame shows plus its labels and tooltips (screen readers and hovers show those). */
async function visibleTextAndLabels(frame: Frame | Page, scope: string): Promise<string> {
  // A string expression: this project's TypeScript has no DOM library (src/ runs in Node).
  return frame.evaluate<string>(`(() => {
    const parts = [];
    for (const root of document.querySelectorAll(${JSON.stringify(scope)})) {
      parts.push(root.innerText);
      for (const element of root.querySelectorAll('[aria-label], [title]')) {
        if (element.matches(${JSON.stringify(VSCODE_OWN_LABELS)})) continue;
        for (const name of ['aria-label', 'title']) {
          const value = element.getAttribute(name);
          if (value) parts.push(value);
        }
      }
    }
    return parts.join('\\n');
  })()`);
}

describe('pseudo-localized workbench', () => {
  let server: PseudoLocaleServer;
  let extensionFolder: string | undefined;
  let page: Page;
  let strings: PseudoStrings;
  let userData: string[];

  before(async function () {
    this.timeout(180_000);
    server = pseudoLocaleServer();
    installStandInLanguagePack(server);
    const extension = pseudoLocalizedExtension(server.locale);
    extensionFolder = extension.folder;
    strings = extension.strings;
    const folder = scratchCopy(fixtureSource(FIXTURE));
    const plan: unknown = parse(fs.readFileSync(path.join(folder, 'lifecycle.yaml'), 'utf8'));
    userData = [...planStrings(plan), path.basename(folder), 'lifecycle.yaml'];
    page = await openWorkbench({ folder, extensionPath: extension.folder, port: server.port, activityLabel: strings.manifest['viewsContainer.genaiLifecycle.title'] });
  });

  after(() => {
    if (extensionFolder) {
      fs.rmSync(path.dirname(extensionFolder), { recursive: true, force: true });
    }
  });

  it('shows the Stages tree in the pseudo locale', async () => {
    await showLifecycleSidebar(page, strings.manifest['viewsContainer.genaiLifecycle.title']);
    const rows = page.locator(`${VIEWLET} .monaco-list-row`);
    // The current stage (fine-tuning) is expanded, so its tasks show too.
    await page.locator(`${VIEWLET} .monaco-list-row[aria-level="2"]`).first().waitFor({ timeout: 60_000 });
    assert.ok((await rows.count()) >= 8, 'the advice, the stages and the current stage\'s tasks show');
    const text = await visibleTextAndLabels(page, `${VIEWLET} .monaco-list`);
    await saveScreenshot(page, 'pseudo-locale-tree');
    assert.deepEqual(unlocalizedLines(text, userData), [], 'tree text or labels that bypass localization');
  });

  it('titles our commands in the palette in the pseudo locale', async () => {
    const category = strings.manifest['command.category'];
    const titles = manifest.contributes.commands.map((command) => ({ command: command.command, title: strings.manifest[nlsKey(command.title)] }));
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false' || entry.when?.includes('canInitPlan') || entry.when?.includes('hasDismissedAdvice')).map((entry) => entry.command));
    const shown = titles.filter((entry) => !hidden.has(entry.command));
    assert.ok(shown.length >= 10);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    const labels: string[] = [];
    for (const { title } of shown) {
      const expected = `${category}: ${title}`;
      await input.fill(`>${expected}`);
      const row = page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: expected }).first();
      await row.waitFor({ timeout: 15_000 });
      labels.push(await row.innerText());
    }
    await page.keyboard.press('Escape');
    assert.deepEqual(unlocalizedLines(labels.join('\n'), []), [], 'palette titles that bypass localization');
  });

  it('draws the effort chart in the pseudo locale', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    const title = `${strings.manifest['command.category']}: ${strings.manifest['command.showChart.title']}`;
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
    const frame = await frameContaining(page, strings.bundle['GenAI lifecycle effort chart'], 60_000);
    // The chart has drawn its table (and its GPU memory row when the plan has a model).
    await frame.waitForSelector('#chart-root[aria-busy="false"] table.chart');
    await saveScreenshot(page, 'pseudo-locale-chart');
    // The page's language follows the extension host's vscode.env.language: the workbench really switched.
    assert.equal(await frame.evaluate<string>('document.documentElement.lang'), server.locale);
    const text = await visibleTextAndLabels(frame, '#chart-root');
    assert.deepEqual(unlocalizedLines(text, userData), [], 'chart text or labels that bypass localization');
  });
});
