// Runs the integration suites inside the real VS Code extension host: one workbench page per
// fixture workspace, each loading the extension under development and the compiled test entry.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths.mjs';
import { seedWorkspaceConfigurationCache, workbenchUrl, workspaceConfigurationCacheDir } from './server.mjs';

export const RESULTS_DIR_ENV = 'GENAI_LIFECYCLE_RESULTS_DIR';
const SUITE_TIMEOUT_MS = Number(process.env.GENAI_LIFECYCLE_SUITE_TIMEOUT_MS ?? 180_000);

/**
 * Fixture names that have both a suite folder and a fixture workspace; narrowed for a quick
 * local run with GENAI_LIFECYCLE_FIXTURES=name,name (CI runs them all).
 */
export function integrationFixtures() {
  const suitesRoot = join(projectRoot, 'out', 'test', 'integration');
  const wanted = process.env.GENAI_LIFECYCLE_FIXTURES?.split(',').filter(Boolean);
  return readdirSync(suitesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(projectRoot, 'test', 'fixtures', entry.name)))
    .map((entry) => entry.name)
    .filter((name) => !wanted || wanted.includes(name))
    .sort();
}

/** Copies a fixture to a scratch folder (tests edit it) and says how to open it. */
export function prepareFixture(name, scratchRoot) {
  const target = join(scratchRoot, name);
  cpSync(join(projectRoot, 'test', 'fixtures', name), target, { recursive: true });
  const workspaceFile = join(target, `${name}.code-workspace`);
  return existsSync(workspaceFile) ? { workspaceFile } : { folder: target };
}

export async function runHostSuites({ server, browser, resultsDir, log = console.log }) {
  const scratchRoot = mkdtempSync(join(tmpdir(), 'genai-lifecycle-fixtures-'));
  const summaries = [];
  try {
    for (const fixture of integrationFixtures()) {
      summaries.push(await runFixture({ server, browser, resultsDir, fixture, scratchRoot, log }));
    }
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }
  return summaries;
}

async function runFixture({ server, browser, resultsDir, fixture, scratchRoot, log }) {
  log(`\n  real VS Code host · fixture ${fixture}`);
  const target = prepareFixture(fixture, scratchRoot);
  // A multi-root workspace opened for the first time can come up with no folders at all in the
  // web workbench (a race in VS Code, explained at seedWorkspaceConfigurationCache).
  const seededId = target.workspaceFile ? seedWorkspaceConfigurationCache(server, target.workspaceFile) : undefined;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = Date.now();
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code, logs) => settle({ code, logs }));
  const timer = setTimeout(() => settle({ code: 'timeout' }), SUITE_TIMEOUT_MS);
  try {
    await page.goto(workbenchUrl(server, { ...target, extensionPath: projectRoot, testsPath: join(projectRoot, 'out', 'test', 'integration', 'index.js') }));
    const outcome = await exited;
    if (seededId !== undefined) {
      warnIfCacheMoved({ server, seededId, fixture, log });
    }
    const reportFile = join(resultsDir, `${fixture}.log`);
    if (existsSync(reportFile)) {
      log(readFileSync(reportFile, 'utf8').replace(/\n+$/, ''));
    }
    const resultsFile = join(resultsDir, `${fixture}.json`);
    const summary = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (outcome.code === 'timeout') {
      log(`  ✗ fixture ${fixture}: the extension host did not finish within ${SUITE_TIMEOUT_MS / 1000} s. Server log:\n${server.log()}`);
      return { fixture, passed: summary?.passed ?? 0, failed: (summary?.failed ?? 0) + 1, skipped: 0, seconds };
    }
    if (!summary) {
      // run() threw before mocha could report (the extension failed to load, say).
      log(`  ✗ fixture ${fixture}: exit code ${outcome.code} without results. Window log:\n${formatLogs(outcome.logs)}`);
      return { fixture, passed: 0, failed: 1, skipped: 0, seconds };
    }
    log(`  fixture ${fixture}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (${seconds} s)`);
    return { ...summary, seconds };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

function formatLogs(logs) {
  if (!Array.isArray(logs)) {
    return String(logs ?? '');
  }
  return logs.map((entry) => (typeof entry === 'string' ? entry : `${entry.relativePath ?? ''}\n${entry.contents ?? ''}`)).join('\n').slice(-8000);
}

/**
 * The seed only helps while VS Code keeps its cache where the harness writes it: the workbench
 * rewrites the entry of the workspace it opened, so an entry under any other id means a newer
 * VS Code moved it (or hashes differently) and the seed no longer applies.
 */
function warnIfCacheMoved({ server, seededId, fixture, log }) {
  const dir = workspaceConfigurationCacheDir(server);
  const others = existsSync(dir) ? readdirSync(dir).filter((id) => id !== seededId && !seededIds.has(id)) : [];
  seededIds.add(seededId);
  if (others.length > 0) {
    log(`  ! fixture ${fixture}: VS Code cached this workspace's configuration under ${others.join(', ')}, not the seeded ${seededId}; the multi-root start-up race is no longer prevented (test/host/server.mjs, seedWorkspaceConfigurationCache)`);
  }
}
const seededIds = new Set();
