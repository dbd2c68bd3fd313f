// A pseudo locale for the real workbench: every English string of the extension transformed
// (letters accented, `{n}` placeholders, `$(icon)`s and command links kept), written into a
// throw-away copy of the extension, and a stand-in language pack so the VS Code server accepts
// the locale at all. What shows in plain ASCII letters afterwards bypassed localization.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';
import { PROJECT_ROOT } from './workbench';

/** The harness's pseudo-locale server (test/host/run-all.mjs): every window it serves runs in `locale`. */
export interface PseudoLocaleServer {
  readonly locale: string;
  readonly port: number;
  /** The server's `userDataPath`, where it looks for languagepacks.json. */
  readonly userDataDir: string;
}

export function pseudoLocaleServer(): PseudoLocaleServer {
  const locale = process.env.GENAI_LIFECYCLE_PSEUDO_LOCALE;
  const port = Number(process.env.GENAI_LIFECYCLE_PSEUDO_SERVER_PORT);
  const userDataDir = process.env.GENAI_LIFECYCLE_PSEUDO_SERVER_USER_DATA;
  if (!locale || !Number.isInteger(port) || port <= 0 || !userDataDir) {
    throw new Error('the pseudo-locale server is not set: run UI checks through `npm test` (test/host/run-all.mjs)');
  }
  return { locale, port, userDataDir };
}

/** English text -> its pseudo form, for the manifest (package.nls) and the runtime bundle. */
export interface PseudoStrings {
  readonly manifest: Readonly<Record<string, string>>;
  readonly bundle: Readonly<Record<string, string>>;
}

function readJson(file: string): l10nJsonFormat {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as l10nJsonFormat;
}

function asStrings(format: l10nJsonFormat): Record<string, string> {
  return Object.fromEntries(Object.entries(format).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

/**
 * Copies what the extension runs from (manifest, bundles, dist, media, schema) to a scratch
 * folder and adds `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json` there, so the
 * checkout never holds generated translations.
 */
export function pseudoLocalizedExtension(locale: string): { readonly folder: string; readonly strings: PseudoStrings } {
  const folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'genai-lifecycle-pseudo-')), 'extension');
  fs.mkdirSync(folder, { recursive: true });
  for (const entry of ['package.json', 'package.nls.json', 'dist', 'media', 'schema', 'l10n']) {
    fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(folder, entry), { recursive: true });
  }
  const manifest = asStrings(getL10nPseudoLocalized(readJson(path.join(PROJECT_ROOT, 'package.nls.json'))));
  const bundle = asStrings(getL10nPseudoLocalized(readJson(path.join(PROJECT_ROOT, 'l10n', 'bundle.l10n.json'))));
  fs.writeFileSync(path.join(folder, `package.nls.${locale}.json`), JSON.stringify(manifest, undefined, 2));
  fs.writeFileSync(path.join(folder, 'l10n', `bundle.l10n.${locale}.json`), JSON.stringify(bundle, undefined, 2));
  return { folder, strings: { manifest, bundle } };
}

/**
 * The server switches the workbench (and so the extension host's `vscode.env.language`) only to
 * a locale it has a language pack for: `languagepacks.json` in its `userDataPath`, naming a
 * `main.i18n.json` of VS Code's own messages. From it the server writes `nls.messages.js`, which
 * the page loads and which sets the workbench's language (VS Code 1.139, server-main.js). This
 * pack translates nothing of VS Code itself (its messages stay English); it only makes the
 * pseudo locale a language.
 */
export function installStandInLanguagePack(server: PseudoLocaleServer): void {
  const packDir = path.join(server.userDataDir, 'genai-lifecycle-pseudo-pack');
  fs.mkdirSync(packDir, { recursive: true });
  const coreTranslations = path.join(packDir, 'main.i18n.json');
  fs.writeFileSync(coreTranslations, JSON.stringify({ contents: {} }));
  // The pack names an extension as installed ones do: the server lists installed languages by
  // their first extension's id before scanning extensions, and with no extension it fails and
  // tries to install the locale's pack from the gallery, which leaves the window without the
  // extension under development.
  const standIn = { extensionIdentifier: { id: 'genai-lifecycle-tools.pseudo-language-pack' }, version: '0.0.0' };
  const packs = {
    [server.locale]: { hash: 'genai-lifecycle-pseudo', extensions: [standIn], translations: { vscode: coreTranslations }, label: 'Pseudo' },
  };
  fs.writeFileSync(path.join(server.userDataDir, 'languagepacks.json'), JSON.stringify(packs, undefined, 2));
}

/** Every string value in a parsed plan (titles, owners, notes, tasks, ids, paths): user data shows as written. */
export function planStrings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(planStrings);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap(planStrings);
  }
  return [];
}

/** Numbers, with the units and size suffixes the model writes after them (GB, B, K, %, …). */
const NUMBER_WITH_UNIT = /\d[\d.,]*\s?(?:[KMGT]i?B|[KMBT]|%)?(?![A-Za-z])/g;

/**
 * The lines of `text` that still hold ASCII letters once the allowed parts are taken out:
 * `userData` (the plan's own strings and the folder name, longest first) and numbers with units.
 * Pseudo-localized text has no ASCII letters, so what is left bypassed localization.
 */
export function unlocalizedLines(text: string, userData: readonly string[]): string[] {
  const phrases = [...new Set(userData.filter((phrase) => phrase.trim() !== ''))].sort((a, b) => b.length - a.length);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      let rest = line;
      for (const phrase of phrases) {
        rest = rest.split(phrase).join(' ');
      }
      return /[A-Za-z]/.test(rest.replace(NUMBER_WITH_UNIT, ' '));
    });
}
