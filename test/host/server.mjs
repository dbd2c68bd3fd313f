// Starts and stops the real VS Code server (from code-server) on loopback for tests and `npm start`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostPaths } from './paths.mjs';

export const HOST = '127.0.0.1';

/** Resolves with `port` if it can be bound on loopback, else undefined. */
export function probePort(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, HOST, () => {
      const bound = server.address().port;
      server.close(() => resolve(bound));
    });
  });
}

/** A free loopback port chosen by the OS. */
export async function freePort() {
  const port = await probePort(0);
  if (port === undefined) {
    throw new Error('no free loopback port');
  }
  return port;
}

/**
 * Starts `server-main.js` with throw-away data folders. `env` reaches the extension host
 * (it is a child of the server). Returns a handle whose `stop()` ends the whole process group.
 */
/** User settings for every window this harness opens: nothing but the workbench and the extension. */
export const QUIET_USER_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
});

export async function startServer({ port, defaultFolder, extensionsDir, env = {}, smokeTestDriver = true, startTimeoutMs = 60_000, userSettings = QUIET_USER_SETTINGS, reconnectionGraceSeconds, locale } = {}) {
  const paths = hostPaths();
  const dataRoot = mkdtempSync(join(tmpdir(), 'genai-lifecycle-host-'));
  mkdirSync(join(dataRoot, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(dataRoot, 'user-data', 'User', 'settings.json'), JSON.stringify(userSettings, undefined, 2));
  const chosenPort = port ?? (await freePort());
  const args = [
    paths.serverMain,
    '--host', HOST,
    '--port', String(chosenPort),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir', join(dataRoot, 'user-data'),
    '--server-data-dir', join(dataRoot, 'server-data'),
    '--extensions-dir', extensionsDir ?? join(dataRoot, 'extensions'),
  ];
  if (reconnectionGraceSeconds !== undefined) {
    // A closed test window's extension host would otherwise live on for 3 hours, and every
    // earlier fixture's host would compete for the CPU with the next one.
    args.push('--reconnection-grace-time', String(reconnectionGraceSeconds));
  }
  if (locale) {
    // The display language of every window, ahead of argv.json, the `vscode.nls.locale` cookie
    // and Accept-Language. The cookie is no way to pick it per window here: VS Code 1.139 reads
    // argv.json first and takes a missing file as "en" (webClientServer), so the cookie is never asked.
    // A non-English locale also needs a language pack in `userDataDir` (languagepacks.json).
    args.push('--locale', locale);
  }
  if (smokeTestDriver) {
    // Makes the workbench honour the `payload` query (extension development + tests).
    args.push('--enable-smoke-test-driver');
  }
  if (defaultFolder) {
    args.push('--default-folder', defaultFolder);
  }
  const child = spawn(paths.node, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logLines = [];
  let exited = false;
  const onData = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) {
        logLines.push(line);
      }
    }
    if (logLines.length > 2000) {
      logLines.splice(0, logLines.length - 2000);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const handle = {
    port: chosenPort,
    origin: `http://${HOST}:${chosenPort}`,
    // Also the server's `userDataPath` (server-main.js takes `--user-data-dir` when given), where
    // it looks for language packs (languagepacks.json) and writes their generated translations.
    userDataDir: join(dataRoot, 'user-data'),
    userSettings,
    log: () => logLines.join('\n'),
    async stop() {
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
        }, 5000);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + startTimeoutMs;
  while (!logLines.some((line) => line.includes('Extension host agent listening on'))) {
    if (exited) {
      await handle.stop();
      throw new Error(`VS Code server exited during start-up:\n${handle.log()}`);
    }
    if (Date.now() > deadline) {
      await handle.stop();
      throw new Error(`VS Code server did not start within ${startTimeoutMs / 1000} s:\n${handle.log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return handle;
}

/** How the web workbench names a path on this server. */
export function remoteUri(server, path) {
  return `vscode-remote://${HOST}:${server.port}${path}`;
}

/** VS Code's `hash()` of a string (src/vs/base/common/hash.ts), as its workspace ids use it. */
export function vscodeStringHash(text) {
  const step = (value, hash) => (((hash << 5) - hash + value) | 0);
  let hash = step(149417, 0);
  for (let i = 0; i < text.length; i++) {
    hash = step(text.charCodeAt(i), hash);
  }
  return hash;
}

/** The id the web workbench gives the .code-workspace it opens (`hash(uri.toString()).toString(16)`). */
export function webWorkspaceId(server, workspaceFile) {
  return vscodeStringHash(remoteUri(server, workspaceFile)).toString(16);
}

/**
 * Writes the workspace file's content into the server's cache of workspace configurations,
 * where VS Code's web workbench would put it after a first visit.
 *
 * Why: the web workbench starts a remote .code-workspace from that cache (its file system is
 * not connected yet) and reads the real file once it is. On a first visit the cache is empty,
 * so the workspace starts with no folders; when the real file arrives between the workbench
 * creating the workspace and storing it (WorkspaceService.initialize, VS Code 1.139), the
 * change is dropped and the workspace is marked complete with no folders for good: the
 * extension host then sees `workspaceFile` set and `workspaceFolders` empty forever. Measured
 * with a patched workbench: "createMulti folders=0 → file loaded folders=3 → workspace changed
 * while none was stored yet → stored with folders=0". A second visit starts from the cache
 * (the first one wrote it) and is immune, which is why a re-run always passed. Seeding the
 * cache makes every visit a second one: both sources then agree on the folders.
 */
export function seedWorkspaceConfigurationCache(server, workspaceFile) {
  const id = webWorkspaceId(server, workspaceFile);
  const cacheDir = workspaceConfigurationCacheDir(server);
  mkdirSync(join(cacheDir, id), { recursive: true });
  writeFileSync(join(cacheDir, id, 'workspace.json'), JSON.stringify({ content: readFileSync(workspaceFile, 'utf8') }));
  return id;
}

/** Where the web workbench keeps its cache of workspace configurations (user data on the server). */
export function workspaceConfigurationCacheDir(server) {
  return join(server.userDataDir, 'User', 'caches', 'CachedConfigurations', 'workspaces');
}

/**
 * The workbench URL that opens `target` (a folder, or a .code-workspace file) with a dev
 * extension and optional tests. `extensionKind: 'web'` asks for the extension in the web worker
 * extension host: the payload's `extensionDevelopmentKind` key (read by the web workbench, see
 * webExtensionKindSettings for why it is not enough on its own).
 */
export function workbenchUrl(server, { folder, workspaceFile, extensionPath, testsPath, extensionKind }) {
  const remote = (path) => remoteUri(server, path);
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
  }
  if (extensionKind === 'web') {
    payload.push(['extensionDevelopmentKind', 'web']);
  }
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const query = new URLSearchParams();
  if (workspaceFile) {
    query.set('workspace', workspaceFile);
  } else if (folder) {
    query.set('folder', folder);
  }
  query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query.toString()}`;
}

/**
 * User settings that run `extensionId` in the web worker extension host of every window opened
 * after they are written.
 *
 * Why a setting beside the payload key: the web workbench of VS Code 1.139 parses the payload's
 * `extensionDevelopmentKind` (BrowserWorkbenchEnvironmentService.resolveExtensionHostDebugEnvironment)
 * but exposes it as `extensionDevelopmentLocationKind`, while the code that places extensions
 * (ExtensionRunningLocationTracker.readExtensionKinds) reads `extensionDevelopmentKind`, which
 * only the desktop's environment service has. Measured: with the key alone, an extension with
 * both `main` and `browser` still ran in the Node host. `remote.extensionKind` goes through
 * ExtensionManifestPropertiesService.getExtensionKind, which the tracker does read.
 */
export function webExtensionKindSettings(extensionId, settings) {
  return { ...settings, 'remote.extensionKind': { [extensionId]: ['web'] } };
}

/** Replaces the server's user settings; windows opened afterwards read them. */
export function writeUserSettings(server, settings) {
  writeFileSync(join(server.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, undefined, 2));
}
