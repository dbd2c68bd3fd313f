import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { doubleQuoted, formatScalar, singleQuoted } from '../../src/model/planFile/scalar';
import { seededRandom } from './helpers';

function readBack(source: string, context: 'block' | 'flow'): unknown {
  const document = context === 'flow' ? `{k: ${source}}` : `k: ${source}`;
  return (parseYaml(document) as { k: unknown }).k;
}

describe('formatScalar', () => {
  it('writes safe single-line text plain', () => {
    for (const value of ['Collect 1,000 labelled dialogues', 'docs/plan.md', 'LoRA r=8', 'a-b', 'in-progress']) {
      assert.equal(formatScalar(value, 'block'), value);
    }
  });

  it('quotes what YAML 1.1 or 1.2 would read as something else', () => {
    for (const value of ['yes', 'No', 'on', 'null', '~', 'true', '1e3', '0x1F', '012', '.inf', '2026-01-01', '12:30', '']) {
      assert.equal(formatScalar(value, 'block'), JSON.stringify(value), value);
    }
  });

  it('quotes indicators, comments and flow characters in flow context', () => {
    assert.equal(formatScalar('a, b', 'block'), 'a, b');
    assert.equal(formatScalar('a, b', 'flow'), '"a, b"');
    assert.equal(formatScalar('[x]', 'block'), '"[x]"');
    assert.equal(formatScalar('a # b', 'block'), '"a # b"');
    assert.equal(formatScalar('- x', 'block'), '"- x"');
    assert.equal(formatScalar('k: v', 'block'), '"k: v"');
  });

  it('keeps a preferred quote style when it can carry the value', () => {
    assert.equal(formatScalar('done', 'block', 'single'), "'done'");
    assert.equal(formatScalar("it's", 'block', 'single'), "'it''s'");
    assert.equal(formatScalar('two\nlines', 'block', 'single'), '"two\\nlines"');
    assert.equal(formatScalar('done', 'block', 'double'), '"done"');
  });

  it('escapes control characters, separators, the BOM and lone surrogates', () => {
    assert.equal(doubleQuoted('a"b\\c\n\t\r\0'), '"a\\"b\\\\c\\n\\t\\r\\0"');
    assert.equal(doubleQuoted('\u0007\u2028\uFEFF\uD800'), '"\\u0007\\u2028\\uFEFF\\uD800"');
    assert.equal(doubleQuoted('😀'), '"😀"');
    assert.equal(singleQuoted("a'b"), "'a''b'");
  });

  it('round-trips 2,000 random strings in both contexts', () => {
    const random = seededRandom(42);
    const alphabet = ['a', 'Z', '0', ' ', ':', '#', '-', '?', ',', '[', ']', '{', '}', "'", '"', '\\', '\n', '\t', '&', '*', '!', '|', '>', '%', '@', '`', 'é', '😀', '\u0000', '\u2029', '\uDFFF'];
    for (let run = 0; run < 2000; run++) {
      let value = '';
      const length = Math.floor(random() * 12);
      for (let index = 0; index < length; index++) {
        value += alphabet[Math.floor(random() * alphabet.length)];
      }
      for (const context of ['block', 'flow'] as const) {
        const source = formatScalar(value, context);
        assert.equal(readBack(source, context), value, `${JSON.stringify(value)} as ${source} (${context})`);
      }
    }
  });
});
