// Bundles the extension twice: dist/extension.js (`main`: CommonJS for Node) and
// dist/web/extension.js (`browser`: the web worker extension host of vscode.dev and github.dev);
// its plan worker for each (dist/planWorker.js, a worker thread; dist/web/planWorker.js, a Web
// Worker), and each webview page's script (media/page) into dist/webview/ (one IIFE each).
// The browser bundles are built for `platform: 'browser'` with nothing external but `vscode`:
// a Node built-in anywhere in their import graph fails the build.
//   node esbuild.js               development build with sourcemaps
//   node esbuild.js --production  minified, no sourcemaps (used by vsce through vscode:prepublish)
//   node esbuild.js --watch       rebuild on change; output readable by the $esbuild-watch problem matcher
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Reports each build's start and its errors in the shape VS Code's esbuild problem
 * matchers parse (`✘ [ERROR] message` followed by `    file:line:column:`).
 * @type {import('esbuild').Plugin}
 */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/** What every bundle shares; each build below adds its platform and files. */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], format: 'cjs', platform: 'node', target: 'node18', outfile: 'dist/extension.js', external: ['vscode'] },
  // The plan worker: the model and its worker body, no `vscode`.
  { ...common, entryPoints: { planWorker: 'src/worker/main.ts' }, format: 'cjs', platform: 'node', target: 'node18', outdir: 'dist' },
  { ...common, entryPoints: ['src/extensionWeb.ts'], format: 'cjs', platform: 'browser', target: 'es2022', outfile: 'dist/web/extension.js', external: ['vscode'] },
  { ...common, entryPoints: { planWorker: 'src/worker/webMain.ts' }, format: 'iife', platform: 'browser', target: 'es2022', outdir: 'dist/web' },
  // A webview runs in VS Code's Chromium, with no module loader: one self-contained script per page.
  { ...common, entryPoints: ['media/page/chart.ts', 'media/page/estimate.ts'], format: 'iife', platform: 'browser', target: 'es2022', outdir: 'dist/webview' },
];

async function main() {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
  if (results.some((result) => result.errors.length > 0)) {
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
