// The published package holds only what the extension needs at run time and its docs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipEntryNames } from './zipEntries';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const vsixPath = process.env.GENAI_LIFECYCLE_VSIX ?? path.join(projectRoot, `${manifest.name}-${manifest.version}.vsix`);

/** What may be inside `extension/` in the VSIX. */
const ALLOWED = [
  /^package\.json$/,
  // The manifest's translations and the runtime strings' bundles (l10n/bundle.l10n.json is the English one).
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^license(\.txt|\.md)?$/i,
  /^dist\/extension\.js$/,
  /^dist\/planWorker\.js$/,
  // The browser entry (vscode.dev, github.dev) and its Web Worker.
  /^dist\/web\/(extension|planWorker)\.js$/,
  /^dist\/webview\/[\w.-]+\.js$/,
  // Pictures and stylesheets only: the pages' scripts ship bundled in dist/webview, not as sources.
  /^media\/[\w.-]+\.(png|svg|css)$/,
  /^media\/walkthrough\/[\w.-]+\.md$/,
  /^schema\/[\w.-]+\.json$/,
];

describe('the packaged VSIX', () => {
  let entries: string[] = [];

  before(function () {
    if (!fs.existsSync(vsixPath)) {
      throw new Error(`${vsixPath} is missing: run \`npm run package\` first (npm test does)`);
    }
    entries = zipEntryNames(vsixPath);
  });

  it('holds only dist/, media/, schema/, package.json and the docs', () => {
    const files = entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
    const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], `unexpected files in the VSIX: ${unexpected.join(', ')}`);
    for (const required of ['package.json', 'dist/extension.js', 'dist/planWorker.js', 'dist/web/extension.js', 'dist/web/planWorker.js', 'dist/webview/chart.js', 'media/panel.css', 'media/chart.css', 'dist/webview/estimate.js', 'media/estimate.css', 'media/icon.png', 'README.md', 'CHANGELOG.md', 'LICENSE.txt', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
      assert.ok(files.some((file) => file.toLowerCase() === required.toLowerCase()), `${required} is in the VSIX`);
    }
  });

  it('holds both entries the manifest names: main (Node) and browser (web worker)', () => {
    const files = new Set(entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length)));
    const { main, browser } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { main?: string; browser?: string };
    for (const entry of [main, browser]) {
      assert.ok(entry, 'package.json names both entries');
      assert.ok(files.has(path.posix.normalize(entry)), `${entry} is in the VSIX`);
    }
  });

  it('ships the media of every walkthrough step', () => {
    const files = new Set(entries.filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length)));
    const { contributes } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      contributes: { walkthroughs?: { steps: { media: { markdown?: string; image?: string } }[] }[] };
    };
    const media = (contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown ?? step.media.image ?? ''));
    assert.ok(media.length >= 4, 'the walkthrough has its steps');
    for (const file of media) {
      assert.ok(files.has(file), `${file} is in the VSIX`);
    }
  });

  it('has nothing outside extension/ but the VSIX manifest files', () => {
    const outside = entries.filter((name) => !name.startsWith('extension/')).sort();
    assert.deepEqual(outside, ['[Content_Types].xml', 'extension.vsixmanifest']);
  });

  it('ships the production bundle (minified, no source map)', () => {
    assert.ok(!entries.some((name) => name.endsWith('.map')), 'no source maps');
    assert.ok(!entries.some((name) => name.includes('node_modules/')), 'no node_modules (the bundle holds the dependencies)');
  });
});
