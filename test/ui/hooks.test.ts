// Root hook: every UI check shares one browser, closed once at the end.
import { closeWorkbenches } from './workbench';

after(async () => {
  await closeWorkbenches();
});
