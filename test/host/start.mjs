#!/usr/bin/env node
// `npm start`: builds the extension, then serves VS Code in the browser (the VS Code server
// from code-server, on 127.0.0.1 only) with the extension loaded on the bundled example
// project, and prints the URL. Ctrl+C stops it.
//   npm start [-- --port 8080] [-- --folder path/to/project] [-- --web]
// --web runs the extension in the browser's web worker extension host, from its `browser`
// bundle, as vscode.dev and github.dev do; without it, in the server's Node extension host.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installHost } from './install-host.mjs';
import { projectRoot } from './paths.mjs';
import { HOST, probePort, QUIET_USER_SETTINGS, startServer, webExtensionKindSettings } from './server.mjs';

const DEFAULT_PORT = 8080;
const PORT_ATTEMPTS = 20;

function option(name) {
  const args = process.argv.slice(2);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) {
    return inline.slice(name.length + 3);
  }
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function flag(name) {
  return process.argv.slice(2).includes(`--${name}`);
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function choosePort(requested) {
  for (let port = requested; port < requested + PORT_ATTEMPTS; port++) {
    if ((await probePort(port)) !== undefined) {
      if (port !== requested) {
        console.log(`Port ${requested} is in use; using ${port} instead.`);
      }
      return port;
    }
  }
  fail(`ports ${requested}-${requested + PORT_ATTEMPTS - 1} on ${HOST} are all in use. Pass another with: npm start -- --port <port>`);
}

async function main() {
  const requested = Number(option('port') ?? process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(requested) || requested < 1 || requested > 65535) {
    fail(`'${option('port') ?? process.env.PORT}' is not a port number (1-65535).`);
  }
  const folder = resolve(option('folder') ?? join(projectRoot, 'examples', 'support-assistant'));

  console.log('Building the extension...');
  if (spawnSync('node', ['esbuild.js'], { cwd: projectRoot, stdio: 'inherit' }).status !== 0) {
    fail('the build failed (see the errors above).');
  }
  installHost();

  // The extension is "installed" by linking this checkout into a throw-away extensions
  // folder, so a rebuild (npm run watch) plus "Developer: Reload Window" picks up changes.
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const extensionsDir = mkdtempSync(join(tmpdir(), 'genai-lifecycle-start-'));
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(projectRoot, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

  const web = flag('web');
  // VS Code's own way to move an installed extension to another host, as the tests do.
  const userSettings = web ? webExtensionKindSettings(`${manifest.publisher}.${manifest.name}`, QUIET_USER_SETTINGS) : QUIET_USER_SETTINGS;

  const port = await choosePort(requested);
  let server;
  try {
    server = await startServer({ port, defaultFolder: folder, extensionsDir, smokeTestDriver: false, userSettings });
  } catch (error) {
    rmSync(extensionsDir, { recursive: true, force: true });
    fail(error instanceof Error ? error.message : String(error));
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\nStopping VS Code...');
    await server.stop();
    rmSync(extensionsDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const where = web ? "the browser's web worker extension host, as in vscode.dev" : "the server's Node extension host";
  console.log(`\nGenAI Lifecycle is running in VS Code (${manifest.displayName} ${manifest.version}, ${where}) on ${folder}`);
  console.log(`Open: ${server.origin}/`);
  console.log('Commands and edits write to that folder\'s lifecycle.yaml. Press Ctrl+C to stop.');
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
