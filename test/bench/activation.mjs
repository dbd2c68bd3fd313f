#!/usr/bin/env node
// Part of `npm run bench`: the production bundles' sizes (both entries), and the extension's activation time in
// the real VS Code host against a reference extension that does nothing, activated the same way
// in the same windows. Each round opens a fresh window (a new extension host) on an empty folder
// and runs out/test/bench/activationProbe.js there, which activates both and reports the times.
//   node test/bench/activation.mjs [--rounds=9]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../host/browser.mjs';
import { ensureDebianPackages, installHost } from '../host/install-host.mjs';
import { projectRoot } from '../host/paths.mjs';
import { startServer, workbenchUrl } from '../host/server.mjs';

const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 9);
const ROUND_TIMEOUT_MS = 120_000;
const REFERENCE_DIR = 'genai-lifecycle-bench.activation-reference-0.0.1';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function build(args) {
  const result = spawnSync('node', ['esbuild.js', ...args], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`node esbuild.js ${args.join(' ')} failed`);
  }
}

/**
 * Sizes of the production bundles, raw and gzipped: both entries the manifest names (`main` for
 * Node, `browser` for the web worker of vscode.dev) and each one's plan worker (loaded only for
 * large plans).
 */
function bundleSizes() {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const files = [
    ['main entry (Node)', manifest.main],
    ['browser entry (web worker)', manifest.browser],
    ['plan worker (Node)', 'dist/planWorker.js'],
    ['plan worker (Web Worker)', 'dist/web/planWorker.js'],
  ];
  return files.map(([role, file]) => {
    const path = join(projectRoot, file);
    return { role, file: file.replace(/^\.\//, ''), bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length };
  });
}

async function measureActivation(scratch) {
  const extensionsDir = join(scratch, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  cpSync(join(projectRoot, 'test', 'bench', 'activation-reference'), join(extensionsDir, REFERENCE_DIR), { recursive: true });
  const folder = join(scratch, 'empty-project');
  mkdirSync(folder, { recursive: true });
  const resultsFile = join(scratch, 'activation.jsonl');
  const roundFile = join(scratch, 'round');
  const server = await startServer({
    extensionsDir,
    reconnectionGraceSeconds: 1,
    env: { GENAI_LIFECYCLE_BENCH_RESULTS: resultsFile, GENAI_LIFECYCLE_BENCH_ROUND_FILE: roundFile },
  });
  const browser = await launchBrowser();
  try {
    for (let round = 0; round < rounds; round++) {
      writeFileSync(roundFile, String(round));
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const outcome = new Promise((resolve) => {
          void page.exposeFunction('codeAutomationExit', (code, logs) => resolve({ code, logs }));
          setTimeout(() => resolve({ code: 'timeout' }), ROUND_TIMEOUT_MS).unref();
        });
        await page.goto(workbenchUrl(server, { folder, extensionPath: projectRoot, testsPath: join(projectRoot, 'out', 'test', 'bench', 'activationProbe.js') }));
        const { code, logs } = await outcome;
        if (code !== 0) {
          throw new Error(`round ${round}: the probe ended with ${code}\n${JSON.stringify(logs ?? '').slice(-4000)}\n${server.log().slice(-4000)}`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return readFileSync(resultsFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

async function main() {
  console.log('\nActivation in the real VS Code host (production bundle)');
  installHost();
  ensureDebianPackages(['chromium', 'fonts-liberation']);
  build(['--production']);
  const scratch = mkdtempSync(join(tmpdir(), 'genai-lifecycle-bench-'));
  try {
    for (const { role, file, bytes, gzip } of bundleSizes()) {
      console.log(`  ${`${role}:`.padEnd(28)} ${file.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(6)} KiB (${(gzip / 1024).toFixed(1)} KiB gzipped)`);
    }
    const samples = await measureActivation(scratch);
    const ours = median(samples.map((s) => s.extension));
    const reference = median(samples.map((s) => s.reference));
    const differences = median(samples.map((s) => s.extension - s.reference));
    console.log(`  ${samples.length} fresh windows; medians in ms (each window activates both, order alternating)`);
    console.log(`  activate() of this extension:      ${ours.toFixed(1)}`);
    console.log(`  activate() of an empty extension:  ${reference.toFixed(1)}`);
    console.log(`  difference (median per window):   ${differences.toFixed(1)}  (target: at most 30)`);
    console.log(`  per window: ${samples.map((s) => `${s.extension.toFixed(1)}/${s.reference.toFixed(1)}`).join('  ')}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    // Back to the development bundle (with source maps) that npm start and the tests use.
    build([]);
  }
}

main().catch((error) => {
  console.error(`activation bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exitCode = 1;
});
