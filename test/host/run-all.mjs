#!/usr/bin/env node
// `npm test`: lint, typecheck, build, unit tests, then the integration suites inside a real
// VS Code extension host, then UI checks in the real workbench page. Ends with one line
// totalling every suite: `N passed, N failed, N skipped`. Exits non-zero if anything failed.
//   node test/host/run-all.mjs [--only=unit,package,host,ui] [--skip-lint]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Mocha from 'mocha';
import { launchBrowser } from './browser.mjs';
import { ensureDebianPackages, installHost } from './install-host.mjs';
import { projectRoot } from './paths.mjs';
import { HOST_KINDS, runHostSuites } from './run-host-tests.mjs';
import { startServer } from './server.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wants = (part) => !only || only.includes(part);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const cleanups = [];
const started = Date.now();
/** VS Code's own pseudo-locale tag, for the UI check that finds strings bypassing localization. */
const PSEUDO_LOCALE = 'qps-ploc';

function heading(text) {
  console.log(`\n=== ${text}`);
}

function runStep(name, command, commandArgs) {
  heading(name);
  const t0 = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) {
    problems.push(name);
  }
  return ok;
}

function add(summary) {
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  totals.skipped += summary.skipped;
}

async function runMocha(files, options = {}) {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', ...options });
  files.forEach((f) => mocha.addFile(f));
  await mocha.loadFilesAsync();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const s = runner.stats;
      resolve({ passed: s.passes, failed: s.failures, skipped: s.pending });
    });
  });
}

function testFiles(dir) {
  const root = join(projectRoot, 'out', 'test', dir);
  if (!existsSync(root)) {
    return [];
  }
  return readdirSync(root, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(root, f));
}

/** `vsce package` (production bundle), refusing any vsce warning, then the VSIX content test. */
async function packageAndCheck() {
  heading('package (vsce) and VSIX content');
  const vsixDir = mkdtempSync(join(tmpdir(), 'genai-lifecycle-vsix-'));
  cleanups.push(() => rmSync(vsixDir, { recursive: true, force: true }));
  const vsix = join(vsixDir, 'genai-lifecycle.vsix');
  const result = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: projectRoot, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  if (result.status !== 0 || /warning/i.test(output)) {
    problems.push('package (vsce)');
    console.log('✗ package: vsce failed or warned');
  }
  process.env.GENAI_LIFECYCLE_VSIX = vsix;
  const summary = await runMocha(testFiles('package'));
  console.log(`package: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  add(summary);
  // Back to the development bundle (with source maps) for the host tests.
  runStep('build (esbuild, development)', 'node', ['esbuild.js']);
}

let cleanupRun;

/**
 * Stops everything started, once: the signal handler and the main flow's `finally` share
 * this promise, so an exit from one never cuts the other's cleanup short.
 */
function cleanup() {
  cleanupRun ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await Promise.race([fn(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleanupRun;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping the test host...`);
    await cleanup();
    process.exit(130);
  });
}

async function main() {
  if (!args.includes('--skip-lint')) {
    runStep('lint (eslint)', 'npx', ['eslint', 'src', 'test', 'media', 'esbuild.js']);
  }
  // A type error fails the run but still emits, so the tests show what else is wrong. The
  // webview pages (media/tsconfig.json: DOM lib) are checked in the same step, even when the
  // extension's check fails.
  runStep('typecheck and compile tests (tsc)', 'sh', ['-c', 'npx tsc -p .; main=$?; npx tsc -p media && exit $main']);
  if (!runStep('build (esbuild)', 'node', ['esbuild.js'])) {
    return;
  }

  if (wants('unit')) {
    heading('unit tests (mocha, plain Node)');
    // The harness's own tests (test/host/*.test.mjs) run with them: they are plain Node too.
    const harnessTests = readdirSync(join(projectRoot, 'test', 'host')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(projectRoot, 'test', 'host', f));
    const summary = await runMocha([...testFiles('unit'), ...harnessTests]);
    console.log(`unit: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
    add(summary);
  }

  if (wants('package')) {
    await packageAndCheck();
  }

  if (!wants('host') && !wants('ui')) {
    return;
  }
  heading('real VS Code test host');
  installHost();
  ensureDebianPackages(['chromium', 'fonts-liberation']);
  const server = await startServer({ reconnectionGraceSeconds: 1 });
  cleanups.push(() => server.stop());
  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  console.log(`VS Code server on ${server.origin}, Chromium via playwright-core`);

  if (wants('host')) {
    // The same suites twice: the extension in the Node extension host, then in the web worker one.
    const lines = [];
    // GENAI_LIFECYCLE_HOST_KINDS=node or =web narrows a quick local run (CI runs both).
    const kinds = process.env.GENAI_LIFECYCLE_HOST_KINDS?.split(',').filter(Boolean);
    for (const { kind, title } of HOST_KINDS.filter((host) => !kinds || kinds.includes(host.kind))) {
      heading(`integration tests (inside the real ${title})`);
      const summaries = await runHostSuites({ server, browser, kind });
      const host = summaries.reduce((acc, s) => ({ passed: acc.passed + s.passed, failed: acc.failed + s.failed, skipped: acc.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
      const line = `integration (${title}): ${host.passed} passed, ${host.failed} failed, ${host.skipped} skipped (${summaries.length} fixture workspaces)`;
      console.log(line);
      lines.push(line);
      add(host);
    }
    if (lines.length > 1) {
      console.log(`\n${lines.join('\n')}`);
    }
  }

  if (wants('ui')) {
    heading('UI checks (the real workbench page, playwright-core)');
    mkdirSync(join(projectRoot, 'test-artifacts'), { recursive: true });
    process.env.GENAI_LIFECYCLE_SERVER_PORT = String(server.port);
    // A second server whose every window runs in a pseudo locale, for the check that nothing the
    // extension shows bypasses localization (test/ui/pseudo-locale.test.ts). A server of its own,
    // since the locale is server-wide (see startServer's `locale`); the check installs the
    // stand-in language pack in its user data.
    const pseudoServer = await startServer({ reconnectionGraceSeconds: 1, locale: PSEUDO_LOCALE });
    cleanups.push(() => pseudoServer.stop());
    process.env.GENAI_LIFECYCLE_PSEUDO_LOCALE = PSEUDO_LOCALE;
    process.env.GENAI_LIFECYCLE_PSEUDO_SERVER_PORT = String(pseudoServer.port);
    process.env.GENAI_LIFECYCLE_PSEUDO_SERVER_USER_DATA = pseudoServer.userDataDir;
    const summary = await runMocha(testFiles('ui'), { timeout: 120_000 });
    console.log(`ui: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped (screenshots in test-artifacts/)`);
    add(summary);
  }
}

let crashed = false;
try {
  await main();
} catch (error) {
  crashed = true;
  console.error(`\n✗ the test run stopped: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  totals.failed += 1;
} finally {
  await cleanup();
}
if (problems.length > 0) {
  console.log(`\nFailed steps: ${problems.join(', ')}`);
}
console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || problems.length > 0 || crashed ? 1 : 0);
