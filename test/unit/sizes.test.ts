import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatBytes,
  formatCount,
  formatFlops,
  formatNumber,
  formatShare,
  parseMemorySize,
  parseParameterCount,
  parseTrainableShare,
  type Result,
} from '../../src/model/domain/sizes';

function valueOf<T>(result: Result<T>): T {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value;
}

function messageOf<T>(result: Result<T>): string {
  assert.ok(!result.ok, `expected a refusal, got ${JSON.stringify(result)}`);
  return result.message;
}

/** Each input reads as its value. */
function assertReads(parser: (input: string | number) => Result<number>, cases: readonly (readonly [string | number, number])[]): void {
  for (const [input, expected] of cases) {
    assert.equal(valueOf(parser(input)), expected, String(input));
  }
}

describe('sizes', () => {
  describe('parseParameterCount', () => {
    it('reads suffixed counts exactly', () => {
      assertReads(parseParameterCount, [['8B', 8e9], ['70M', 70e6], ['1.5T', 1.5e12], ['350K', 350e3], ['6.74B', 6_740_000_000], ['1.50K', 1500], [' 65B ', 65e9]]);
    });

    it('reads whole numbers, as text or as YAML numbers, and scientific notation', () => {
      assertReads(parseParameterCount, [['7000000000', 7e9], [7_000_000_000, 7e9], ['7e9', 7e9], ['1.5E12', 1.5e12]]);
    });

    const refused: readonly (string | number)[] = [
      '8 billion', '8BB', '-1B', '0B', '0', '', '   ', 'NaN', '8b', '70m', '8 B', '1.2345K', '7.5', '1e-3', '7,000,000,000',
      '7_000_000_000', 'B', '.5B', '1e9B', '99999T', 'eight', -5, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY,
    ];
    for (const input of refused) {
      it(`refuses ${JSON.stringify(String(input))} and says what it accepts`, () => {
        const message = messageOf(parseParameterCount(input));
        assert.match(message, /8B|more than zero|counted exactly/);
      });
    }

    it('reads back what formatCount writes for whole counts (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', 'K', 'M', 'B', 'T'), (digits, suffix) => {
          const text = `${digits}${suffix}`;
          const count = valueOf(parseParameterCount(text));
          assert.equal(formatCount(count), text);
        }),
      );
    });
  });

  describe('parseMemorySize', () => {
    it('reads decimal and binary units', () => {
      assertReads(parseMemorySize, [['80GB', 80e9], ['80 GB', 80e9], ['141GB', 141e9], ['512MB', 512e6], ['24 GiB', 24 * 2 ** 30], ['1.5TB', 1.5e12]]);
    });

    for (const input of ['80G', '80', '80gb', '80 Gb', '80 gigabytes', '-80GB', '0GB', 'GB', '', 80]) {
      it(`refuses ${JSON.stringify(String(input))} and names the units`, () => {
        assert.match(messageOf(parseMemorySize(input)), /GiB|more than zero/);
      });
    }

    it('explains why a bare G is refused', () => {
      assert.match(messageOf(parseMemorySize('80G')), /decimal or binary/);
    });
  });

  describe('parseTrainableShare', () => {
    it('reads percentages and fractions below 1', () => {
      assertReads(parseTrainableShare, [['1%', 0.01], ['0.5%', 0.005], ['100%', 1], [0.01, 0.01], ['0.01', 0.01], [1e-7, 1e-7]]);
    });

    it('refuses 1, which reads as 1% as easily as all, and says how to write either', () => {
      assert.match(messageOf(parseTrainableShare(1)), /1% or 100%/);
      assert.match(messageOf(parseTrainableShare('5')), /5%/);
    });

    for (const input of ['0%', '101%', '-1%', 'one percent', '', '0', 0, -0.1, Number.NaN]) {
      it(`refuses ${JSON.stringify(String(input))}`, () => {
        assert.ok(messageOf(parseTrainableShare(input)).length > 0);
      });
    }
  });

  describe('formatting', () => {
    // Three significant digits throughout; decimal units for bytes; the parser's suffixes for counts.
    const cases: readonly (readonly [(value: number) => string, number, string])[] = [
      [formatBytes, 1.4e10, '14 GB'],
      [formatBytes, 4.29e10, '42.9 GB'],
      [formatBytes, 3.5e9, '3.5 GB'],
      [formatBytes, 123_456_789, '123 MB'],
      [formatBytes, 999.6e9, '1 TB'],
      [formatBytes, 1.3e12, '1.3 TB'],
      [formatBytes, 512, '512 bytes'],
      [formatBytes, 0, '0 bytes'],
      [formatCount, 7e9, '7B'],
      [formatCount, 1.4e12, '1.4T'],
      [formatCount, 6.74e9, '6.74B'],
      [formatCount, 350, '350'],
      [formatFlops, 5.9e23, '5.9e23 FLOPs'],
      [formatFlops, 5.88e23, '5.88e23 FLOPs'],
      [formatFlops, 0, '0 FLOPs'],
      [formatNumber, 6805.5, '6,810'],
      [formatNumber, 2.5, '2.5'],
      [formatShare, 0.01, '1%'],
      [formatShare, 0.005, '0.5%'],
    ];
    for (const [format, value, text] of cases) {
      it(`${format.name}(${String(value)}) is ${text}`, () => {
        assert.equal(format(value), text);
      });
    }
  });
});
