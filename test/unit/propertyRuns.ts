// How many cases each property runs, and from which seed. `npm run test:unit` runs a few from
// a fixed seed (fast, reproducible); `npm run fuzz` (fuzzMode.ts) runs 10,000 from a new seed
// each time and prints it. PLAN_PROPERTY_RUNS, PLAN_PROPERTY_SEED and PLAN_PROPERTY_PATH
// override both, e.g. to replay a failure fast-check reported with its seed and path.

import type * as fc from 'fast-check';

/** The seed unit runs start from: any fixed number, so a failure there reproduces as is. */
const UNIT_SEED = 20260304;

export function fuzzing(): boolean {
  return process.env.PLAN_FUZZ === '1';
}

export function propertyParameters<T>(name: string, unitRuns: number): fc.Parameters<T> {
  const runs = Number(process.env.PLAN_PROPERTY_RUNS) || unitRuns;
  const seedSetting = process.env.PLAN_PROPERTY_SEED;
  const seed = seedSetting !== undefined && seedSetting !== '' ? Number(seedSetting) : fuzzing() ? Date.now() % 2_147_483_647 : UNIT_SEED;
  const path = process.env.PLAN_PROPERTY_PATH;
  if (fuzzing()) {
    // fast-check names the seed and path of a failure; this names them for a pass too.
    console.log(`      ${name}: ${runs} runs from seed ${seed} (replay: PLAN_PROPERTY_SEED=${seed})`);
  }
  return { numRuns: runs, seed, ...(path ? { path } : {}) };
}
