// `npm run test:desktop`: the same integration entry (`run()` in test/integration/index.ts),
// run by @vscode/test-electron in a downloaded desktop VS Code. Needs internet access; on
// machines without it use `npm test`, which runs the same suites in the VS Code server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const suitesRoot = path.join(projectRoot, 'out', 'test', 'integration');

function fixtures(): string[] {
  return fs
    .readdirSync(suitesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(projectRoot, 'test', 'fixtures', entry.name)))
    .map((entry) => entry.name)
    .sort();
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'genai-lifecycle-desktop-'));
  const version = process.env.VSCODE_VERSION ?? 'stable';
  let failed = 0;
  try {
    for (const fixture of fixtures()) {
      const target = path.join(scratch, fixture);
      fs.cpSync(path.join(projectRoot, 'test', 'fixtures', fixture), target, { recursive: true });
      const workspaceFile = path.join(target, `${fixture}.code-workspace`);
      console.log(`\n  desktop VS Code (${version}) · fixture ${fixture}`);
      try {
        await runTests({
          version,
          extensionDevelopmentPath: projectRoot,
          extensionTestsPath: path.join(suitesRoot, 'index.js'),
          launchArgs: [fs.existsSync(workspaceFile) ? workspaceFile : target, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
        });
      } catch {
        failed += 1;
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (failed > 0) {
    console.error(`${failed} fixture workspace(s) failed`);
    process.exit(1);
  }
}

void main();
