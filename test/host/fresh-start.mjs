#!/usr/bin/env node
// `npm run test:fresh-start`: the README's first command as a newcomer types it. Copies this
// checkout (tracked and untracked files, nothing git ignores, so no node_modules/ and no
// .vscode-test/) to a scratch folder, runs `npm install`, then `npm start` through npm with
// nothing of this run's npm in the environment; waits for the printed URL, fetches it, opens it
// in Chromium and waits for the extension on the example project, then stops the server with
// Ctrl+C (SIGINT to the process group, as a terminal sends it) and checks that the port is free;
// then the same for `npm start -- --web`, checking the workbench runs the extension in its web
// worker extension host.
// .ci/run runs it once before `npm test`; it takes a few minutes, most of them installing the
// VS Code test host from scratch.
//   node test/host/fresh-start.mjs [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { ensureDebianPackages } from './install-host.mjs';
import { standaloneNpmEnv } from './npmEnv.mjs';
import { projectRoot } from './paths.mjs';
import { probePort } from './server.mjs';

const INSTALL_TIMEOUT_MS = 10 * 60_000;
// Includes installing the test host from scratch (a few minutes on 2 busy cores).
const URL_TIMEOUT_MS = 20 * 60_000;
const PAGE_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 60_000;

const keep = process.argv.includes('--keep');
const checks = [];
const started = Date.now();

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(0)} s`;
}

function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  return ok;
}

/** Copies what a clone of this checkout would hold, plus uncommitted and untracked work. */
function copyCheckout(target) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' });
  if (listed.status !== 0) {
    throw new Error(`git ls-files failed: ${listed.stderr}`);
  }
  let count = 0;
  for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
    const source = join(projectRoot, file);
    if (!existsSync(source)) {
      continue; // deleted in the work tree
    }
    const destination = join(target, file);
    mkdirSync(dirname(destination), { recursive: true });
    if (lstatSync(source).isSymbolicLink()) {
      symlinkSync(readlinkSync(source), destination);
    } else {
      copyFileSync(source, destination);
    }
    count++;
  }
  return count;
}

/** A newcomer's shell: no variables of an enclosing npm run, no cache of ours pointing elsewhere. */
function newcomerEnv() {
  const env = standaloneNpmEnv(process.env);
  delete env.GENAI_LIFECYCLE_HOST_CACHE;
  return env;
}

function relay(stream, prefix, onLine) {
  let pending = '';
  stream.on('data', (chunk) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      console.log(`${prefix}${line}`);
      onLine?.(line);
    }
  });
}

function runNpmInstall(cwd, env) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['install'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    relay(child.stdout, '  install | ');
    relay(child.stderr, '  install | ');
    const timer = setTimeout(() => child.kill('SIGKILL'), INSTALL_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : `exited with ${code ?? signal}`);
    });
  });
}

/** Starts `npm start [-- ...extra]` in its own process group, as a terminal would, and resolves with its URL. */
function startServer(cwd, env, extra = []) {
  const child = spawn('npm', ['start', ...(extra.length > 0 ? ['--', ...extra] : [])], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const output = [];
  const url = new Promise((resolve) => {
    const onLine = (line) => {
      output.push(line);
      const match = /^Open: (http:\/\/127\.0\.0\.1:\d+\/)\s*$/.exec(line);
      if (match) {
        resolve(match[1]);
      }
    };
    relay(child.stdout, '  start | ', onLine);
    relay(child.stderr, '  start | ', onLine);
    void exited.then(() => resolve(undefined));
    setTimeout(() => resolve(undefined), URL_TIMEOUT_MS).unref();
  });
  const interrupt = () => {
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  return { url, exited, output, interrupt, kill };
}

/** Opens the workbench and waits for the extension's sidebar to list the example's stages (and, for `--web`, that it runs in the web worker). */
async function extensionShows(url, { web = false } = {}) {
  ensureDebianPackages(['chromium', 'fonts-liberation']);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: PAGE_TIMEOUT_MS });
    // The entry's list item, not its label: the open-stages badge sits over the label's centre.
    const entry = page.locator('.activitybar li.action-item:has(> a[aria-label^="GenAI Lifecycle"])').first();
    await entry.waitFor({ timeout: PAGE_TIMEOUT_MS });
    await entry.click();
    const stages = page.locator('.monaco-list[aria-label="Stages"] .monaco-list-row[aria-level="1"]');
    await stages.nth(4).waitFor({ timeout: PAGE_TIMEOUT_MS });
    const status = page.locator('.statusbar-item', { hasText: 'Fine-tuning' }).first();
    await status.waitFor({ timeout: PAGE_TIMEOUT_MS });
    mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
    const shown = `${await stages.count()} stages in the sidebar, status bar "${(await status.innerText()).trim()}"`;
    await page.screenshot({ path: join(projectRoot, 'test-artifacts', web ? 'fresh-start-web.png' : 'fresh-start.png') });
    return web ? `${shown}, ${await extensionHostOf(page)}` : shown;
  } finally {
    await browser.close();
  }
}

/** Where the workbench says the extension runs, from Developer: Show Running Extensions. */
async function extensionHostOf(page) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor({ timeout: PAGE_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  const row = page.locator('.monaco-list-row', { hasText: 'GenAI Lifecycle' }).filter({ hasText: 'web worker' }).first();
  await row.waitFor({ timeout: PAGE_TIMEOUT_MS });
  return 'running in the web worker extension host';
}

/** `npm start [-- ...extra]` in `copy`: prints a URL that serves the workbench with the extension; Ctrl+C stops it. */
async function checkStart(copy, env, extra) {
  const name = extra.length > 0 ? `npm start -- ${extra.join(' ')}` : 'npm start';
  let t0 = Date.now();
  const server = startServer(copy, env, extra);
  try {
    const url = await server.url;
    if (!check(`${name} prints the URL`, url !== undefined, url ? `${url} after ${seconds(t0)}` : `nothing within ${URL_TIMEOUT_MS / 60_000} min or it exited`)) {
      return false;
    }

    const response = await fetch(url).catch((error) => error);
    const body = response instanceof Response ? await response.text() : '';
    check('the URL serves the VS Code workbench', response instanceof Response && response.ok && body.includes('workbench'),
      response instanceof Response ? `HTTP ${response.status}, ${body.length} bytes` : String(response));

    t0 = Date.now();
    const shown = await extensionShows(url, { web: extra.includes('--web') }).then((detail) => ({ detail }), (error) => ({ error }));
    check('the extension runs on the example project', shown.error === undefined, shown.detail ? `${shown.detail}, ${seconds(t0)}` : String(shown.error?.message ?? shown.error));

    t0 = Date.now();
    server.interrupt();
    const stopped = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve(undefined), STOP_TIMEOUT_MS))]);
    const port = Number(new URL(url).port);
    const portFree = stopped !== undefined && (await probePort(port)) === port;
    return check('Ctrl+C stops it and frees the port', stopped !== undefined && portFree,
      stopped === undefined ? `still running after ${STOP_TIMEOUT_MS / 1000} s` : `exit ${stopped.code ?? stopped.signal}, port ${port} ${portFree ? 'free' : 'still bound'}, ${seconds(t0)}`);
  } finally {
    server.kill();
  }
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'genai-lifecycle-fresh-'));
  const copy = join(scratch, 'genai-lifecycle');
  try {
    const files = copyCheckout(copy);
    console.log(`fresh start: copied ${files} files to ${copy} (no node_modules/, no .vscode-test/)`);
    const env = newcomerEnv();

    let t0 = Date.now();
    const installError = await runNpmInstall(copy, env);
    if (!check('npm install', installError === undefined, installError ?? seconds(t0))) {
      return;
    }

    // The README's command, then its browser variant (the extension in the web worker host).
    if (await checkStart(copy, env, [])) {
      await checkStart(copy, env, ['--web']);
    }
  } finally {
    if (keep) {
      console.log(`fresh start: kept ${copy}`);
    } else {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

try {
  await main();
} catch (error) {
  check('fresh start ran', false, error instanceof Error ? (error.stack ?? error.message) : String(error));
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`fresh start: ${checks.length - failed} passed, ${failed} failed (${seconds(started)})`);
process.exit(failed > 0 ? 1 : 0);
