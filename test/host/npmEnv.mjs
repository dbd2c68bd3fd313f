// The environment for an npm install that is a project of its own (the test host in
// `.vscode-test/`), started from inside `npm start`, `npm test` or any other npm script.
//
// npm exports its own run into the script's environment: `npm_config_*` for every setting it
// resolved (npm reads them back as configuration), plus `npm_package_*`, `npm_lifecycle_*`,
// `npm_command`, `npm_execpath`, `npm_node_execpath`, `INIT_CWD` and `NODE`. An inner npm
// inherits them and takes them as its own. Several are wrong for it: `user_agent` names the
// outer Node (code-server's postinstall reads the Node version from it and refuses Node 20),
// `local_prefix`/`prefix` point at the outer project, `node_gyp`/`nodedir` at the outer Node's
// tools and headers, and flags such as `loglevel`, `omit` or `allow_scripts` were meant for the
// outer command. So the inner install sees only what a user sets to reach the registry from
// their machine (registry, proxies, certificates, auth, cache, retries): the same values a
// plain `npm install` in a terminal would read from the shell and the npmrc files anyway.

/** npm settings (lower case, `_` for `-`) that describe the user's machine and network, not the outer run. */
const MACHINE_SETTINGS = new Set([
  'registry',
  'proxy',
  'https_proxy',
  'http_proxy',
  'noproxy',
  'cafile',
  'ca',
  'cert',
  'key',
  'strict_ssl',
  'local_address',
  'cache',
  'offline',
  'prefer_offline',
  'prefer_online',
  'userconfig',
  'globalconfig',
  'fetch_retries',
  'fetch_retry_factor',
  'fetch_retry_mintimeout',
  'fetch_retry_maxtimeout',
  'fetch_timeout',
  'maxsockets',
]);

/** Variables npm sets for a script that are not `npm_*`: where it was run from, and which Node ran it. */
const RUN_VARIABLES = new Set(['INIT_CWD', 'NODE']);

const CONFIG_PREFIX = 'npm_config_';

/** True for an npm setting that configures how this machine reaches a registry. */
export function isMachineSetting(name) {
  const key = name.slice(CONFIG_PREFIX.length).toLowerCase().replace(/-/g, '_');
  // Scoped registries (`@scope:registry`) and per-registry auth (`//host/:_authToken`).
  return MACHINE_SETTINGS.has(key) || /^@[^:]+:registry$/.test(key) || key.startsWith('//');
}

/**
 * `env` without what an enclosing npm run put there, keeping the user's registry, proxy,
 * certificate, auth and cache settings. Variable names are matched case-insensitively, as npm
 * reads `NPM_CONFIG_X` and `npm_config_x` alike.
 */
export function standaloneNpmEnv(env = process.env) {
  const result = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || RUN_VARIABLES.has(name)) {
      continue;
    }
    const lower = name.toLowerCase();
    if (lower.startsWith('npm_') && !(lower.startsWith(CONFIG_PREFIX) && isMachineSetting(name))) {
      continue;
    }
    result[name] = value;
  }
  return result;
}
