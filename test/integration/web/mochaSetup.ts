// The first module of a web test bundle (test/host/build-web-tests.mjs): mocha's browser build,
// which sets the `mocha` and `Mocha` globals, set up for bdd before the suites' modules evaluate
// and call describe and it. Mocha's Node package cannot load in the web worker host.
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
