// The plan worker's entry for browsers (bundled to dist/web/planWorker.js): serves requests
// over the Web Worker's own message port. main.ts is the Node entry.

import { serve } from './planWorker';
import { extensionEndpoint } from './webWorkers';

serve(extensionEndpoint());
