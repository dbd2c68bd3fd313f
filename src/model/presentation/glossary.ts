// Finds glossary terms (and built-in stage names) in text. Hovers use the matcher on every
// hover request, so it is compiled once at module load: one regex for all terms and a map
// from a normalized spelling to its entry. The terms themselves are in `glossaryTerms.ts`.

import { CATALOG, type BuiltInStageId } from '../domain/catalog';
import { GLOSSARY, type GlossaryEntry } from './glossaryTerms';

/** A term (or stage name) found in a line of text. Offsets are UTF-16 columns in that line. */
export interface TermMatch {
  readonly start: number;
  readonly end: number;
  /** The text as written in the line. */
  readonly text: string;
  readonly stageId: BuiltInStageId;
  /** The glossary entry; undefined when the text names a built-in stage (its id or title). */
  readonly entry: GlossaryEntry | undefined;
}

type Resolution = { readonly stageId: BuiltInStageId; readonly entry: GlossaryEntry | undefined };

/** Characters that make up words; a term must not touch one on either side. */
const WORD_CHAR = 'A-Za-z0-9_';
/** Between the words of a term: nothing, spaces, hyphens or underscores ("fine-tuning" = "fine tuning" = "finetuning"). */
const WORD_GAP = '[ \\t_-]*';
/** Punctuation written inside a term ("helpful, honest, harmless"), with optional spaces around it. */
const PUNCTUATION = /^[,/&]$/;
/** Plurals: "adapters", "soft prompts", "KV caches"; acronyms take a bare "s" ("RAGs", never "rages"). */
const PLURAL = '(?:e?s)?';
const ACRONYM_PLURAL = 's?';

