// How a stage's evidence reads: its rows in the sidebar (a check or a cross), its lines in the
// hover, and the question Complete Stage asks when some of it is missing. Pure: the adapters
// look the files up and pass in what they found.

import * as l10n from '@vscode/l10n';
import { isGlobPattern, type EvidenceResult } from '../domain/evidence';
import { escapeMarkdownLine } from './markdown';
import type { StatusLook } from './treeLabels';

/** What is known of one entry: a file (or a glob's match) was found, none was, or the first check has not ended. */
export type EvidenceState = 'found' | 'missing' | 'unchecked';

/** One entry of a stage's `evidence:` and what is known of it. */
export interface EvidenceItem {
  readonly pattern: string;
  readonly state: EvidenceState;
}

/** A check or a cross (shapes differ, for high-contrast themes), as the status icons do. */
export const EVIDENCE_LOOKS: Readonly<Record<EvidenceState, StatusLook>> = {
  found: { icon: 'check', color: 'testing.iconPassed' },
  missing: { icon: 'close', color: 'testing.iconFailed' },
  unchecked: { icon: 'circle-large-outline', color: undefined },
};

/** A stage's entries with what a lookup knows of each (undefined: not checked yet). */
export function evidenceItems(entries: readonly string[], found: (pattern: string) => boolean | undefined): EvidenceItem[] {
  return entries.map((pattern) => {
    const known = found(pattern);
    return { pattern, state: known === undefined ? 'unchecked' : known ? 'found' : 'missing' };
  });
}

/** The row's description, beside the entry's path or glob. */
export function evidenceDescription(state: EvidenceState): string {
  return state === 'found' ? l10n.t('evidence found') : state === 'missing' ? l10n.t('evidence missing') : l10n.t('evidence, checking…');
}

/** The row's tooltip (plain text). */
export function evidenceTooltip(item: EvidenceItem): string {
  const glob = isGlobPattern(item.pattern);
  switch (item.state) {
    case 'found':
      return glob
        ? l10n.t('Found: a file in the workspace folder matches {0}.', item.pattern)
        : l10n.t('Found: {0} exists in the workspace folder. Click to open it.', item.pattern);
    case 'missing':
      return glob
        ? l10n.t('Missing: no file in the workspace folder matches {0} yet.', item.pattern)
        : l10n.t('Missing: {0} does not exist in the workspace folder yet.', item.pattern);
    case 'unchecked':
      return l10n.t('Checking whether {0} exists…', item.pattern);
  }
}

export function evidenceAccessibilityLabel(item: EvidenceItem): string {
  switch (item.state) {
    case 'found':
      return l10n.t('Evidence {0}, found', item.pattern);
    case 'missing':
      return l10n.t('Evidence {0}, missing', item.pattern);
    case 'unchecked':
      return l10n.t('Evidence {0}, not checked yet', item.pattern);
  }
}

/** How many missing entries the question names before it says "and N more". */
const MAX_NAMED_MISSING = 3;

/** "1 of 2 evidence items is missing: evals/report.md", asked before a stage is marked done. */
export function missingEvidenceQuestion(results: readonly EvidenceResult[]): string {
  const missing = results.filter((result) => !result.found).map((result) => result.pattern);
  const named = missing.slice(0, MAX_NAMED_MISSING);
  const more = missing.length - named.length;
  const separator = l10n.t(', ');
  const list = more > 0 ? l10n.t('{0} and {1} more', named.join(separator), more) : named.join(separator);
  if (results.length === 1) {
    return l10n.t('1 of 1 evidence item is missing: {0}', list);
  }
  return missing.length === 1
    ? l10n.t('1 of {0} evidence items is missing: {1}', results.length, list)
    : l10n.t('{0} of {1} evidence items are missing: {2}', missing.length, results.length, list);
}

function hoverMark(state: EvidenceState): string {
  switch (state) {
    case 'found':
      return l10n.t('✓ found');
    case 'missing':
      return l10n.t('✗ missing');
    case 'unchecked':
      return l10n.t('… not checked yet');
  }
}

/** The hover's evidence block: a count, then one line an entry; entries are plan text, escaped. */
export function evidenceHoverMarkdown(items: readonly EvidenceItem[]): string | undefined {
  if (items.length === 0) {
    return undefined;
  }
  const found = items.filter((item) => item.state === 'found').length;
  const lines = items.map((item) => `- ${hoverMark(item.state)}: ${escapeMarkdownLine(item.pattern)}`);
  return [l10n.t('**Evidence:** {0} of {1} found', found, items.length), ...lines].join('\n');
}
