// Unit tests of the harness's own logic (plain Node, run with the unit tests).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standaloneNpmEnv } from './npmEnv.mjs';

describe('standaloneNpmEnv (the test host install inside npm start / npm test)', () => {
  it('drops what the outer npm run says about itself', () => {
    const env = standaloneNpmEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      INIT_CWD: '/work/main',
      NODE: '/usr/bin/node',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_config_local_prefix: '/work/main',
      npm_config_prefix: '/usr',
      npm_config_global_prefix: '/usr',
      npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
      npm_config_nodedir: '/usr',
      npm_config_loglevel: 'silent',
      npm_config_allow_scripts: '',
      npm_config_omit: 'dev',
      npm_command: 'run',
      npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
      npm_node_execpath: '/usr/bin/node',
      npm_lifecycle_event: 'start',
      npm_lifecycle_script: 'node test/host/start.mjs',
      npm_package_json: '/work/main/package.json',
      npm_package_name: 'genai-lifecycle',
      NPM_CONFIG_USER_AGENT: 'npm/11 node/v20',
    });
    assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/root' });
  });

  it("keeps the user's registry, proxy, certificate, auth and cache settings", () => {
    const kept = {
      npm_config_registry: 'https://registry.example/',
      NPM_CONFIG_HTTPS_PROXY: 'http://proxy:3128',
      npm_config_proxy: 'http://proxy:3128',
      npm_config_noproxy: 'localhost',
      npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
      npm_config_strict_ssl: 'true',
      npm_config_cache: '/root/.npm',
      npm_config_userconfig: '/root/.npmrc',
      'npm_config_@acme:registry': 'https://npm.acme.example/',
      'npm_config_//npm.acme.example/:_authToken': 'secret',
      'NPM_CONFIG_FETCH-RETRIES': '5',
      NODE_OPTIONS: '--max-old-space-size=4096',
    };
    assert.deepEqual(standaloneNpmEnv(kept), kept);
  });

  it('lets an npm run inside npm see its own Node, not the outer one', function () {
    this.timeout(60_000);
    // The failure this prevents: npm takes an inherited npm_config_user_agent as configuration.
    const dir = mkdtempSync(join(tmpdir(), 'genai-lifecycle-npmenv-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, scripts: { ua: 'node -e "console.log(process.env.npm_config_user_agent)"' } }));
      const outer = { ...process.env, npm_config_user_agent: 'npm/0.0.0 node/v1.2.3 linux x64', npm_config_local_prefix: '/nowhere' };
      const run = (env) => spawnSync('npm', ['run', '--silent', 'ua'], { cwd: dir, env, encoding: 'utf8' });
      assert.match(run(outer).stdout, /node\/v1\.2\.3/, 'npm reads an inherited user agent (the bug)');
      const inner = run(standaloneNpmEnv(outer));
      assert.equal(inner.status, 0, inner.stderr);
      assert.match(inner.stdout, new RegExp(`node/${process.version.replace(/\./g, '\\.')}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