/** Lower-case letters and digits only, so every spelling of a term normalizes alike. */
export function normalizeTerm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function tokens(form: string): string[] {
  return form.match(/[A-Za-z0-9]+|[,/&]/g) ?? [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regex source of one spelling: flexible gaps between words, a plural after the last word. */
function formPattern(form: string): string {
  const parts = tokens(form);
  let source = '';
  parts.forEach((token, index) => {
    if (PUNCTUATION.test(token)) {
      source += `[ \\t]*${escapeRegExp(token)}[ \\t]*`;
      return;
    }
    const previous = parts[index - 1];
    if (previous !== undefined && !PUNCTUATION.test(previous)) {
      source += WORD_GAP;
    }
    source += escapeRegExp(token);
  });
  const last = parts[parts.length - 1] ?? '';
  if (!/[A-Za-z]$/.test(last)) {
    return source;
  }
  return source + (/^[A-Z0-9]+$/.test(last) ? ACRONYM_PLURAL : PLURAL);
}

interface CompiledMatcher {
  /** Global and case-insensitive: finds terms left to right. */
  readonly global: RegExp;
  /** Sticky twin of `global`, for trying one start column. */
  readonly sticky: RegExp;
  readonly byNormalized: ReadonlyMap<string, Resolution>;
  /** An upper bound on how long a match can be, so lookups only scan near the cursor. */
  readonly maxMatchLength: number;
  /** Lower-cased first characters of every spelling: other word starts cannot begin a term. */
  readonly firstChars: ReadonlySet<string>;
}

function compile(): CompiledMatcher {
  const byNormalized = new Map<string, Resolution>();
  const forms: string[] = [];
  const add = (form: string, resolution: Resolution): void => {
    const key = normalizeTerm(form);
    if (key === '') {
      return;
    }
    // First meaning wins: glossary entries come before plain stage names. Spellings that
    // differ only in punctuation ("helpful/honest/harmless") still need their own pattern.
    if (!byNormalized.has(key)) {
      byNormalized.set(key, resolution);
    }
    forms.push(form);
  };
  for (const glossaryEntry of GLOSSARY) {
    for (const form of [glossaryEntry.term, ...glossaryEntry.aliases]) {
      add(form, { stageId: glossaryEntry.stageId, entry: glossaryEntry });
    }
  }
  // Stage ids and titles name the stage itself (the English titles: the matcher is compiled at load).
  for (const stage of CATALOG) {
    for (const form of [stage.id, ...stage.englishNames]) {
      add(form, { stageId: stage.id, entry: undefined });
    }
  }
  // Regex alternation takes the first alternative that matches, so longer spellings go first:
  // at one start column the longest term wins.
  const ordered = [...forms].sort((a, b) => normalizeTerm(b).length - normalizeTerm(a).length || b.length - a.length);
  const patterns = [...new Set(ordered.map(formPattern))];
  const body = `(?<![${WORD_CHAR}])(?:${patterns.join('|')})(?![${WORD_CHAR}])`;
  const longest = forms.reduce((most, form) => Math.max(most, form.length), 0);
  return {
    global: new RegExp(body, 'gi'),
    sticky: new RegExp(body, 'yi'),
    byNormalized,
    // Gaps may be wider than written and a plural adds two characters.
    maxMatchLength: longest * 3 + 2,
    firstChars: new Set(forms.map((form) => form[0].toLowerCase())),
  };
}

const MATCHER: CompiledMatcher = compile();

function resolve(text: string): Resolution | undefined {
  const key = normalizeTerm(text);
  return MATCHER.byNormalized.get(key) ?? MATCHER.byNormalized.get(key.replace(/e?s$/, '')) ?? MATCHER.byNormalized.get(key.replace(/s$/, ''));
}

function toMatch(text: string, start: number): TermMatch | undefined {
  const resolution = resolve(text);
  return resolution && { start, end: start + text.length, text, stageId: resolution.stageId, entry: resolution.entry };
}

/** Every term in a line, left to right, longest first where terms overlap. */
export function termsInLine(lineText: string): TermMatch[] {
  const matches: TermMatch[] = [];
  const regex = new RegExp(MATCHER.global); // A copy: `lastIndex` is per-call state.
  for (let found = regex.exec(lineText); found; found = regex.exec(lineText)) {
    const match = toMatch(found[0], found.index);
    if (match) {
      matches.push(match);
    }
  }
  return matches;
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * The longest term covering `character` (a cursor column: the term's range includes both its
 * first and last column), or undefined. Only word starts a term's length before the cursor are
 * tried, so the cost does not grow with the line.
 */
export function findTermAt(lineText: string, character: number): TermMatch | undefined {
  if (character < 0 || character > lineText.length) {
    return undefined;
  }
  const sticky = new RegExp(MATCHER.sticky);
  let best: TermMatch | undefined;
  const from = Math.max(0, character - MATCHER.maxMatchLength);
  for (let start = from; start <= character && start < lineText.length; start++) {
    if (!isWordCode(lineText.charCodeAt(start)) || (start > 0 && isWordCode(lineText.charCodeAt(start - 1))) || !MATCHER.firstChars.has(lineText[start].toLowerCase())) {
      continue;
    }
    sticky.lastIndex = start;
    const found = sticky.exec(lineText);
    if (!found || start + found[0].length < character) {
      continue;
    }
    const match = toMatch(found[0], start);
    if (match && (!best || match.text.length > best.text.length)) {
      best = match;
    }
  }
  return best;
}

/** The glossary entry a spelling stands for (any alias, any case, singular or plural). */
export function lookupTerm(text: string): GlossaryEntry | undefined {
  return resolve(text)?.entry;
}

/** The built-in stage a spelling points to: a glossary term's stage, or a stage id or title. */
export function stageOfTerm(text: string): BuiltInStageId | undefined {
  return resolve(text)?.stageId;
}

/**
 * The longest of `phrases` (case-insensitive, whole words) covering `character`. For names
 * known only at run time, such as a plan's custom stages; the few phrases are compiled per call.
 */
export function findPhraseAt(lineText: string, character: number, phrases: readonly string[]): { start: number; end: number; phrase: string } | undefined {
  let best: { start: number; end: number; phrase: string } | undefined;
  for (const phrase of phrases) {
    if (tokens(phrase).length === 0) {
      continue;
    }
    const regex = new RegExp(`(?<![${WORD_CHAR}])${formPattern(phrase)}(?![${WORD_CHAR}])`, 'gi');
    for (let found = regex.exec(lineText); found; found = regex.exec(lineText)) {
      const start = found.index;
      const end = start + found[0].length;
      if (start <= character && character <= end && (!best || end - start > best.end - best.start)) {
        best = { start, end, phrase };
      }
      if (start > character) {
        break;
      }
    }
  }
  return best;
}
