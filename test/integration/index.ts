// The integration entry of the Node extension host: the same `run()` is loaded by the real
// VS Code server's host on this machine (test/host/run-host-tests.mjs) and by
// @vscode/test-electron (`npm run test:desktop`). It loads the compiled suites in the folder
// named after the opened fixture workspace and runs them (test/integration/runner.ts). The web
// worker host gets a bundle of the same suites instead (test/integration/web/index.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { currentFixtureName, runLoadedSuites } from './runner';

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
  await runLoadedSuites(mocha, Mocha.reporters.Base, 'node');
}
