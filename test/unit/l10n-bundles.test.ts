// The translations stay in step with the source: the committed English bundle is what
// `npm run l10n:export` makes from the code now, every translation only has keys the English
// files have and keeps each key's `{n}` placeholders and command links, and every `%key%` of
// package.json has its English text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { MANIFEST_NLS, ROOT } from './manifest';

type Bundle = Record<string, string | { message: string; comment: string[] }>;

const L10N = path.join(ROOT, 'l10n');

function readJson(file: string): Bundle {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle;
}

/** The folders `npm run l10n:export` reads, as in package.json's script. */
const EXPORTED_FOLDERS = ['src', path.join('media', 'page')];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

function messageOf(value: Bundle[string]): string {
  return typeof value === 'string' ? value : value.message;
}

/** What must survive translation: `{0}`-style placeholders and `(command:…)` link targets, each counted. */
function invariantParts(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|\(command:[^)\s]+\)/g)].map((match) => match[0]).sort();
}

/** Translations shipped: `<base>.<locale>.json` beside the English `<base>.json`. */
function translationsOf(folder: string, base: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.json') && name !== `${base}.json`)
    .map((name) => path.join(folder, name));
}

function checkTranslation(english: Bundle, file: string): void {
  const translated = readJson(file);
  const name = path.relative(ROOT, file);
  const extra = Object.keys(translated).filter((key) => !(key in english));
  assert.deepEqual(extra, [], `${name} has keys the English file lacks (stale or misspelt)`);
  for (const [key, value] of Object.entries(translated)) {
    assert.equal(typeof value, 'string', `${name}: "${key}" is a plain string`);
    assert.deepEqual(invariantParts(messageOf(value)), invariantParts(messageOf(english[key])), `${name}: "${key}" keeps its placeholders and command links`);
  }
  // Flat and sorted, so translations from several branches merge as a union of lines.
  const keys = Object.keys(translated);
  assert.deepEqual(keys, [...keys].sort(), `${name} keeps its keys sorted`);
}

describe('localization bundles', () => {
  it('l10n/bundle.l10n.json is what `npm run l10n:export` makes from the source now', async function () {
    this.timeout(60_000);
    const files = EXPORTED_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    const exported = await getL10nJson(files.map((file) => ({ contents: fs.readFileSync(file, 'utf8'), extension: path.extname(file) })));
    assert.deepEqual(readJson(path.join(L10N, 'bundle.l10n.json')), exported, 'run `npm run l10n:export` and commit l10n/bundle.l10n.json');
  });

  it('each l10n translation has only English keys, each with its placeholders', () => {
    const english = readJson(path.join(L10N, 'bundle.l10n.json'));
    const translations = translationsOf(L10N, 'bundle.l10n');
    assert.ok(translations.some((file) => file.endsWith('bundle.l10n.zh-cn.json')), 'Simplified Chinese ships');
    for (const file of translations) {
      checkTranslation(english, file);
    }
  });

  it('each package.nls translation has only English keys, each with its placeholders and command links', () => {
    const translations = translationsOf(ROOT, 'package.nls');
    assert.ok(translations.some((file) => file.endsWith('package.nls.zh-cn.json')), 'Simplified Chinese ships');
    for (const file of translations) {
      checkTranslation(MANIFEST_NLS, file);
    }
  });

  it('every %key% in package.json has its English text, and every English text is used', () => {
    const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    assert.deepEqual([...used].filter((key) => !(key in MANIFEST_NLS)), [], 'placeholders without English text');
    assert.deepEqual(Object.keys(MANIFEST_NLS).filter((key) => !used.has(key)), [], 'package.nls.json keys no placeholder uses');
  });

  it('package.json points VS Code at the bundles', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });
});
