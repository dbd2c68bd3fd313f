// The integration entry of the web worker extension host: the last module of a fixture's web
// test bundle (test/host/build-web-tests.mjs), after mocha's setup and the fixture's suites.
// The host fetches the bundle and calls its `run()`, as the Node host does with
// test/integration/index.ts.
import { runLoadedSuites } from '../runner';

export async function run(): Promise<void> {
  await runLoadedSuites(mocha, Mocha.reporters.Base, 'web');
}
