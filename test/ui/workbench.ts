// Opens the real VS Code workbench (served by the harness, see test/host/run-all.mjs) in
// Debian's Chromium with the extension under development loaded, for UI checks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts');
const HOST = '127.0.0.1';
const EXTENSION_ID = 'genai-lifecycle-tools.genai-lifecycle';

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const scratchDirs: string[] = [];

function serverPort(): number {
  const port = Number(process.env.GENAI_LIFECYCLE_SERVER_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('GENAI_LIFECYCLE_SERVER_PORT is not set: run UI checks through `npm test` (test/host/run-all.mjs)');
  }
  return port;
}

async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The harness stops the VS Code server and the browser itself on Ctrl+C; Playwright's own
    // handlers would exit the process first and leave the server running.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** Copies `test/fixtures/<name>` (or any folder) to a scratch folder, since UI checks edit files. */
export function scratchCopy(source: string, name = path.basename(source)): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'genai-lifecycle-ui-'));
  scratchDirs.push(root);
  const target = path.join(root, name);
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export function fixtureSource(name: string): string {
  return path.join(PROJECT_ROOT, 'test', 'fixtures', name);
}

export interface OpenOptions {
  /** Absolute folder to open: a `scratchCopy`, since checks edit files and this writes .vscode/settings.json. */
  readonly folder: string;
  /** A VS Code colour theme id, e.g. 'Default Light Modern' or 'Default Dark Modern'. */
  readonly theme?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** `web`: the extension runs in the browser's web worker extension host (its `browser` bundle), as in vscode.dev. */
  readonly extensionKind?: 'node' | 'web';
  /** The extension folder to load; the checkout by default. */
  readonly extensionPath?: string;
  /** The VS Code server to open from: the harness's main one by default (the pseudo-locale check has its own). */
  readonly port?: number;
  /** How the activity bar names the extension's container in that language; 'GenAI Lifecycle' by default. */
  readonly activityLabel?: string;
}

/**
 * Opens the workbench on `folder` with the extension under development and waits until the
 * workbench is up and the extension's activity-bar entry exists.
 */
export async function openWorkbench(options: OpenOptions): Promise<Page> {
  const port = options.port ?? serverPort();
  // Workspace settings are the way to shape the window before it loads: the theme, and no
  // chat side bar or start-up editor competing for space in screenshots.
  const settingsDir = path.join(options.folder, '.vscode');
  fs.mkdirSync(settingsDir, { recursive: true });
  const settingsFile = path.join(settingsDir, 'settings.json');
  const settings = fs.existsSync(settingsFile) ? (JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  Object.assign(settings, {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
  });
  if (options.theme) {
    settings['workbench.colorTheme'] = options.theme;
  }
  if (options.extensionKind === 'web') {
    // VS Code's own setting for where an extension runs, as the integration runs use it (the
    // payload's `extensionDevelopmentKind` alone does not: see webExtensionKindSettings in test/host/server.mjs).
    settings['remote.extensionKind'] = { [EXTENSION_ID]: ['web'] };
  }
  fs.writeFileSync(settingsFile, JSON.stringify(settings, undefined, 2));
  const context = await (await sharedBrowser()).newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
    ['extensionDevelopmentPath', `vscode-remote://${HOST}:${port}${options.extensionPath ?? PROJECT_ROOT}`],
  ];
  const query = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) });
  await page.goto(`http://${HOST}:${port}/?${query.toString()}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator(`.activitybar [aria-label^=${JSON.stringify(options.activityLabel ?? 'GenAI Lifecycle')}]`).first().waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Opens the extension's side bar from its activity-bar entry. Clicks the entry's list item, not
 * its label: the open-stages badge sits over the label's centre, and a click there lands on the
 * badge (inside the item, so the item's handler still gets it). The label reads "GenAI Lifecycle - 5
 * stages still open" once the badge is set, hence the prefix match.
 */
export async function showLifecycleSidebar(page: Page, label = 'GenAI Lifecycle'): Promise<void> {
  await page.locator(`.activitybar li.action-item:has(> a[aria-label^=${JSON.stringify(label)}])`).first().click();
}

/** Runs a command by its palette title, as a user would (F1, type, Enter). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
}

/** The frame whose body text contains `text` (webviews are nested iframes of the page). */
export async function frameContaining(page: Page, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      // A string expression: this project's TypeScript has no DOM library (src/ runs in Node).
      const body = await frame.evaluate<string>('document.body ? document.body.innerText : ""').catch(() => '');
      if (body.includes(text)) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no frame shows "${text}" within ${timeoutMs} ms`);
    }
    await page.waitForTimeout(250);
  }
}

/** Which extension host the workbench says runs the extension ('web worker' or the server's address), from Developer: Show Running Extensions. */
export async function runningExtensionHost(page: Page): Promise<string> {
  await runCommand(page, 'Developer: Show Running Extensions');
  // The list names an extension under development by its id.
  const row = page.locator('.monaco-list-row', { hasText: /GenAI Lifecycle|genai-lifecycle-tools\.genai-lifecycle/ }).first();
  await row.waitFor({ timeout: 30_000 });
  const text = await row.innerText();
  // It opens as a modal editor, which takes the keyboard: Escape closes it.
  await page.keyboard.press('Escape');
  await row.waitFor({ state: 'detached', timeout: 30_000 });
  return /web worker/i.test(text) ? 'web worker' : text.replace(/\s+/g, ' ');
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Screenshots of every open workbench page, for a failed check's evidence. */
export async function screenshotOpenPages(name: string): Promise<string[]> {
  const files: string[] = [];
  for (const [contextIndex, context] of contexts.entries()) {
    for (const [pageIndex, page] of context.pages().entries()) {
      const file = await saveScreenshot(page, `${name}-${contextIndex}-${pageIndex}`).catch(() => undefined);
      if (file) {
        files.push(file);
      }
    }
  }
  return files;
}

/** Closes every page and the browser; removes scratch copies. Called from a root after hook. */
export async function closeWorkbenches(): Promise<void> {
  for (const context of contexts.splice(0)) {
    await context.close().catch(() => undefined);
  }
  await browser?.close().catch(() => undefined);
  browser = undefined;
  for (const dir of scratchDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
