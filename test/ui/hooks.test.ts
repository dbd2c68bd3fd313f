// Root hooks: every UI check shares one browser, closed once at the end; a failed check
// leaves screenshots of the pages it had open in test-artifacts/.
import { closeWorkbenches, screenshotOpenPages } from './workbench';

afterEach(async function () {
  if (this.currentTest?.state === 'failed') {
    const slug = this.currentTest.fullTitle().replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    const files = await screenshotOpenPages(`failed-${slug}`);
    console.log(`      screenshots of the failed check: ${files.join(', ')}`);
  }
});

after(async () => {
  await closeWorkbenches();
});
