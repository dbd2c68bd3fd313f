// Loaded first by `npm run fuzz` (mocha --require): switches the property tests to the long
// run. A setting given in the environment wins.
process.env.PLAN_FUZZ = '1';
process.env.PLAN_PROPERTY_RUNS ||= '10000';
