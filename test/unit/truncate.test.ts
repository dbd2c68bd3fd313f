import * as assert from 'node:assert/strict';
import { truncateText } from '../../src/model/presentation/truncate';

/** True when `text` holds a surrogate half without its partner. */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('truncateText', () => {
  it('keeps text that fits', () => {
    assert.equal(truncateText('short', 5), 'short');
    assert.equal(truncateText('', 0), '');
  });

  it('cuts at the limit and marks the cut', () => {
    assert.equal(truncateText('abcdefgh', 5), 'abcde…');
    assert.equal(truncateText('abc   defgh', 5), 'abc…', 'no trailing spaces before the ellipsis');
  });

  it('never cuts inside a surrogate pair, a combining sequence or a flag', () => {
    assert.equal(truncateText('abcd😀xyz', 5), 'abcd…');
    assert.equal(truncateText('abcde\u0301xyz', 5), 'abcd…', 'e with its accent stays whole');
    assert.equal(truncateText('ab🇫🇷🇩🇪', 5), 'ab…', 'a flag is two code points of two units each');
    assert.equal(truncateText('ab👩‍💻cd', 6), 'ab…', 'a ZWJ sequence is one grapheme');
  });

  it('leaves no lone surrogate at any limit', () => {
    const text = '😀a😀😀b👩‍💻c'.repeat(3);
    for (let limit = 0; limit < text.length; limit++) {
      const cut = truncateText(text, limit);
      assert.ok(!hasLoneSurrogate(cut), `limit ${limit}: ${JSON.stringify(cut)}`);
      assert.ok(cut.length <= limit + 1);
    }
  });
});
