// A stage's `evidence:` entries: workspace-relative paths or globs of what proves the stage done.
// This decides, without touching the file system, whether an entry may be looked up at all.
// The plan file is shared through the repository, so an entry is untrusted text: anything that
// could name a file outside the workspace folder is refused with a message and never read.
// (Adapters still confine what a glob finds to the folder: this is the first line, not the only.)

import * as l10n from '@vscode/l10n';
import picomatch from 'picomatch/posix';

export type EvidenceEntryCheck =
  /** `path` is the entry normalized (`./`, `.` and empty segments gone, inner `..` resolved); globs keep their pattern text. */
  | { readonly ok: true; readonly path: string; readonly glob: boolean }
  | { readonly ok: false; readonly message: string };

/** What an adapter found for one entry, for reports and views. */
export interface EvidenceResult {
  readonly pattern: string;
  readonly found: boolean;
}

/** The characters that make an entry a glob rather than one file's path. */
const GLOB_CHARS = /[*?[{]/;

export function isGlobPattern(entry: string): boolean {
  return GLOB_CHARS.test(entry);
}

export const EVIDENCE_MESSAGES = {
  get empty() {
    return l10n.t('The evidence entry is empty: name a file or a glob inside the workspace folder.');
  },
  get control() {
    return l10n.t('The evidence entry contains a control character.');
  },
  get backslash() {
    return l10n.t('The evidence entry uses a backslash: write paths with forward slashes, relative to the workspace folder.');
  },
  get absolute() {
    return l10n.t('The evidence entry is an absolute path: write it relative to the workspace folder.');
  },
  get home() {
    return l10n.t('The evidence entry starts from a home folder (~): write it relative to the workspace folder.');
  },
  get colon() {
    return l10n.t('The evidence entry contains a colon (a drive letter or a URL): write a path relative to the workspace folder.');
  },
  get escapes() {
    return l10n.t('The evidence entry leaves the workspace folder through "..": evidence must live inside it.');
  },
  get dots() {
    return l10n.t('Part of the evidence entry is only dots and spaces ("...", ".. "), which Windows may read as "..": write the real folder name.');
  },
  get globDotDot() {
    return l10n.t('The evidence pattern uses "..": a glob must stay below the workspace folder, so write it without "..".');
  },
  get folderItself() {
    return l10n.t('The evidence entry names the workspace folder itself: name a file or a glob inside it.');
  },
};

/**
 * Whether `entry` may be looked up, and how. Refused: control characters, backslashes (a
 * separator on Windows, so `..\..` would escape), absolute paths (`/`, `//server`), a leading `~`,
 * colons (drive letters `C:`, URLs `file:`), parts made only of dots and spaces besides `.` and
 * `..` (Windows trims trailing dots and spaces), a plain path whose `..` climbs above the folder,
 * and any `..` in a glob (brace alternatives included), since a pattern is not resolved here.
 */
export function checkEvidenceEntry(entry: string): EvidenceEntryCheck {
  const text = entry.trim();
  const refusal = refusalOf(text);
  if (refusal !== undefined) {
    return { ok: false, message: refusal };
  }
  const segments = text.split('/').filter((segment) => segment !== '' && segment !== '.');
  // `{..,docs}` expands to `..`, so a glob's brace alternatives are checked one by one.
  const glob = isGlobPattern(text);
  const pieces = glob ? segments.flatMap((segment) => segment.split(/[{},]/)) : segments;
  if (pieces.some((piece) => piece !== '.' && piece !== '..' && /^[. ]+$/.test(piece))) {
    return { ok: false, message: EVIDENCE_MESSAGES.dots };
  }
  if (glob) {
    return pieces.includes('..') ? { ok: false, message: EVIDENCE_MESSAGES.globDotDot } : { ok: true, path: segments.join('/'), glob: true };
  }
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment !== '..') {
      resolved.push(segment);
    } else if (resolved.pop() === undefined) {
      return { ok: false, message: EVIDENCE_MESSAGES.escapes };
    }
  }
  return resolved.length === 0 ? { ok: false, message: EVIDENCE_MESSAGES.folderItself } : { ok: true, path: resolved.join('/'), glob: false };
}

/** The first reason the text cannot be a workspace-relative entry, checked on the raw text. */
function refusalOf(text: string): string | undefined {
  if (text === '') {
    return EVIDENCE_MESSAGES.empty;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    return EVIDENCE_MESSAGES.control;
  }
  if (text.includes('\\')) {
    return EVIDENCE_MESSAGES.backslash;
  }
  if (text.startsWith('/')) {
    return EVIDENCE_MESSAGES.absolute;
  }
  if (text.startsWith('~')) {
    return EVIDENCE_MESSAGES.home;
  }
  return text.includes(':') ? EVIDENCE_MESSAGES.colon : undefined;
}

/**
 * Matches folder-relative paths against an accepted glob entry, as VS Code's file search would:
 * case-sensitive, `*` not crossing `/`, dot files included. For file systems with no search
 * provider, where the adapter walks the folder itself.
 */
export function evidenceGlobMatcher(globPath: string): (relativePath: string) => boolean {
  return picomatch(globPath, { dot: true, posix: true });
}

/** The folder an entry's file lives under: a glob's path before its first glob segment, a path's parent folder. */
export function evidenceGlobBase(globPath: string): string {
  const segments = globPath.split('/');
  const firstGlob = segments.findIndex(isGlobPattern);
  return segments.slice(0, firstGlob === -1 ? segments.length - 1 : firstGlob).join('/');
}
