// The integration test entry: the same `run()` is loaded by the real VS Code host on this
// machine (test/host/run-host-tests.mjs) and by @vscode/test-electron (`npm run test:desktop`).
// It runs the suites in the folder named after the opened fixture workspace, and writes a
// summary where the harness asked for one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface SuiteSummary {
  readonly fixture: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly { readonly title: string; readonly error: string }[];
}

/** The fixture is the opened folder's name, or the workspace file's name for multi-root fixtures. */
export function currentFixtureName(): string {
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') {
    return path.basename(workspaceFile.path).replace(/\.code-workspace$/, '');
  }
  return vscode.workspace.workspaceFolders?.[0]?.name ?? 'no-folder';
}

export async function run(): Promise<void> {
  const fixture = currentFixtureName();
  const suiteDir = path.join(__dirname, fixture);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const files = fs.existsSync(suiteDir) ? fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (files.length === 0) {
    throw new Error(`No integration suites for fixture '${fixture}' in ${suiteDir}`);
  }
  for (const file of files) {
    mocha.addFile(path.join(suiteDir, file));
  }
  // The server's extension host does not forward its console to the page, so the report
  // is also kept and written beside the summary for the harness to print.
  const reportLines: string[] = [];
  const consoleLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    reportLines.push(format(...args));
    consoleLog(...args);
  };
  const failures: { title: string; error: string }[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
    runner.on('fail', (test, error: unknown) => {
      failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
  Mocha.reporters.Base.consoleLog = consoleLog;
  const summary: SuiteSummary = {
    fixture,
    passed: stats.passes,
    failed: stats.failures,
    skipped: stats.pending,
    failures,
  };
  const resultsDir = process.env.GENAI_LIFECYCLE_RESULTS_DIR;
  if (resultsDir) {
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, `${fixture}.log`), reportLines.join('\n') + '\n');
    fs.writeFileSync(path.join(resultsDir, `${fixture}.json`), JSON.stringify(summary, undefined, 2));
  }
  if (stats.failures > 0) {
    throw new Error(`${stats.failures} integration test(s) failed in fixture '${fixture}'`);
  }
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
