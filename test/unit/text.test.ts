import * as assert from 'node:assert/strict';
import { detectEol, exceedsUtf8Bytes, LineIndex } from '../../src/model/planFile/text';

describe('text', () => {
  describe('LineIndex', () => {
    it('converts offsets to positions and back across \\n, \\r\\n and lone \\r', () => {
      const text = 'ab\ncd\r\nef\rg';
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      const expected: Array<[number, number, number]> = [
        [0, 0, 0],
        [2, 0, 2],
        [3, 1, 0],
        [5, 1, 2],
        [7, 2, 0],
        [9, 2, 2],
        [10, 3, 0],
        [11, 3, 1],
      ];
      for (const [offset, line, character] of expected) {
        assert.deepEqual(index.positionAt(offset), { line, character }, `offset ${offset}`);
        assert.equal(index.offsetAt({ line, character }), offset, `position ${line}:${character}`);
      }
    });

    it('clamps out-of-range offsets and positions', () => {
      const index = new LineIndex('ab\r\ncd');
      assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
      assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
      assert.deepEqual(index.positionAt(Number.NaN), { line: 0, character: 0 });
      assert.equal(index.offsetAt({ line: 0, character: 50 }), 2, 'stops before the line break');
      assert.equal(index.offsetAt({ line: 9, character: 0 }), 6);
      assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
    });

    it('handles the empty text and a text ending in a line break', () => {
      assert.deepEqual(new LineIndex('').positionAt(0), { line: 0, character: 0 });
      const index = new LineIndex('a\n');
      assert.equal(index.lineCount, 2);
      assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    });

    it('stays fast on many lines (binary search)', () => {
      const text = 'x\n'.repeat(200_000);
      const index = new LineIndex(text);
      const started = Date.now();
      for (let offset = 0; offset < text.length; offset += 7) {
        index.positionAt(offset);
      }
      assert.ok(Date.now() - started < 1000);
      assert.deepEqual(index.positionAt(text.length - 1), { line: 199_999, character: 1 });
    });
  });

  it('detects the line ending from the first line break', () => {
    assert.equal(detectEol('a\r\nb\nc'), '\r\n');
    assert.equal(detectEol('a\nb\r\nc'), '\n');
    assert.equal(detectEol('no breaks'), '\n');
    assert.equal(detectEol('a\rb'), '\n');
  });

  it('measures UTF-8 size against a limit', () => {
    assert.equal(exceedsUtf8Bytes('abc', 3), false);
    assert.equal(exceedsUtf8Bytes('abcd', 3), true);
    assert.equal(exceedsUtf8Bytes('é', 2), false);
    assert.equal(exceedsUtf8Bytes('éé', 3), true);
    assert.equal(exceedsUtf8Bytes('😀', 4), false, 'a surrogate pair is 4 bytes');
    assert.equal(exceedsUtf8Bytes('😀a', 4), true);
    assert.equal(exceedsUtf8Bytes('€', 2), true, 'U+20AC is 3 bytes');
  });
});
