// Properties of `parse`: it never throws, whatever the text; every diagnostic and stage range
// lies inside the text; and every plan the generators write is read without a problem.

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse } from '../../src/model/planFile/parse';
import type { ParseResult } from '../../src/model/planFile/types';
import { assertRangesInside } from './helpers';
import { planSpec } from './planArbitraries';
import { renderPlan } from './planRendering';
import { fuzzing, propertyParameters } from './propertyRuns';

/** Pieces of YAML and of plans, so random texts reach the parser's deeper paths. */
const PIECES = ['version: 1', 'stages:', '- id: rlhf', '  status: done', '  tasks:', '    - title: a', '{', '}', '[', ']', ', ', ': ', '- ', '? ', '#c', '&a ', '*a', '!!str ', '|+', '>-', "'", '"', '\\', '---', '...', '<<<<<<< HEAD', '=======', '>>>>>>> x', '\t', ' ', '  ', '\n', '\r\n', '\r', '\uFEFF', '😀', '\uD800', '\u2028', '\u0000'];

const yamlSoup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** A generated plan with a few characters inserted, deleted or replaced. */
const mutatedPlan = fc
  .tuple(
    planSpec.map(renderPlan),
    fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.constantFrom(...PIECES, '', 'x')), { minLength: 1, maxLength: 4 }),
  )
  .map(([text, mutations]) =>
    mutations.reduce((mutated, [at, deleted, inserted]) => {
      const offset = at % (mutated.length + 1);
      return mutated.slice(0, offset) + inserted + mutated.slice(offset + deleted);
    }, text),
  );

function parseSafely(text: string): ParseResult {
  let result: ParseResult | undefined;
  assert.doesNotThrow(() => {
    result = parse(text);
  });
  assert.ok(result);
  return result;
}

describe('parse properties', function () {
  this.timeout(fuzzing() ? 0 : 10_000);

  it('never throws on any text, and every range lies inside the text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlSoup, mutatedPlan);
    fc.assert(
      fc.property(text, (source) => assertRangesInside(source, parseSafely(source))),
      propertyParameters('parse never throws', 400),
    );
  });

  it('reads every generated plan without a problem, its stages in order', () => {
    fc.assert(
      fc.property(planSpec, (spec) => {
        const text = renderPlan(spec);
        const result = parseSafely(text);
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(
          result.plan?.stages.map((stage) => stage.id),
          spec.stages.map((stage) => stage.id),
        );
        assertRangesInside(text, result);
      }),
      propertyParameters('generated plans are valid', 200),
    );
  });
});
