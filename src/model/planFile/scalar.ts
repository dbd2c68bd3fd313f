// Writing a string as a YAML scalar that reads back as exactly that string.
// Plain when that is provably safe (checked by parsing it back under YAML 1.2 and 1.1, so
// `yes`, `on`, `1e3` or `2026-01-01` never turn into booleans, numbers or dates for any
// reader), otherwise double-quoted with escapes.

import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { isHighSurrogate, isLowSurrogate } from './text';

/** Where the scalar goes: flow collections forbid more characters in plain scalars. */
export type ScalarContext = 'block' | 'flow';

/** The quoting a scalar had in the file, so a replacement can keep it. */
export type QuoteStyle = 'plain' | 'single' | 'double';

/**
 * `value` as YAML source for a mapping value. `preferred` keeps the file's quoting when it can
 * represent the value (single quotes cannot carry escapes, so they fall back to double).
 */
export function formatScalar(value: string, context: ScalarContext, preferred: QuoteStyle = 'plain'): string {
  if (preferred === 'double') {
    return doubleQuoted(value);
  }
  if (preferred === 'single' && isPrintableSingleLine(value)) {
    return singleQuoted(value);
  }
  return isSafePlain(value, context) ? value : doubleQuoted(value);
}

export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function doubleQuoted(value: string): string {
  let quoted = '"';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    const escape = DOUBLE_QUOTE_ESCAPES.get(code);
    if (escape !== undefined) {
      quoted += escape;
    } else if (needsHexEscape(code) || isLoneSurrogate(value, index)) {
      quoted += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else if (isHighSurrogate(code)) {
      quoted += value[index] + value[index + 1]; // A valid pair: copy both halves.
      index++;
    } else {
      quoted += value[index];
    }
  }
  return `${quoted}"`;
}

const DOUBLE_QUOTE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x5c, '\\\\'],
  [0x22, '\\"'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x00, '\\0'],
]);

/** Control characters, line/paragraph separators and the BOM are escaped, never written raw. */
function needsHexEscape(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

function isLoneSurrogate(value: string, index: number): boolean {
  const code = value.charCodeAt(index);
  if (isHighSurrogate(code)) {
    return !isLowSurrogate(value.charCodeAt(index + 1));
  }
  // Low halves reached here are unpaired: a paired one is consumed with its high half.
  return isLowSurrogate(code);
}

function isPrintableSingleLine(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (needsHexEscape(code) || isLoneSurrogate(value, index)) {
      return false;
    }
    if (isHighSurrogate(code)) {
      index++;
    }
  }
  return true;
}

/** Plain only when yaml, under both YAML 1.2 and 1.1 rules, reads back the identical string. */
function isSafePlain(value: string, context: ScalarContext): boolean {
  if (value === '' || value !== value.trim() || !isPrintableSingleLine(value)) {
    return false;
  }
  const source = context === 'flow' ? `{k: ${value}}\n` : `k: ${value}\n`;
  return readsBackAs(source, value, '1.2') && readsBackAs(`%YAML 1.1\n---\n${source}`, value, '1.1');
}

function readsBackAs(source: string, expected: string, version: '1.1' | '1.2'): boolean {
  const document = parseDocument(source, { version, prettyErrors: false });
  if (document.errors.length > 0 || document.warnings.length > 0 || !isMap(document.contents)) {
    return false;
  }
  const items = document.contents.items;
  if (items.length !== 1 || !isPair(items[0])) {
    return false;
  }
  const scalar = items[0].value;
  return isScalar(scalar) && scalar.type === 'PLAIN' && scalar.value === expected;
}
