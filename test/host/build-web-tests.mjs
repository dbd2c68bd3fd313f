// Bundles each fixture's integration suites for the web worker extension host, which has no
// Node built-ins, no node_modules and no file system: it fetches `extensionTestsPath` from the
// server and evaluates it as CommonJS, with `vscode` the only module it can require. So one
// bundle per fixture, out/test/web/<fixture>.js: mocha's browser build set up first, then the
// fixture's suites in file order, then the `run()` of test/integration/web/index.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { projectRoot } from './paths.mjs';

export const WEB_TESTS_DIR = join(projectRoot, 'out', 'test', 'web');

/** The suites read `node:assert/strict`; the npm `assert` package is its browser port. */
const assertStrictPlugin = {
  name: 'node-assert-strict',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: 'assert/strict', namespace: 'web-test-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'web-test-shim' }, () => ({
      contents: "module.exports = require('assert').strict;",
      resolveDir: projectRoot,
      loader: 'js',
    }));
    // Any other Node built-in would fail in the worker at run time: refuse it here, by name.
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} (imported by ${args.importer}) is Node-only: the web worker extension host has no Node built-ins; use vscode.workspace.fs (test/integration/files.ts) or a portable API` }],
    }));
  },
};

export function suiteFiles(fixture) {
  const dir = join(projectRoot, 'test', 'integration', fixture);
  return readdirSync(dir).filter((file) => file.endsWith('.test.ts')).sort().map((file) => join(dir, file));
}

/** Builds out/test/web/<fixture>.js for each fixture; resolves with their paths by fixture. */
export async function buildWebTestBundles(fixtures) {
  const bundles = new Map();
  await Promise.all(
    fixtures.map(async (fixture) => {
      const outfile = join(WEB_TESTS_DIR, `${fixture}.js`);
      const imports = [join(projectRoot, 'test', 'integration', 'web', 'mochaSetup.ts'), ...suiteFiles(fixture)].map((file) => `import ${JSON.stringify(file)};`);
      await esbuild.build({
        stdin: {
          contents: `${imports.join('\n')}\nexport { run } from ${JSON.stringify(join(projectRoot, 'test', 'integration', 'web', 'index.ts'))};\n`,
          resolveDir: projectRoot,
          sourcefile: `web-tests-${fixture}.ts`,
          loader: 'ts',
        },
        bundle: true,
        format: 'cjs',
        platform: 'browser',
        target: 'es2022',
        outfile,
        external: ['vscode'],
        plugins: [assertStrictPlugin],
        // The `assert` package and its `util` read Node's process for debug flags, deprecation
        // warnings and the terminal's width; in the worker there is none, so they read nothing.
        define: {
          'process.env.NODE_DEBUG': 'undefined',
          'process.emitWarning': 'undefined',
          'process.stderr': 'undefined',
        },
        logLevel: 'silent',
      });
      bundles.set(fixture, outfile);
    }),
  );
  return bundles;
}
