// How a stage's evidence reads: its rows in the sidebar (a check or a cross), its lines in the
// hover, and the question Complete Stage asks when some of it is missing. Pure: the adapters
// look the files up and pass in what they found.

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
  return state === 'found' ? 'evidence found' : state === 'missing' ? 'evidence missing' : 'evidence, checking…';
}

/** The row's tooltip (plain text). */
export function evidenceTooltip(item: EvidenceItem): string {
  const glob = isGlobPattern(item.pattern);
  switch (item.state) {
    case 'found':
      return glob ? `Found: a file in the workspace folder matches ${item.pattern}.` : `Found: ${item.pattern} exists in the workspace folder. Click to open it.`;
    case 'missing':
      return glob ? `Missing: no file in the workspace folder matches ${item.pattern} yet.` : `Missing: ${item.pattern} does not exist in the workspace folder yet.`;
    case 'unchecked':
      return `Checking whether ${item.pattern} exists…`;
  }
}

export function evidenceAccessibilityLabel(item: EvidenceItem): string {
  return `Evidence ${item.pattern}, ${item.state === 'unchecked' ? 'not checked yet' : item.state}`;
}

/** How many missing entries the question names before it says "and N more". */
const MAX_NAMED_MISSING = 3;

/** "1 of 2 evidence items is missing: evals/report.md", asked before a stage is marked done. */
export function missingEvidenceQuestion(results: readonly EvidenceResult[]): string {
  const missing = results.filter((result) => !result.found).map((result) => result.pattern);
  const named = missing.slice(0, MAX_NAMED_MISSING);
  const more = missing.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
  return `${missing.length} of ${results.length} evidence ${results.length === 1 ? 'item' : 'items'} ${missing.length === 1 ? 'is' : 'are'} missing: ${list}`;
}

const HOVER_MARKS: Readonly<Record<EvidenceState, string>> = { found: '✓ found', missing: '✗ missing', unchecked: '… not checked yet' };

/** The hover's evidence block: a count, then one line an entry; entries are plan text, escaped. */
export function evidenceHoverMarkdown(items: readonly EvidenceItem[]): string | undefined {
  if (items.length === 0) {
    return undefined;
  }
  const found = items.filter((item) => item.state === 'found').length;
  const lines = items.map((item) => `- ${HOVER_MARKS[item.state]}: ${escapeMarkdownLine(item.pattern)}`);
  return [`**Evidence:** ${found} of ${items.length} found`, ...lines].join('\n');
}
