// The plan worker's entry for Node (bundled to dist/planWorker.js): serves requests over the
// worker_threads port. webMain.ts is the browser entry.

import { hostEndpoint } from './nodeWorkers';
import { serve } from './planWorker';

serve(hostEndpoint());
