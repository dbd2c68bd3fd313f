// The plan worker's entry for Node (bundled to dist/planWorker.js): serves requests over the
// worker_threads port. A browser build bundles an entry that passes a Web Worker endpoint instead.

import { hostEndpoint } from './nodeWorkers';
import { serve } from './planWorker';

serve(hostEndpoint());
