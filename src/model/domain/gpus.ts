// GPUs the estimator knows by name, with their memory per card (vendor specifications,
// decimal GB), and how a plan's `hardware:` becomes memory to check an estimate against.
// Names match loosely (case, spaces and dashes do not matter; a leading NVIDIA, Tesla or
// GeForce is dropped) but never by guess: an A100 without its size is not known.

import * as l10n from '@vscode/l10n';
import { accept, formatBytes, refuse, type Result } from './sizes';
import type { HardwareSpec } from './types';

const GB = 1e9;

export interface KnownGpu {
  /** How we write it back (in messages and tables). */
  readonly name: string;
  readonly memoryBytes: number;
  /** Other names for the same card, e.g. as `nvidia-smi` prints it. */
  readonly aliases: readonly string[];
}

/** Memory per card from the vendors' specifications. */
export const KNOWN_GPUS: readonly KnownGpu[] = [
  { name: 'T4', memoryBytes: 16 * GB, aliases: [] },
  { name: 'L4', memoryBytes: 24 * GB, aliases: [] },
  { name: 'A10G', memoryBytes: 24 * GB, aliases: [] },
  { name: 'RTX 4090', memoryBytes: 24 * GB, aliases: [] },
  { name: 'A100 40GB', memoryBytes: 40 * GB, aliases: ['A100 SXM4 40GB', 'A100 PCIe 40GB'] },
  { name: 'A100 80GB', memoryBytes: 80 * GB, aliases: ['A100 SXM4 80GB', 'A100 PCIe 80GB'] },
  // H100 NVL (94 GB) is a different card: it is deliberately not an alias.
  { name: 'H100', memoryBytes: 80 * GB, aliases: ['H100 SXM5', 'H100 PCIe', 'H100 80GB HBM3'] },
  { name: 'H200', memoryBytes: 141 * GB, aliases: [] },
];

/** Names that stand for more than one card: the memory decides, so the plan must say it. */
const AMBIGUOUS_NAMES: readonly { readonly names: readonly string[]; readonly cards: readonly string[] }[] = [
  { names: ['A100', 'A100 SXM4', 'A100 PCIe'], cards: ['A100 40GB', 'A100 80GB'] },
];

/** Lower case, letters and digits only, without a leading vendor or product-line word. */
export function normalizeGpuName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^(?:nvidia|tesla|geforce)+/, '');
}

/** Every spelling a card answers to: its name and aliases, each also with its memory appended. */
function keysOf(gpu: KnownGpu): string[] {
  const label = `${String(gpu.memoryBytes / GB)}GB`;
  return [gpu.name, ...gpu.aliases].flatMap((name) => (/\d\s*GB/i.test(name) ? [name] : [name, `${name} ${label}`])).map(normalizeGpuName);
}

const BY_KEY: ReadonlyMap<string, KnownGpu> = new Map(KNOWN_GPUS.flatMap((gpu) => keysOf(gpu).map((key) => [key, gpu] as const)));

const AMBIGUOUS_BY_KEY: ReadonlyMap<string, readonly string[]> = new Map(
  AMBIGUOUS_NAMES.flatMap((entry) => entry.names.map((name) => [normalizeGpuName(name), entry.cards] as const)),
);

export type GpuLookup =
  | { readonly kind: 'known'; readonly gpu: KnownGpu }
  | { readonly kind: 'ambiguous'; readonly cards: readonly string[] }
  | { readonly kind: 'unknown' };

export function lookupGpu(name: string): GpuLookup {
  const key = normalizeGpuName(name);
  const gpu = BY_KEY.get(key);
  if (gpu) {
    return { kind: 'known', gpu };
  }
  const cards = AMBIGUOUS_BY_KEY.get(key);
  return cards ? { kind: 'ambiguous', cards } : { kind: 'unknown' };
}

/** The memory an estimate is checked against. */
export interface HardwareMemory {
  readonly perGpuBytes: number;
  readonly count: number;
  readonly totalBytes: number;
  /** The card's name as we write it when it was known, else the plan's text, if any. */
  readonly gpuName?: string;
  /** Where the per-GPU figure came from: the plan's `memory:`, or our table of known GPUs. */
  readonly from: 'memory' | 'known-gpu';
}

const KNOWN_LIST = KNOWN_GPUS.map((gpu) => gpu.name).join(', ');

/**
 * Memory per GPU and in total. The plan's `memory:` wins over the table (the team knows its
 * cards); without it the GPU name must be a known one. `count` defaults to 1.
 */
export function resolveHardware(spec: HardwareSpec): Result<HardwareMemory> {
  const count = spec.count ?? 1;
  if (!Number.isSafeInteger(count) || count < 1) {
    return refuse(l10n.t('The GPU count {0} is not a whole number of at least 1.', String(count)));
  }
  const gpuName = spec.gpu?.trim() || undefined;
  const from = (perGpuBytes: number, source: HardwareMemory['from'], name: string | undefined): Result<HardwareMemory> =>
    accept({ perGpuBytes, count, totalBytes: perGpuBytes * count, from: source, ...(name === undefined ? {} : { gpuName: name }) });
  if (spec.memoryBytes !== undefined) {
    if (!Number.isFinite(spec.memoryBytes) || spec.memoryBytes <= 0) {
      return refuse(l10n.t('The GPU memory {0} is not a size above zero.', String(spec.memoryBytes)));
    }
    const lookup = gpuName === undefined ? undefined : lookupGpu(gpuName);
    return from(spec.memoryBytes, 'memory', lookup?.kind === 'known' ? lookup.gpu.name : gpuName);
  }
  if (gpuName === undefined) {
    return refuse(l10n.t('Name a GPU (e.g. gpu: A100-80GB) or give its memory (e.g. memory: 80GB) under hardware: to check whether it fits.'));
  }
  const lookup = lookupGpu(gpuName);
  switch (lookup.kind) {
    case 'known':
      return from(lookup.gpu.memoryBytes, 'known-gpu', lookup.gpu.name);
    case 'ambiguous':
      return refuse(
        l10n.t('"{0}" comes in more than one size ({1}): name the size (e.g. {2}) or give memory: under hardware:.', gpuName, lookup.cards.join(l10n.t(' or ')), lookup.cards[lookup.cards.length - 1]),
      );
    case 'unknown':
      return refuse(l10n.t('"{0}" is not a GPU we know the memory of: give memory: under hardware: (e.g. memory: 80GB), or use one of {1}.', gpuName, KNOWN_LIST));
  }
}

/** `1 × A100 80GB (80 GB)`, `2 × GPU (48 GB each, 96 GB in all)`: hardware in one phrase. */
export function describeHardware(hardware: HardwareMemory): string {
  const memory = hardware.count === 1 ? formatBytes(hardware.perGpuBytes) : l10n.t('{0} each, {1} in all', formatBytes(hardware.perGpuBytes), formatBytes(hardware.totalBytes));
  return `${String(hardware.count)} × ${hardware.gpuName ?? 'GPU'} (${memory})`;
}
