import * as assert from 'node:assert/strict';
import { describeHardware, KNOWN_GPUS, lookupGpu, resolveHardware } from '../../src/model/domain/gpus';
import type { HardwareSpec } from '../../src/model/domain/types';

function knownMemory(name: string): number | undefined {
  const lookup = lookupGpu(name);
  return lookup.kind === 'known' ? lookup.gpu.memoryBytes : undefined;
}

describe('gpus', () => {
  describe('lookupGpu', () => {
    it('knows the vendor memory of each listed card (decimal GB)', () => {
      const expected: Readonly<Record<string, number>> = {
        T4: 16e9,
        L4: 24e9,
        A10G: 24e9,
        'RTX 4090': 24e9,
        'A100 40GB': 40e9,
        'A100 80GB': 80e9,
        H100: 80e9,
        H200: 141e9,
      };
      assert.deepEqual(Object.fromEntries(KNOWN_GPUS.map((gpu) => [gpu.name, gpu.memoryBytes])), expected);
      for (const [name, bytes] of Object.entries(expected)) {
        assert.equal(knownMemory(name), bytes, name);
      }
    });

    it('ignores case, spaces, dashes and a leading vendor word', () => {
      for (const name of ['A100-80GB', 'a100 80gb', 'A100 80 GB', 'a100_80GB', 'NVIDIA A100-SXM4-80GB', 'nvidia a100 pcie 80gb']) {
        assert.equal(knownMemory(name), 80e9, name);
      }
      assert.equal(knownMemory('A100-40GB'), 40e9);
      for (const name of ['H100', 'h100', 'H100 80GB', 'NVIDIA H100 80GB HBM3', 'H100-SXM5']) {
        assert.equal(knownMemory(name), 80e9, name);
      }
      assert.equal(knownMemory('Tesla T4'), 16e9);
      assert.equal(knownMemory('NVIDIA GeForce RTX 4090'), 24e9);
      assert.equal(knownMemory('rtx-4090'), 24e9);
      assert.equal(knownMemory('h200'), 141e9);
    });

    it('calls an A100 without its size ambiguous, not known', () => {
      assert.deepEqual(lookupGpu('A100'), { kind: 'ambiguous', cards: ['A100 40GB', 'A100 80GB'] });
      assert.equal(lookupGpu('nvidia a100-sxm4').kind, 'ambiguous');
    });

    it('does not guess at other cards or sizes', () => {
      for (const name of ['H100 NVL', 'A100 60GB', 'V100', 'RTX 3090', 'MI300X', '', '4090']) {
        assert.equal(lookupGpu(name).kind, 'unknown', name);
      }
    });
  });

  describe('resolveHardware', () => {
    function resolved(spec: HardwareSpec) {
      const result = resolveHardware(spec);
      assert.ok(result.ok, result.ok ? '' : result.message);
      return result.value;
    }

    function refusal(spec: HardwareSpec): string {
      const result = resolveHardware(spec);
      assert.ok(!result.ok);
      return result.message;
    }

    it('sizes a known GPU, per GPU and in total', () => {
      assert.deepEqual(resolved({ gpu: 'A100-80GB', count: 4 }), { perGpuBytes: 80e9, count: 4, totalBytes: 320e9, from: 'known-gpu', gpuName: 'A100 80GB' });
      assert.deepEqual(resolved({ gpu: 'T4' }), { perGpuBytes: 16e9, count: 1, totalBytes: 16e9, from: 'known-gpu', gpuName: 'T4' });
    });

    it('takes the plan\u2019s memory over the table, with or without a name', () => {
      assert.deepEqual(resolved({ memoryBytes: 48e9 }), { perGpuBytes: 48e9, count: 1, totalBytes: 48e9, from: 'memory' });
      assert.deepEqual(resolved({ gpu: 'RTX A6000', memoryBytes: 48e9, count: 2 }), { perGpuBytes: 48e9, count: 2, totalBytes: 96e9, from: 'memory', gpuName: 'RTX A6000' });
      assert.equal(resolved({ gpu: 'A100', memoryBytes: 40e9 }).perGpuBytes, 40e9);
    });

    it('explains what is missing instead of guessing', () => {
      assert.match(refusal({ gpu: 'A100' }), /A100 40GB or A100 80GB.*memory:/);
      assert.match(refusal({ gpu: 'MI300X' }), /"MI300X" is not a GPU we know.*memory:.*T4/);
      assert.match(refusal({}), /Name a GPU/);
      assert.match(refusal({ gpu: '  ' }), /Name a GPU/);
      assert.match(refusal({ gpu: 'T4', count: 0 }), /count 0/);
      assert.match(refusal({ gpu: 'T4', count: 1.5 }), /count 1.5/);
      assert.match(refusal({ memoryBytes: -1 }), /memory -1/);
    });
  });

  it('describes hardware in one phrase', () => {
    assert.equal(describeHardware({ perGpuBytes: 80e9, count: 1, totalBytes: 80e9, from: 'known-gpu', gpuName: 'A100 80GB' }), '1 × A100 80GB (80 GB)');
    assert.equal(describeHardware({ perGpuBytes: 48e9, count: 2, totalBytes: 96e9, from: 'memory' }), '2 × GPU (48 GB each, 96 GB in all)');
  });
});
