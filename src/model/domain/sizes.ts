// Strict reading and plain writing of the sizes a plan gives: parameter counts (`8B`), memory
// (`80GB`, `24 GiB`) and a trainable share (`1%`). Strict means never a guess: text that could
// mean two things (`80G`, `8b`, `trainable: 1`) is refused with a message that says what to
// write instead. Decimal units count as the course does: 1 GB = 1e9 bytes.

import * as l10n from '@vscode/l10n';

/** A value read from the plan, or why it was refused (a whole sentence, ready to show). */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function accept<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refuse<T>(message: string): Result<T> {
  return { ok: false, message };
}

/** A decimal number as written: digits, an optional fraction (no sign, no exponent). */
const DECIMAL = String.raw`(\d+)(?:\.(\d+))?`;

/** Quoted input in messages, cut short so a pasted paragraph does not flood a diagnostic. */
function quoted(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed);
}

/**
 * `whole.fraction × 10^exponent` computed from the digits, so `1.5T` is exactly 1.5e12 (no
 * binary fraction ever enters); undefined when the result is not a whole number.
 */
function scaledWhole(whole: string, fraction: string | undefined, exponent: number): number | undefined {
  let digits = `${whole}${fraction ?? ''}`;
  let shift = exponent - (fraction?.length ?? 0);
  // Trailing zeros of the fraction do not make a fraction of a parameter (`1.50K` is 1500).
  while (shift < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    shift++;
  }
  return shift < 0 ? undefined : Number(digits) * 10 ** shift;
}

// ---------------------------------------------------------------------------------------------
// Parameter counts

/** Powers of ten of the count suffixes; upper case only, see `parseParameterCount`. */
const COUNT_SUFFIXES: Readonly<Record<string, number>> = { K: 3, M: 6, B: 9, T: 12 };

function parameterForms(): string {
  return l10n.t('a whole number (7000000000), scientific notation (7e9) or a number with an upper-case K, M, B or T (350K, 70M, 8B, 1.5T)');
}

/**
 * A parameter count. Accepted: a positive whole number as YAML reads it (7000000000, or 7e9
 * unquoted); text that is digits with an optional fraction and then an upper-case K, M, B or T
 * (`8B`, `1.5T`), or scientific notation with a non-negative exponent (`7e9`, the same number
 * YAML would read unquoted). Refused: words (`8 billion`), lower-case suffixes (`8b` could be
 * read as bits, `m` as milli), a space before the suffix, signs, zero, fractions of a parameter,
 * separators (`7,000,000,000`) and anything beyond 2^53 (where counting stops being exact).
 */
export function parseParameterCount(input: string | number): Result<number> {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0
      ? accept(input)
      : refuse(l10n.t('{0} is not a parameter count: write {1}.', String(input), parameterForms()));
  }
  const match = new RegExp(`^${DECIMAL}(?:[eE](\\d+)|([KMBT]))?$`).exec(input.trim());
  if (!match) {
    return /^\d+(?:\.\d+)?\s*[kmbt]$/i.test(input.trim())
      ? refuse(l10n.t('{0} is not a parameter count (the suffix is upper case, right after the number): write {1}.', quoted(input), parameterForms()))
      : refuse(l10n.t('{0} is not a parameter count: write {1}.', quoted(input), parameterForms()));
  }
  const [, whole, fraction, exponent, suffix] = match;
  if (fraction !== undefined && exponent === undefined && suffix === undefined) {
    return refuse(l10n.t('{0} is not a whole number of parameters: write {1}.', quoted(input), parameterForms()));
  }
  const value = scaledWhole(whole, fraction, exponent !== undefined ? Number(exponent) : suffix ? COUNT_SUFFIXES[suffix] : 0);
  if (value === undefined) {
    return refuse(l10n.t('{0} is not a whole number of parameters: write {1}.', quoted(input), parameterForms()));
  }
  if (value <= 0) {
    return refuse(l10n.t('{0}: a model has more than zero parameters.', quoted(input)));
  }
  if (!Number.isSafeInteger(value)) {
    return refuse(l10n.t('{0} is more parameters than can be counted exactly (at most about 9000T).', quoted(input)));
  }
  return accept(value);
}

// ---------------------------------------------------------------------------------------------
// Memory sizes

