// Runs the integration suites inside the real VS Code extension host: one workbench page per
// fixture workspace, each loading the extension under development and the test entry, once with
// the extension in the Node extension host and once in the web worker one.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebTestBundles } from './build-web-tests.mjs';
import { projectRoot } from './paths.mjs';
import { seedWorkspaceConfigurationCache, webExtensionKindSettings, workbenchUrl, workspaceConfigurationCacheDir, writeUserSettings } from './server.mjs';

/** The extension hosts the suites run in, with the name the totals give each. */
export const HOST_KINDS = Object.freeze([
  { kind: 'node', title: 'Node extension host' },
  { kind: 'web', title: 'web worker extension host' },
]);

/** Where a kind's run writes `<fixture>.json` and `.log` (test/integration/runner.ts, resultsFolder). */
export function resultsDirFor(kind) {
  return join(projectRoot, 'out', 'test-results', kind);
}

function extensionId() {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
}
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

/**
 * Runs every fixture's suites with the extension in the `kind` host ('node' or 'web'): for the
 * web worker host, bundles the suites first and sets the extension's kind in the user settings
 * for the run's windows (put back afterwards).
 */
export async function runHostSuites({ server, browser, kind = 'node', log = console.log }) {
  const resultsDir = resultsDirFor(kind);
  rmSync(resultsDir, { recursive: true, force: true });
  const fixtures = integrationFixtures();
  const testsPaths = kind === 'web' ? await buildWebTestBundles(fixtures) : new Map(fixtures.map((fixture) => [fixture, join(projectRoot, 'out', 'test', 'integration', 'index.js')]));
  const scratchRoot = mkdtempSync(join(tmpdir(), 'genai-lifecycle-fixtures-'));
  const summaries = [];
  if (kind === 'web') {
    writeUserSettings(server, webExtensionKindSettings(extensionId(), server.userSettings));
  }
  try {
    for (const fixture of fixtures) {
      summaries.push(await runFixture({ server, browser, kind, resultsDir, testsPath: testsPaths.get(fixture), fixture, scratchRoot, log }));
    }
  } finally {
    if (kind === 'web') {
      writeUserSettings(server, server.userSettings);
    }
    rmSync(scratchRoot, { recursive: true, force: true });
  }
  return summaries;
}

async function runFixture({ server, browser, kind, resultsDir, testsPath, fixture, scratchRoot, log }) {
  log(`\n  real VS Code host (${HOST_KINDS.find((host) => host.kind === kind)?.title ?? kind}) · fixture ${fixture}`);
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
    await page.goto(workbenchUrl(server, { ...target, extensionPath: projectRoot, testsPath, extensionKind: kind }));
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
    if (summary.kind !== kind) {
      log(`  ✗ fixture ${fixture}: the results came from the ${summary.kind} entry, not the ${kind} one`);
      return { fixture, passed: summary.passed, failed: summary.failed + 1, skipped: summary.skipped, seconds };
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
