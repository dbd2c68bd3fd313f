// The plan worker's body: answers the extension's requests (planService.ts) over whatever
// endpoint the runtime gives. It uses no Node built-in and no `vscode`, so the same module runs
// as a Web Worker in a browser build: there `serve` gets an endpoint over the worker's `self`
// (`post: (m) => self.postMessage(m)`, `onMessage: (l) => self.addEventListener('message', (e) => l(e.data))`)
// in place of nodeWorkers.ts's `parentPort` one. main.ts is the Node entry.

import { PlanService } from './planService';
import type { MessageEndpoint, PlanResponse, ToWorker } from './protocol';

export function serve(endpoint: MessageEndpoint<ToWorker, PlanResponse>, service: PlanService = new PlanService()): void {
  endpoint.onMessage((message) => {
    if (message.kind === 'configure') {
      service.configure(message.translations);
    } else {
      endpoint.post(service.handle(message));
    }
  });
}
