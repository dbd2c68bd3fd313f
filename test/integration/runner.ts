// What the integration entries of both extension hosts share: which fixture is open, running
// the suites mocha has loaded, and writing the summary and report where the harness reads them.
// No Node built-ins: the web worker extension host runs this too (test/integration/web).
import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { report, startReport } from './report';

/** The extension host the suites run in: VS Code's Node one, or its web worker one. */
export type HostKind = 'node' | 'web';

export interface SuiteSummary {
  readonly fixture: string;
  readonly kind: HostKind;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly { readonly title: string; readonly error: string }[];
}

let kindUnderTest: HostKind | undefined;

/** The host kind this run's entry is for (set as the run starts), for suites that check it. */
export function hostKindUnderTest(): HostKind {
  if (!kindUnderTest) {
    throw new Error('the suites run from an integration entry, which says its host kind');
  }
  return kindUnderTest;
}

/** The fixture is the opened folder's name, or the workspace file's name for multi-root fixtures. */
export function currentFixtureName(): string {
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') {
    return (workspaceFile.path.split('/').pop() ?? '').replace(/\.code-workspace$/, '');
  }
  return vscode.workspace.workspaceFolders?.[0]?.name ?? 'no-folder';
}

/**
 * Where a run's `<fixture>.json` and `<fixture>.log` go: out/test-results/<kind>/ in the project
 * (the extension under development), a folder both hosts reach through vscode.workspace.fs
 * (`file:` in the Node host, `vscode-remote:` in the web worker one). The harness reads the
 * same folder (test/host/run-host-tests.mjs, resultsDirFor).
 */
export function resultsFolder(kind: HostKind): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  }
  return vscode.Uri.joinPath(extension.extensionUri, 'out', 'test-results', kind);
}

/**
 * Runs the suites `mocha` has loaded, with `Base` (its reporters' base class) printing into the
 * fixture's report, then writes the summary and the report. Rejects if a test failed.
 */
export async function runLoadedSuites(mocha: Mocha, Base: typeof Mocha.reporters.Base, kind: HostKind): Promise<void> {
  kindUnderTest = kind;
  const fixture = currentFixtureName();
  const endReport = startReport();
  const consoleLog = Base.consoleLog;
  Base.consoleLog = report;
  const failures: { title: string; error: string }[] = [];
  let stats: Mocha.Stats;
  try {
    stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
      runner.on('fail', (test, error: unknown) => {
        failures.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      });
    });
  } finally {
    Base.consoleLog = consoleLog;
  }
  const summary: SuiteSummary = { fixture, kind, passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures };
  const folder = resultsFolder(kind);
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${fixture}.log`), encoder.encode(endReport().join('\n') + '\n'));
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `${fixture}.json`), encoder.encode(JSON.stringify(summary, undefined, 2)));
  if (stats.failures > 0) {
    throw new Error(`${stats.failures} integration test(s) failed in fixture '${fixture}' (${kind} extension host)`);
  }
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