/** Bytes per unit: SI units are decimal (the course, GPU vendors), IEC units binary. */
const MEMORY_UNITS: Readonly<Record<string, number>> = {
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

function memoryForms(): string {
  return l10n.t('a number and a unit: MB, GB or TB (decimal, 1 GB = 10^9 bytes) or MiB, GiB or TiB (binary, 1 GiB = 2^30 bytes), e.g. 80GB or 24 GiB');
}

/**
 * A memory size in bytes. Accepted: digits with an optional fraction, optional spaces, and one
 * of MB, GB, TB, MiB, GiB, TiB, spelled exactly (`80GB`, `80 GB`, `24 GiB`, `1.5TB`). Refused:
 * no unit (a bare number could be bytes or gigabytes), `80G` (GB or GiB?), lower-case `gb` and
 * `Gb` (a lower-case b is a bit), zero and negatives.
 */
export function parseMemorySize(input: string | number): Result<number> {
  if (typeof input === 'number') {
    return refuse(l10n.t('{0} has no unit: write {1}.', String(input), memoryForms()));
  }
  const match = new RegExp(`^${DECIMAL}\\s*(MB|GB|TB|MiB|GiB|TiB)$`).exec(input.trim());
  if (!match) {
    return /^\d+(?:\.\d+)?\s*[MGT]$/.test(input.trim())
      ? refuse(l10n.t('{0} is not a memory size (a bare M, G or T could be decimal or binary): write {1}.', quoted(input), memoryForms()))
      : refuse(l10n.t('{0} is not a memory size: write {1}.', quoted(input), memoryForms()));
  }
  const [, whole, fraction, unit] = match;
  const bytes = Math.round(Number(`${whole}.${fraction ?? '0'}`) * MEMORY_UNITS[unit]);
  return bytes > 0 ? accept(bytes) : refuse(l10n.t('{0}: a GPU has more than zero bytes of memory.', quoted(input)));
}

// ---------------------------------------------------------------------------------------------
// Trainable share

function shareForms(): string {
  return l10n.t('a percentage (1%, 0.5%) or a fraction below 1 (0.01)');
}

/**
 * The share of parameters a parameter-efficient method trains, as a fraction in (0, 1].
 * Accepted: a percentage above 0 and at most 100 (`1%`, `0.5%`, `100%`), or a fraction strictly
 * between 0 and 1, as a number or text (`0.01`). Refused: `1` and other numbers of 1 or more,
 * because `trainable: 1` reads as "1%" as easily as "all of them" (write `1%` or `100%`).
 */
export function parseTrainableShare(input: string | number): Result<number> {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? shareFromFraction(input, String(input)) : refuse(l10n.t('{0} is not a trainable share: write {1}.', String(input), shareForms()));
  }
  const text = input.trim();
  if (new RegExp(`^${DECIMAL}\\s*%$`).test(text)) {
    const value = Number(text.slice(0, -1).trim()) / 100;
    return value > 0 && value <= 1 ? accept(value) : refuse(l10n.t('{0}: a trainable share is more than 0% and at most 100%.', quoted(text)));
  }
  return new RegExp(`^${DECIMAL}$`).test(text) ? shareFromFraction(Number(text), text) : refuse(l10n.t('{0} is not a trainable share: write {1}.', quoted(text), shareForms()));
}

function shareFromFraction(value: number, written: string): Result<number> {
  if (value >= 1) {
    return value === 1
      ? refuse(l10n.t('{0} is ambiguous as a trainable share: write 1% or 100%, or a fraction below 1 (0.01 for 1%).', quoted(written)))
      : refuse(l10n.t('{0} is ambiguous as a trainable share: write {1}%, or a fraction below 1 (0.01 for 1%).', quoted(written), written));
  }
  return value > 0 ? accept(value) : refuse(l10n.t('{0}: a trainable share is more than zero.', quoted(written)));
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Three significant digits, without trailing zeros (`14`, `42.9`, `3.5`). */
export function significant(value: number, digits = 3): string {
  return String(Number(value.toPrecision(digits)));
}

/** `value` in the largest unit that keeps it at 1 or more, with three significant digits. */
function scaled(value: number, units: readonly (readonly [number, string])[]): string {
  for (let index = units.length - 1; index >= 0; index--) {
    const [size, unit] = units[index];
    if (Math.abs(value) >= size || index === 0) {
      const rounded = Number((value / size).toPrecision(3));
      // 999.6 GB rounds to 1000 GB: say 1 TB instead.
      if (Math.abs(rounded) >= 1000 && index < units.length - 1 && units[index + 1][0] === size * 1000) {
        return `${significant(value / units[index + 1][0])}${units[index + 1][1]}`;
      }
      return `${String(rounded)}${unit}`;
    }
  }
  return String(value);
}

const BYTE_UNITS: readonly (readonly [number, string])[] = [
  [1, ' bytes'],
  [1e3, ' KB'],
  [1e6, ' MB'],
  [1e9, ' GB'],
  [1e12, ' TB'],
  [1e15, ' PB'],
];

/** Decimal units, three significant digits: `formatBytes(1.4e10)` is `14 GB`. */
export function formatBytes(bytes: number): string {
  return Math.abs(bytes) < 1 ? '0 bytes' : scaled(bytes, BYTE_UNITS);
}

const COUNT_UNITS: readonly (readonly [number, string])[] = [
  [1, ''],
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
];

/** A count with the suffixes `parseParameterCount` reads: `formatCount(7e9)` is `7B`. */
export function formatCount(count: number): string {
  return scaled(count, COUNT_UNITS);
}

/** Scientific notation, three significant digits: `formatFlops(5.88e23)` is `5.88e23 FLOPs`. */
export function formatFlops(flops: number): string {
  if (flops === 0) {
    return '0 FLOPs';
  }
  const [mantissa, exponent] = flops.toExponential(2).split('e');
  return `${String(Number(mantissa))}e${String(Number(exponent))} FLOPs`;
}

/** Three significant digits with thousands separated: `6,810`. */
export function formatNumber(value: number): string {
  const [whole, fraction] = significant(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A share as a percentage: `formatShare(0.01)` is `1%`. */
export function formatShare(share: number): string {
  return `${significant(share * 100)}%`;
}
