// package.json as the manifest tests read it: only the parts they check, typed.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

export interface Manifest {
  readonly contributes: {
    readonly commands: readonly { readonly command: string; readonly title: string }[];
    readonly menus: Readonly<Record<string, readonly MenuEntry[]>>;
    readonly keybindings: readonly { readonly command: string }[];
    readonly viewsWelcome: readonly { readonly contents: string }[];
  };
}

/** package.nls.json: the English text of the manifest's `%key%` placeholders. */
export const MANIFEST_NLS = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** package.json as VS Code shows it in English: every `%key%` string replaced by its package.nls.json text. */
export function readEnglishManifest(): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'), (_key, value: unknown) => {
    const placeholder = typeof value === 'string' ? /^%([^%]+)%$/.exec(value) : null;
    return placeholder ? (MANIFEST_NLS[placeholder[1]] ?? value) : value;
  });
}

export const MANIFEST = readEnglishManifest() as Manifest;
